"""The stage role without a screen: what it shows, following the file, the last good copy."""

from __future__ import annotations

from pathlib import Path

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
    host.send_message("Round off please", flash=True)
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


def test_it_moves_to_the_real_day_after_the_rehearsal(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    rehearsal = HostRun(agenda, store, clock, speed=60)
    rehearsal.act(Action.START)
    stage = Stage(store, clock)
    stage.follow()
    rehearsal.act(Action.FINISH)
    rehearsal.close()
    assert stage.follow() and stage.view().title == "Thank you!"
    assert not stage.follow()
    clock.advance(600)
    real = HostRun(agenda, store, clock)
    real.act(Action.START)
    assert stage.follow()  # the screen looks twice a second
    assert real.session is not None and stage.session is not None
    assert stage.session.id == real.session.id
    assert stage.view().title == "Velkommen til arbejdsmiljødagen"
    real.act(Action.NEXT)
    assert stage.follow() and stage.view().title.startswith("Opfølgning")
    real.close()


def test_a_day_that_starts_later_takes_the_stage_from_a_running_one(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    first = HostRun(agenda, store, clock, speed=60)
    first.act(Action.START)
    stage = Stage(store, clock)
    stage.follow()
    clock.advance(60)
    later = HostRun(agenda, store, clock)
    later.act(Action.START)
    later.act(Action.NEXT)
    stage.follow()
    assert later.session is not None and stage.session is not None
    assert stage.session.id == later.session.id
    first.act(Action.NEXT)  # the older day goes on: the stage stays with the later one
    stage.follow()
    assert stage.session is not None and stage.session.id == later.session.id
    first.close()
    later.close()


def test_a_named_session_is_never_left(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    first = HostRun(agenda, store, clock, speed=60)
    first.act(Action.START)
    first.act(Action.FINISH)
    assert first.session is not None
    stage = Stage(store, clock, first.session.id)
    stage.follow()
    clock.advance(60)
    later = HostRun(agenda, store, clock)
    later.act(Action.START)
    stage.follow()
    assert stage.session is not None and stage.session.id == first.session.id
    later.close()


def test_a_session_folder_synced_before_its_file_is_noticed_when_the_file_comes(
    agenda: Agenda, store: SessionStore, clock: FakeClock, tmp_path: Path
) -> None:
    first = HostRun(agenda, store, clock)
    first.act(Action.START)
    stage = Stage(store, clock)
    stage.follow()
    clock.advance(60)
    other = SessionStore(tmp_path / "elsewhere")
    later = HostRun(agenda, other, clock, speed=60)
    later.act(Action.START)
    assert later.session is not None
    (store.root / later.session.id).mkdir()  # the folder arrives first
    assert not stage.follow()
    source = other.folder(later.session.id) / SESSION_FILE
    (store.root / later.session.id / SESSION_FILE).write_bytes(source.read_bytes())
    assert stage.follow()
    assert stage.session is not None and stage.session.id == later.session.id
    first.close()
    later.close()
