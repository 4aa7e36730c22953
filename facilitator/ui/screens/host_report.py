"""The host console's keys for the report-back round: start and end it, the next table,
skip one, take one out of turn. A mixin of HostScreen, which keeps to its other keys."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding

from facilitator.agenda.model import ROUND_KINDS
from facilitator.roles.host import HostRun
from facilitator.timing.events import Action
from facilitator.timing.report_back import round_tables

if TYPE_CHECKING:
    from textual.app import App

REPORT_BINDINGS = [
    Binding("b", "report_start", "key.report", id="report"),
    Binding("b", "report_end", "key.report_end", id="report_end", show=False),
    Binding("t", "report_next", "key.report_next", id="report_next"),
    Binding("s", "report_skip", "key.report_skip", id="report_skip", show=False),
    Binding("o", "report_pick", "key.report_pick", id="report_pick", show=False),
]
"""b starts the round and, while it runs, ends it; t the next table, s skips one, o calls
one. The footer is full at 120 columns: it shows b only in a dialogue or round-up and t
only during a round, and the slot panel names the other keys while a round runs."""

REPORT_ACTIONS = {binding.action for binding in REPORT_BINDINGS}


class ReportKeys:
    """The round's actions; the screen provides `run`, `app` and `_act`."""

    run: HostRun
    app: App[object]

    def _act(
        self,
        action: Action,
        slot: int | None = None,
        seconds: int | None = None,
        table: int | None = None,
    ) -> bool:
        raise NotImplementedError  # HostScreen's

    def report_possible(self, action: str) -> bool | None:
        """Whether a round key can do anything now: None greys it, False keeps it out of
        the footer (and lets `b`'s other binding take the key)."""
        run = self.run
        report = run.state().report
        active = report is not None and report.active
        if run.agenda.slots[run.timeline.log.current].kind not in ROUND_KINDS:
            return False
        match action:
            case "report_start":
                return False if active else run.can(Action.REPORT_START) or None
            case "report_end":
                return run.can(Action.REPORT_END)
            case "report_next":
                return active and (run.can(Action.REPORT_NEXT) or None)
            case "report_skip":
                return active and (run.can(Action.REPORT_SKIP) or None)
            case "report_pick":
                return any(map(self._can_call, self._tables())) or None
        return None

    def _tables(self) -> range:
        return range(1, round_tables(self.run.agenda, self.run.timeline.log.current) + 1)

    def _can_call(self, table: int) -> bool:
        run = self.run
        now = run.clock.now()
        return not run.read_only and run.timeline.can(Action.REPORT_TABLE, at=now, table=table)

    def action_report_start(self) -> None:
        """b: start the report-back round at the first table still to report."""
        self._act(Action.REPORT_START)

    def action_report_end(self) -> None:
        """b during a round: end it; the table reporting counts as reported."""
        self._act(Action.REPORT_END)

    def action_report_next(self) -> None:
        """t: this table has reported; the next one in order takes its turn."""
        self._act(Action.REPORT_NEXT)

    def action_report_skip(self) -> None:
        """s: pass this table over; the next one in order takes its turn."""
        self._act(Action.REPORT_SKIP)

    def action_report_pick(self) -> None:
        """o: ask for a table and give it the turn now, out of order."""
        from facilitator.ui.dialogs.table_pick import TablePickModal

        tables = len(self._tables())
        self.app.push_screen(TablePickModal(tables, self._can_call), self._call)

    def _call(self, table: int | None) -> None:
        if table is None:
            return
        self._act(Action.REPORT_TABLE, table=table)
