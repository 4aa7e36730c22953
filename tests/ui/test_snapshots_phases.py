"""Snapshots of a 1-2-4-All dialogue at 120x40: the stage with a phase running and the
second question marked, in English and Danish, dark and light; the host's panel beside it.
Look at a changed one before updating it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot

from facilitator.agenda.model import Agenda
from facilitator.i18n import set_language
from facilitator.roles.host import HostRun
from facilitator.roles.stage import Stage
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action
from facilitator.ui.app import host_app, stage_app
from facilitator.ui.screens.host import HostScreen
from facilitator.ui.screens.stage import StageScreen

SIZE = (120, 40)


def in_pairs(agenda: Agenda, store: SessionStore, clock: FakeClock, language: str) -> HostRun:
    """The seed's first dialogue as a 1-2-4-All in `language`, 80 s in (in pairs), its
    second question marked on the stage."""
    set_language(language)
    data = agenda.to_toml_data()
    data["language"] = language
    data["slot"][2]["template"] = "1-2-4-all"
    data["slot"][3]["start"] = "09:12"
    run = HostRun(Agenda.model_validate(data), store, clock)
    run.act(Action.GOTO, slot=2)
    clock.advance(16 * 60)  # 09:00, the dialogue's planned start
    run.act(Action.START)
    run.step_question(1)
    run.step_question(1)
    clock.advance(80)
    return run


def stage_snapshot(light: bool) -> Callable[[Pilot[None]], object]:
    async def settle(pilot: Pilot[None]) -> None:
        screen = pilot.app.screen
        assert isinstance(screen, StageScreen)
        if light:
            await pilot.press("t")
        screen.draw()
        await pilot.pause()

    return settle


class TestStagePhases:
    """The stage during a 1-2-4-All: the phase, its countdown, the next, the questions."""

    @pytest.mark.parametrize("language", ["en", "da"])
    @pytest.mark.parametrize("theme", ["dark", "light"])
    def test_a_phase_with_a_question_marked(  # type: ignore[no-untyped-def]
        self, snap_compare, agenda, store, clock, language: str, theme: str
    ) -> None:
        """In pairs, 01:40 left, foursomes next; question 2 of 2 marked."""
        in_pairs(agenda, store, clock, language)
        app = stage_app(Stage(store, clock))
        assert snap_compare(app, terminal_size=SIZE, run_before=stage_snapshot(theme == "light"))


class TestHostPhases:
    """The host's panel during a 1-2-4-All."""

    def test_a_phase_running(self, snap_compare, agenda, store, clock) -> None:  # type: ignore[no-untyped-def]
        """Phase 2 of 4 with its countdown and the next phase; the marked question."""
        run = in_pairs(agenda, store, clock, "en")
        app = host_app(run)

        async def settle(pilot: Pilot[None]) -> None:
            screen = pilot.app.screen
            assert isinstance(screen, HostScreen)
            screen.refresh_state()
            await pilot.pause()

        assert snap_compare(app, terminal_size=SIZE, run_before=settle)
