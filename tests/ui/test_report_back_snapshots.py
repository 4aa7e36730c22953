"""Snapshots of the report-back round at 120x40, in English and Danish, dark and light:
look at a changed one before updating it."""

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
SUMMARY = 3


def round_under_way(agenda: Agenda, store: SessionStore, clock: FakeClock) -> HostRun:
    """The round-up of the seed day: tables 1 and 2 have reported, 3 was skipped, table 4
    has been reporting for 13 seconds."""
    run = HostRun(agenda, store, clock)
    run.act(Action.START)
    run.act(Action.GOTO, slot=SUMMARY)
    run.act(Action.REPORT_START)
    for action in (Action.REPORT_NEXT, Action.REPORT_NEXT, Action.REPORT_SKIP):
        clock.advance(20)
        run.act(action)
    clock.advance(13)
    return run


def stage_settled(clock: FakeClock, light: bool) -> Callable[[Pilot[None]], object]:
    async def settle(pilot: Pilot[None]) -> None:
        screen = pilot.app.screen
        assert isinstance(screen, StageScreen)
        if light:
            await pilot.press("t")
        screen.draw()
        await pilot.pause()

    return settle


class TestStageDuringARound:
    """The stage while a table reports: "Table 4 · 00:12", its digits, who is next."""

    @pytest.mark.parametrize("light", [False, True], ids=["dark", "light"])
    @pytest.mark.parametrize("language", ["en", "da"])
    def test_table_reporting(  # type: ignore[no-untyped-def]
        self, snap_compare, agenda, store, clock, language: str, light: bool
    ) -> None:
        """Table 4 reports, table 5 is next; the slot's own time in the line above."""
        set_language(language)
        round_under_way(agenda, store, clock)
        app = stage_app(Stage(store, clock))
        assert snap_compare(app, terminal_size=SIZE, run_before=stage_settled(clock, light))


class TestHostDuringARound:
    """The host's slot panel while a table reports."""

    @pytest.mark.parametrize("language", ["en", "da"])
    def test_table_reporting(self, snap_compare, agenda, store, clock, language: str) -> None:  # type: ignore[no-untyped-def]
        """The table reporting, its countdown and who is next, the tally and the keys."""
        set_language(language)
        run = round_under_way(agenda, store, clock)
        app = host_app(run)

        async def settle(pilot: Pilot[None]) -> None:
            screen = pilot.app.screen
            assert isinstance(screen, HostScreen)
            screen.refresh_state()
            await pilot.pause()

        assert snap_compare(app, terminal_size=SIZE, run_before=settle)
