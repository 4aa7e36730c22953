"""The stage screen under Pilot: it waits, follows the host's file, flashes messages, themes."""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.pilot import Pilot
from textual.widgets import Label

from facilitator.agenda.model import Agenda
from facilitator.roles.host import HostRun
from facilitator.roles.stage import Stage
from facilitator.session.store import SESSION_FILE, SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action
from facilitator.ui.app import stage_app
from facilitator.ui.screens.stage import StageScreen
from facilitator.ui.widgets.big_digits import BigDigits
from tests.ui.reading import notified

SIZE = (100, 30)


def shown(screen: StageScreen, widget_id: str) -> str:
    label = screen.query_one(f"#{widget_id}", Label)
    return str(label.content) if label.display else ""


async def test_it_waits_for_the_host_then_follows(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    app = stage_app(Stage(store, clock))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, StageScreen)
        assert shown(screen, "stage-title") == "Waiting for the host to start the day…"
        host = HostRun(agenda, store, clock)
        host.act(Action.START)
        screen.follow()
        assert shown(screen, "stage-title") == "Velkommen til arbejdsmiljødagen"
        assert shown(screen, "stage-speakers") == "Jonas Kroustrup, Tinne Christiansen"
        assert shown(screen, "stage-next").startswith("Next: Opfølgning")
        clock.advance(75.5)
        screen.draw()
        assert screen.query_one(BigDigits).value == "03:45"
        assert host.state().current_slot.display_seconds == 225
        host.act(Action.NEXT)
        screen.follow()
        assert shown(screen, "stage-title").startswith("Opfølgning")
        assert screen.query_one(BigDigits).value == "10:00"
        await pilot.pause()


async def test_overtime_counts_up_in_red(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    host = HostRun(agenda, store, clock)
    host.act(Action.START)
    clock.advance(5 * 60 + 42)
    app = stage_app(Stage(store, clock))
    async with app.run_test(size=SIZE):
        screen = app.screen
        assert screen.query_one(BigDigits).value == "+00:42"
        assert screen.has_class("-overtime")


async def test_a_new_message_flashes_then_stays(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    host = HostRun(agenda, store, clock)
    host.act(Action.START)
    app = stage_app(Stage(store, clock))
    async with app.run_test(size=SIZE):
        screen = app.screen
        assert isinstance(screen, StageScreen)
        assert shown(screen, "stage-message") == ""
        host.send_message("Round off please", flash=True)
        screen.follow()
        message = screen.query_one("#stage-message")
        assert shown(screen, "stage-message") == "Round off please"
        flashes = set()
        for _ in range(10):
            clock.advance(0.5)
            screen.draw()
            flashes.add(message.has_class("-flash"))
        assert flashes == {True, False}
        clock.advance(1)
        screen.draw()
        assert not message.has_class("-flash")
        assert shown(screen, "stage-message") == "Round off please"
        host.send_message("")
        screen.follow()
        assert shown(screen, "stage-message") == ""


async def test_a_broken_file_keeps_the_last_good_state(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    host = HostRun(agenda, store, clock)
    host.act(Action.START)
    app = stage_app(Stage(store, clock))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = app.screen
        assert isinstance(screen, StageScreen)
        assert host.session is not None
        path = store.folder(host.session.id) / SESSION_FILE
        path.write_text("this is not [ toml")
        screen.follow()
        await pilot.pause()
        assert shown(screen, "stage-title") == "Velkommen til arbejdsmiljødagen"
        assert any("Cannot read" in n for n in notified(app))


async def test_the_theme_key_switches_light_and_dark(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    app = stage_app(Stage(store, clock))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        assert app.screen.has_class("-light")
        await pilot.press("t")
        assert not app.screen.has_class("-light")


async def test_a_finished_day_says_thank_you(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    host = HostRun(agenda, store, clock)
    host.act(Action.START)
    host.act(Action.FINISH)
    assert host.session is not None
    app = stage_app(Stage(store, clock, host.session.id))
    async with app.run_test(size=SIZE):
        assert shown(app.screen, "stage-title") == "Thank you!"  # type: ignore[arg-type]


async def test_the_round_up_shows_the_cloud_of_the_dialogue(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    from facilitator.roles.note_taker import NoteTaking
    from facilitator.ui.widgets.word_cloud import WordCloud

    host = HostRun(agenda, store, clock)
    host.act(Action.START)
    host.act(Action.GOTO, slot=3)
    assert host.session is not None
    desk = NoteTaking(store, host.session, "desk", clock)
    desk.save(2, 1, None, "Psykologisk tryghed og tillid")
    desk.save(2, 2, None, "Tillid, psykologisk tryghed")
    app = stage_app(Stage(store, clock))
    async with app.run_test(size=SIZE):
        screen = app.screen
        assert isinstance(screen, StageScreen)
        assert not screen.has_class("-cloud")
        host.toggle_cloud()
        screen.follow()
        assert screen.has_class("-cloud")
        assert shown(screen, "stage-title") == "What the tables said: Dialog ved bordene"
        terms = [term.term for term in screen.query_one(WordCloud).terms]
        assert terms == ["psykologisk tryghed", "tillid"]
        desk.save(2, 3, None, "Feedback")
        screen.follow()
        assert "feedback" in [term.term for term in screen.query_one(WordCloud).terms]
        host.toggle_cloud()
        screen.follow()
        assert not screen.has_class("-cloud")


async def test_waiting_reads_the_sessions_only_when_a_file_changes(
    agenda: Agenda,
    store: SessionStore,
    clock: FakeClock,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    finished = HostRun(agenda, store, clock)
    finished.act(Action.START)
    finished.act(Action.FINISH)
    finished.close()
    looks: list[object] = []
    real_resolve = store.resolve

    def counted(name: str | None) -> object:
        looks.append(name)
        return real_resolve(name)

    monkeypatch.setattr(store, "resolve", counted)
    app = stage_app(Stage(store, clock))
    async with app.run_test(size=SIZE):
        screen = app.screen
        assert isinstance(screen, StageScreen)
        for _ in range(3):
            screen.follow()
        assert len(looks) == 1  # nothing new: no second reading of every session
        clock.advance(60)
        host = HostRun(agenda, store, clock)
        host.act(Action.START)
        screen.follow()
        assert len(looks) == 2
        assert shown(screen, "stage-title") == "Velkommen til arbejdsmiljødagen"


async def until(pilot: Pilot[None], condition: Callable[[], bool], seconds: float = 2.0) -> None:
    """Let the app run until `condition` holds; fail after `seconds` of real time."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the condition did not come true in time"
        await pilot.pause(0.05)


async def test_the_real_day_takes_the_stage_within_two_seconds(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    rehearsal = HostRun(agenda, store, clock, speed=60)
    rehearsal.act(Action.START)
    app = stage_app(Stage(store, clock))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, StageScreen)
        rehearsal.act(Action.FINISH)
        rehearsal.close()
        await until(pilot, lambda: shown(screen, "stage-title") == "Thank you!")
        clock.advance(600)
        real = HostRun(agenda, store, clock)
        real.act(Action.START)
        welcome = "Velkommen til arbejdsmiljødagen"
        await until(pilot, lambda: shown(screen, "stage-title") == welcome)
        assert screen.query_one(BigDigits).value == "05:00"
        real.close()
