"""The stage role without a screen: what it shows, following the file, the last good copy."""

from __future__ import annotations

import pytest

from facilitator.agenda.model import Agenda
from facilitator.errors import SessionError
from facilitator.roles.host import HostRun
from facilitator.roles.stage import FLASH_SECONDS, Stage
from facilitator.session.store import SESSION_FILE, SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action
from facilitator.timing.timeline import Phase


def test_it_waits_then_shows_the_host_s_slot(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    stage = Stage(store, clock)
    assert not stage.follow()
    assert stage.view().title == "Waiting for the host to start the day…"
    assert stage.view().change_in is None
    host = HostRun(agenda, store, clock)
    host.act(Action.START)
    assert stage.follow()
    view = stage.view()
    assert (view.title, view.digits, view.phase) == (
        "Velkommen til arbejdsmiljødagen",
        "05:00",
        Phase.RUNNING,
    )
    assert view.next.startswith("Next: Opfølgning")
    clock.advance(75.5)
    assert stage.view().digits == "03:45"
    assert stage.view().change_in == pytest.approx(0.5)


def test_the_file_is_read_only_when_it_changes(
    agenda: Agenda, store: SessionStore, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    host = HostRun(agenda, store, clock)
    host.act(Action.START)
    stage = Stage(store, clock)
    stage.follow()
    loads: list[str] = []
    real_load = SessionStore.load

    def counted(self: SessionStore, session_id: str) -> object:
        loads.append(session_id)
        return real_load(self, session_id)

    monkeypatch.setattr(SessionStore, "load", counted)
    for _ in range(5):
        assert not stage.follow()
    assert loads == []
    host.act(Action.NEXT)
    assert stage.follow()
    assert len(loads) == 1 and stage.view().title.startswith("Opfølgning")


def test_an_unreadable_file_keeps_the_last_good_copy(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    host = HostRun(agenda, store, clock)
    host.act(Action.START)
    stage = Stage(store, clock)
    stage.follow()
    assert host.session is not None
    (store.folder(host.session.id) / SESSION_FILE).write_text("this is not [ toml")
    with pytest.raises(SessionError):
        stage.follow()
    assert stage.view().title == "Velkommen til arbejdsmiljødagen"
    assert not stage.follow()  # not read again until it changes
    host.act(Action.NEXT)  # the host's next write mends it
    assert stage.follow() and stage.view().title.startswith("Opfølgning")


def test_a_new_message_flashes_for_a_while(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    host = HostRun(agenda, store, clock)
    host.act(Action.START)
    stage = Stage(store, clock)
    stage.follow()
    host.send_message("Round off please")
    stage.follow()
    flashes = set()
    for _ in range(int(FLASH_SECONDS / 0.5)):
        view = stage.view()
        flashes.add(view.flashing)
        assert view.longest == 0.5
        clock.advance(0.5)
    assert flashes == {True, False}
    view = stage.view()
    assert view.message == "Round off please" and not view.flashing and view.longest == 1.0


def test_the_round_up_shows_the_words_and_a_line_of_time(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    from facilitator.roles.note_taker import NoteTaking

    host = HostRun(agenda, store, clock)
    host.act(Action.START)
    host.act(Action.GOTO, slot=3)
    assert host.session is not None
    desk = NoteTaking(store, host.session, "desk", clock)
    desk.save(2, 1, None, "Psykologisk tryghed og tillid")
    desk.save(2, 2, None, "Tillid, psykologisk tryghed")
    stage = Stage(store, clock)
    stage.follow()
    assert stage.view().cloud is None
    host.toggle_cloud()
    stage.follow()
    view = stage.view()
    assert view.title == "What the tables said: Dialog ved bordene"
    assert view.speakers.startswith("Kort opsamling") and view.speakers.endswith("05:00")
    assert view.cloud is not None and [term.term for term in view.cloud] == [
        "psykologisk tryghed",
        "tillid",
    ]
    desk.save(2, 3, None, "Feedback")
    assert stage.follow()
    assert "feedback" in [term.term for term in stage.view().cloud or ()]
    desk.close()


def test_a_finished_day_says_thank_you(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    host = HostRun(agenda, store, clock)
    host.act(Action.START)
    host.act(Action.FINISH)
    assert host.session is not None
    stage = Stage(store, clock, host.session.id)
    stage.follow()
    view = stage.view()
    assert (view.title, view.digits, view.next, view.phase) == ("Thank you!", "", "", Phase.DONE)
