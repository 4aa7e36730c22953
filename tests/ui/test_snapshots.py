"""Snapshots of the consoles at 120x40: look at a changed one before updating it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import TextArea

from facilitator.agenda.model import Agenda
from facilitator.i18n import set_language
from facilitator.roles.host import HostRun
from facilitator.roles.note_taker import NoteTaking
from facilitator.roles.stage import Stage
from facilitator.session.stage_show import StageMode
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action
from facilitator.ui.app import host_app, notes_app, review_app, stage_app
from facilitator.ui.screens.host import HostScreen
from facilitator.ui.screens.stage import StageScreen
from tests.ui.waiting import settled

SIZE = (120, 40)
ROOT = Path(__file__).resolve().parents[2]


def host_after(
    agenda: Agenda, store: SessionStore, clock: FakeClock, seconds: float, message: str = ""
) -> tuple[object, Callable[[Pilot[None]], object]]:
    """A host app whose day started at 08:45 and ran `seconds` into the first slot."""
    clock.advance(60)
    run = HostRun(agenda, store, clock)
    run.act(Action.START)
    if message:
        run.send_message(message)
    clock.advance(seconds)
    app = host_app(run)

    async def settle(pilot: Pilot[None]) -> None:
        screen = pilot.app.screen
        assert isinstance(screen, HostScreen)
        screen.refresh_state()
        await settled(pilot)

    return app, settle


async def open_the_first(pilot: Pilot[None]) -> None:
    """Enter on the list opens the first session; wait until it has settled."""
    await pilot.press("enter")
    await settled(pilot)


class TestHostConsole:
    """The host console in each phase of a slot."""

    def test_running(self, snap_compare, agenda, store, clock) -> None:  # type: ignore[no-untyped-def]
        """Two minutes into the welcome: normal colours, on time."""
        app, settle = host_after(agenda, store, clock, 120)
        assert snap_compare(app, terminal_size=SIZE, run_before=settle)

    def test_warning(self, snap_compare, agenda, store, clock) -> None:  # type: ignore[no-untyped-def]
        """Forty seconds left of the welcome: the warning colour, a message on stage."""
        app, settle = host_after(agenda, store, clock, 260, message="Round off please")
        assert snap_compare(app, terminal_size=SIZE, run_before=settle)

    def test_overtime(self, snap_compare, agenda, store, clock) -> None:  # type: ignore[no-untyped-def]
        """Three and a half minutes over: red, counting up, lunch at risk."""
        app, settle = host_after(agenda, store, clock, 510)
        assert snap_compare(app, terminal_size=SIZE, run_before=settle)


class TestReplanDialog:
    """The host's `r` after the welcome ran 15 minutes over and the talk began."""

    def test_proposal_with_a_length_chosen(self, snap_compare, agenda, store, clock) -> None:  # type: ignore[no-untyped-def]
        """Every slot up to lunch with its new length; one set by hand and marked."""
        app, settle = host_after(agenda, store, clock, 20 * 60)

        async def open_the_dialog(pilot: Pilot[None]) -> None:
            await settle(pilot)
            await pilot.press("n", "r", "down", "minus", "minus")
            await pilot.pause()

        assert snap_compare(app, terminal_size=SIZE, run_before=open_the_dialog)


class TestStageScreen:
    """The stage screen as the room sees it."""

    def test_with_a_message(self, snap_compare, agenda, store, clock) -> None:  # type: ignore[no-untyped-def]
        """A running slot with the host's message, after its flash."""
        run = HostRun(agenda, store, clock)
        run.act(Action.START)
        run.act(Action.NEXT)
        run.send_message("2 minutes")
        clock.advance(8 * 60 + 10)
        app = stage_app(Stage(store, clock))

        async def after_the_flash(pilot: Pilot[None]) -> None:
            clock.advance(5)
            screen = pilot.app.screen
            assert isinstance(screen, StageScreen)
            screen.draw()
            await pilot.pause()

        assert snap_compare(app, terminal_size=SIZE, run_before=after_the_flash)

    def test_with_the_join_code(self, snap_compare, agenda, store, clock) -> None:  # type: ignore[no-untyped-def]
        """The host's j while `facilitator serve` runs: the QR code phones scan."""
        from facilitator.roles.join import write_join

        run = HostRun(agenda, store, clock)
        run.act(Action.START)
        assert run.session is not None
        write_join(store.folder(run.session.id), "http://192.0.2.7:8000/?t=AbCdEfGhIjKlMnOpQrStUv")
        run.toggle_join()
        assert snap_compare(stage_app(Stage(store, clock)), terminal_size=SIZE)


