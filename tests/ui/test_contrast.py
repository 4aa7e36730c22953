"""Every phase colour on the host console and the stage meets WCAG AA (4.5:1) in the dark
and the light theme, measured on the colours the screens actually draw with (the theme's
CSS variables through the stylesheets), so a colour changed back fails here."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rich.style import Style
from textual.color import Color
from textual.widget import Widget

from facilitator.agenda.model import Agenda
from facilitator.roles.host import HostRun
from facilitator.roles.stage import Stage
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action
from facilitator.timing.timeline import Phase
from facilitator.ui.app import host_app, stage_app
from facilitator.ui.contrast import AA, contrast
from facilitator.ui.screens.host import HostScreen
from facilitator.ui.screens.stage import StageScreen
from facilitator.ui.widgets.agenda_list import AgendaList

SIZE = (120, 40)
THEMES = ("textual-dark", "textual-light")


def _reach(*actions: Action, run_for: float = 0) -> Callable[[HostRun, FakeClock], None]:
    """Start the day at 08:44 on the fake clock, apply `actions`, then let time run."""

    def reach(run: HostRun, clock: FakeClock) -> None:
        for action in actions:
            run.act(action)
        clock.advance(run_for)

    return reach


PHASES: dict[Phase, Callable[[HostRun, FakeClock], None]] = {
    Phase.PENDING: _reach(),
    Phase.RUNNING: _reach(Action.START),
    Phase.WARNING: _reach(Action.START, run_for=250),
    Phase.OVERTIME: _reach(Action.START, run_for=330),
    Phase.PAUSED: _reach(Action.START, Action.PAUSE),
    Phase.DONE: _reach(Action.START, Action.FINISH),
}
"""Each phase of the first slot, and how to reach it."""


def ratio(widget: Widget) -> float:
    """The contrast of the widget's text on the background it is drawn on."""
    _, _, background, colour = widget.colors
    return contrast(colour, background)


def test_the_measure_is_wcag_s() -> None:
    assert contrast(Color(0, 0, 0), Color(255, 255, 255)) == pytest.approx(21)
    # Textual's own error red on its dark background: the colour this test keeps out.
    assert contrast(Color.parse("#B93C5B"), Color.parse("#121212")) == pytest.approx(3.44, abs=0.01)


@pytest.mark.parametrize("phase", list(PHASES))
@pytest.mark.parametrize("theme", THEMES)
async def test_host_phase_colours_meet_aa(
    theme: str, phase: Phase, agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    run = HostRun(agenda, store, clock)
    PHASES[phase](run, clock)
    app = host_app(run)
    app.theme = theme
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, HostScreen)
        screen.refresh_state()
        await pilot.pause()
        assert screen.query_one("#slot-panel").has_class(f"-{phase.value}")
        for part in ("#countdown", "#slot-phase"):
            measured = ratio(screen.query_one(part))
            assert measured >= AA, f"{theme} {phase.value} {part}: {measured:.2f}"
        # The agenda list's state column, in the phase's colour on the list.
        agenda_list = screen.query_one(AgendaList)
        info = agenda_list._rows[0][3]
        style = info.style if isinstance(info.style, Style) else Style.parse(info.style or "")
        if phase is not Phase.PENDING:
            assert style.color is not None
            _, _, background, _ = agenda_list.colors
            measured = contrast(Color.from_rich_color(style.color), background)
            assert measured >= AA, f"{theme} {phase.value} list: {measured:.2f}"
    run.close()


@pytest.mark.parametrize("light", [False, True])
async def test_stage_phase_colours_meet_aa(
    light: bool, agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    run = HostRun(agenda, store, clock)
    run.act(Action.START)
    app = stage_app(Stage(store, clock))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, StageScreen)
        if light:
            screen.action_toggle_theme()
        steps: list[tuple[str, Callable[[], object]]] = [
            ("running", lambda: None),
            ("warning", lambda: clock.advance(250)),
            ("overtime", lambda: clock.advance(80.2)),  # just over: the flash is bright
            ("overtime-dark", lambda: clock.advance(0.5)),
            ("paused", lambda: run.act(Action.PAUSE)),
        ]
        for name, step in steps:
            step()
            screen.follow()
            screen.draw()
            await pilot.pause()
            for part in ("#stage-countdown", "#stage-title"):
                measured = ratio(screen.query_one(part))
                assert measured >= AA, f"light={light} {name} {part}: {measured:.2f}"
        run.act(Action.RESUME)
        run.send_message("2 min tilbage", full=True)
        screen.follow()
        screen.draw()
        await pilot.pause()
        measured = ratio(screen.query_one("#stage-big-message"))
        assert measured >= AA, f"light={light} message: {measured:.2f}"
    run.close()
