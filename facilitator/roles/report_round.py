"""The report-back round in words, for every console, and the bell at the end of a turn.

The round itself is timing/report_back.py; this module says it: "Table 4 · 01:12", who
is next, which tables have reported, and which table a note-taker's note belongs to now.
"""

from __future__ import annotations

from facilitator.agenda.model import Agenda
from facilitator.i18n import countdown_text, t
from facilitator.timing.report_back import ReportState, Round, topic_of
from facilitator.timing.timeline import DayState, Phase, Timeline


def turn_text(report: ReportState) -> str:
    """ "Table 4 · 01:12" for the turn under way; "" when no table reports."""
    if report.table is None:
        return ""
    return t("round.turn", table=report.table, time=countdown_text(report.display_seconds))


def turn_phase(report: ReportState) -> Phase:
    """The turn's colour on the stage: running, paused with the slot, or over its time."""
    if report.over:
        return Phase.OVERTIME
    return Phase.PAUSED if report.paused else Phase.RUNNING


def next_text(report: ReportState) -> str:
    """Who reports after this table: "Next: table 5", the last table, or the round done."""
    if report.table is None:
        return t("round.done", reported=len(report.reported), tables=report.tables)
    if report.next is None:
        return t("round.last")
    return t("round.next", table=report.next)


def tables_text(tables: tuple[int, ...]) -> str:
    """Table numbers as a short line: "1 2 5"; "–" for none."""
    return " ".join(map(str, tables)) or "–"


def tally_text(reported: tuple[int, ...], missing: tuple[int, ...]) -> str:
    """ "Reported: 1 2 3 · not reported: 4 5" for a round, in table order."""
    return t(
        "round.tally", reported=tables_text(tuple(sorted(reported))), missing=tables_text(missing)
    )


def reporting_table(agenda: Agenda, state: DayState, slot: int) -> int | None:
    """The table reporting now in a round about slot `slot` (the round-up after a dialogue
    is about the dialogue): the table a note-taker on that slot is writing about."""
    report = state.report
    if report is None or report.table is None or state.finished:
        return None
    return report.table if topic_of(agenda, report.slot) == slot else None


def round_about(agenda: Agenda, timeline: Timeline, slot: int) -> Round | None:
    """The latest report-back round about slot `slot` (held in it, or in the round-up
    after it), as the log has it; None where none has run."""
    found = None
    for index, each in enumerate(timeline.log.rounds):
        if each is not None and topic_of(agenda, index) == slot:
            found = each
    return found


class TurnBell:
    """Rings once as a turn's time runs out, when the console sees it happen: not for a
    turn already over at the first look, nor on a change of table."""

    def __init__(self) -> None:
        self._seen: tuple[int, int, bool] | None = None

    def due(self, state: DayState) -> bool:
        """Whether to ring at `state`."""
        report = state.report
        if report is None or report.table is None:
            self._seen = None
            return False
        seen = (report.slot, report.table, report.over)
        before, self._seen = self._seen, seen
        return before is not None and before[:2] == seen[:2] and not before[2] and seen[2]


class TableFollower:
    """Which table a note-taker's editor is on while a round runs: it follows the table
    reporting, but only while the editor is empty. Text being typed stays under the table
    it was started under (a turn may change before the note is saved); the reporting table
    is taken as soon as the editor is empty again. A table picked by hand stays until the
    next turn."""

    def __init__(self) -> None:
        self._seen: int | None = None
        self.waiting: int | None = None
        """A table that took its turn while the editor held text; taken once it is empty."""

    def follow(self, reporting: int | None, table: int, busy: bool) -> tuple[int, bool]:
        """The table to use now, and whether to tell the note-taker that a new table
        reports while their note stays where it is (once per turn)."""
        if reporting != self._seen:
            self._seen, self.waiting = reporting, None
            if reporting is None or reporting == table:
                return table, False
            if busy:
                self.waiting = reporting
                return table, True
            return reporting, False
        if self.waiting is not None and not busy:
            table, self.waiting = self.waiting, None
        return table, False