class TestStageStates:
    """The stage in the states the host puts it in: one language per state, the whole-stage
    message in both, dark and light."""

    @staticmethod
    def stage(
        agenda: Agenda,
        store: SessionStore,
        clock: FakeClock,
        prepare: Callable[[HostRun], object],
        light: bool = False,
        language: str = "en",
    ) -> tuple[object, Callable[[Pilot[None]], object]]:
        """A stage on the welcome, started at 08:44, after `prepare` and any flash."""
        set_language(language)
        run = HostRun(agenda, store, clock)
        run.act(Action.START)
        prepare(run)
        app = stage_app(Stage(store, clock))

        async def settle(pilot: Pilot[None]) -> None:
            screen = pilot.app.screen
            assert isinstance(screen, StageScreen)
            if light:
                screen.action_toggle_theme()
            screen.draw()
            await pilot.pause()

        return app, settle

    def test_message_on_the_whole_stage(self, snap_compare, agenda, store, clock) -> None:  # type: ignore[no-untyped-def]
        """A preset in large type in place of the digits; the time stays as a line."""
        app, settle = self.stage(
            agenda, store, clock, lambda run: run.send_message("2 min left – round off", full=True)
        )
        assert snap_compare(app, terminal_size=SIZE, run_before=settle)

    def test_whole_stage_danish_light(self, snap_compare, agenda, store, clock) -> None:  # type: ignore[no-untyped-def]
        """The same in Danish, on the light stage."""
        app, settle = self.stage(
            agenda,
            store,
            clock,
            lambda run: run.send_message("2 min tilbage – rund af", full=True),
            light=True,
            language="da",
        )
        assert snap_compare(app, terminal_size=SIZE, run_before=settle)

    def test_clock_only_danish(self, snap_compare, agenda, store, clock) -> None:  # type: ignore[no-untyped-def]
        """Only the time of day, as Danish writes it (08.44)."""
        app, settle = self.stage(
            agenda, store, clock, lambda run: run.switch_stage_mode(StageMode.CLOCK), language="da"
        )
        assert snap_compare(app, terminal_size=SIZE, run_before=settle)

    def test_blackout(self, snap_compare, agenda, store, clock) -> None:  # type: ignore[no-untyped-def]
        """Nothing at all, whatever runs."""
        app, settle = self.stage(
            agenda, store, clock, lambda run: run.switch_stage_mode(StageMode.BLACKOUT)
        )
        assert snap_compare(app, terminal_size=SIZE, run_before=settle)

    def test_overtime_flash_light(self, snap_compare, agenda, store, clock) -> None:  # type: ignore[no-untyped-def]
        """A second into overtime: the digits flash on red, light stage."""
        app, settle = self.stage(agenda, store, clock, lambda _: clock.advance(301.2), light=True)
        assert snap_compare(app, terminal_size=SIZE, run_before=settle)

    def test_cloud_without_notes_danish(self, snap_compare, agenda, store, clock) -> None:  # type: ignore[no-untyped-def]
        """`w` as the first dialogue begins: the time stays, and the stage says why no cloud."""

        def first_dialogue(run: HostRun) -> None:
            run.act(Action.GOTO, slot=2)
            run.toggle_cloud()

        app, settle = self.stage(agenda, store, clock, first_dialogue, language="da")
        assert snap_compare(app, terminal_size=SIZE, run_before=settle)


class TestReview:
    """The organiser's review of the repository's example session."""

    def test_list(self, snap_compare, monkeypatch) -> None:  # type: ignore[no-untyped-def]
        """The list of sessions with the recurring-slot summary."""
        monkeypatch.chdir(ROOT)
        app = review_app(SessionStore(Path("sessions")))
        assert snap_compare(app, terminal_size=SIZE)

    def test_session_timeline(self, snap_compare, monkeypatch) -> None:  # type: ignore[no-untyped-def]
        """One session: planned against actual, where the delay came from."""
        monkeypatch.chdir(ROOT)
        app = review_app(SessionStore(Path("sessions")))
        assert snap_compare(app, terminal_size=SIZE, run_before=open_the_first)


class TestDanish:
    """The consoles in Danish, as the seed's day is run."""

    def test_host_console(self, snap_compare, agenda, store, clock) -> None:  # type: ignore[no-untyped-def]
        """Overtime in Danish: "bagud", "Overtid", times as 08.53."""
        set_language("da")
        app, settle = host_after(agenda, store, clock, 510, message="Rund gerne af")
        assert snap_compare(app, terminal_size=SIZE, run_before=settle)

    def test_notes_console(self, snap_compare, agenda, store, clock) -> None:  # type: ignore[no-untyped-def]
        """The note-taker's console with two tables reported."""
        set_language("da")
        run = HostRun(agenda, store, clock)
        run.act(Action.START)
        run.act(Action.GOTO, slot=2)
        assert run.session is not None
        desk = NoteTaking(store, run.session, "desk", clock)
        questions = agenda.slots[2].questions
        desk.save(2, 1, questions[0], "Tillid og psykologisk tryghed i hverdagen")
        clock.advance(45)  # newest first: a distinct time keeps the order fixed
        desk.save(2, 2, questions[1], "Feedback begge veje; psykologisk tryghed")

        async def steady_cursor(pilot: Pilot[None]) -> None:
            pilot.app.screen.query_one(TextArea).cursor_blink = False
            await settled(pilot)

        assert snap_compare(notes_app(desk), terminal_size=SIZE, run_before=steady_cursor)

    def test_review(self, snap_compare, monkeypatch) -> None:  # type: ignore[no-untyped-def]
        """The example session's timeline in Danish."""
        monkeypatch.chdir(ROOT)
        set_language("da")
        app = review_app(SessionStore(Path("sessions")))
        assert snap_compare(app, terminal_size=SIZE, run_before=open_the_first)
