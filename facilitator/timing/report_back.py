"""The report-back round: tables 1…N of a round-up or dialogue take turns to report.

A round belongs to one slot. The log folds each round action into a `Round` (no clock),
which the timeline keeps in its `LogState`, so undo and replay come for free; `view`
turns a round and the slot's running time into the `ReportState` the consoles draw.

A turn's countdown is measured on the slot's running time (pauses excluded): it starts at
the slot's running time when the turn began, so pausing the slot pauses the turn.
See docs/timing.md, "The report-back round".
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from facilitator.agenda.model import ROUND_KINDS, Agenda, SlotKind
from facilitator.timing.events import Action, Event

if TYPE_CHECKING:  # the log holds the rounds; this module only reads it
    from facilitator.timing.log import LogState

REPORT_ACTIONS = frozenset(
    {
        Action.REPORT_START,
        Action.REPORT_NEXT,
        Action.REPORT_SKIP,
        Action.REPORT_TABLE,
        Action.REPORT_END,
    }
)
"""The actions of a report-back round."""

SHORTEST_TURN = 15
"""The shortest turn, in seconds, when the slot's remaining time is split among the tables:
a turn started with (almost) no time left still gives the table a moment."""


@dataclass(frozen=True)
class Turn:
    """One table's turn: which table, when it began and how long it has."""

    table: int
    since: float
    """The slot's running time (seconds, pauses excluded) when the turn began."""
    length: int
    """The turn's length in whole seconds."""


@dataclass(frozen=True)
class Round:
    """One slot's report-back round as the log has it."""

    tables: int
    """How many tables take part: 1…tables."""
    reported: tuple[int, ...] = ()
    """Tables that have had their turn, in the order they had it."""
    skipped: tuple[int, ...] = ()
    """Tables passed over; taken out of turn later, they report after all."""
    turn: Turn | None = None
    """The turn under way; None once the round has ended (or before it starts)."""

    @property
    def active(self) -> bool:
        """Whether a table is reporting now."""
        return self.turn is not None

    def waiting(self) -> tuple[int, ...]:
        """Tables still to report, in order: neither reported, skipped nor reporting."""
        done = {*self.reported, *self.skipped, *((self.turn.table,) if self.turn else ())}
        return tuple(table for table in range(1, self.tables + 1) if table not in done)

    @property
    def missing(self) -> tuple[int, ...]:
        """Tables that have not reported (skipped or still waiting), in order."""
        now = self.turn.table if self.turn else None
        return tuple(
            table
            for table in range(1, self.tables + 1)
            if table not in self.reported and table != now
        )


@dataclass(frozen=True)
class RoundSlot:
    """What the fold needs to know of the current slot at the moment of an action."""

    allowed: bool
    """The slot is of a kind a round runs in, and has started."""
    tables: int
    fixed_turn: int | None
    """The slot's `report_back`, if it has one."""
    elapsed: float
    """The slot's running time at the action, pauses excluded."""
    remaining: float
    """The slot's remaining time at the action (negative in overtime)."""


def round_tables(agenda: Agenda, index: int) -> int:
    """How many tables report in slot `index`: its own `tables`; a round-up without one
    takes those of the dialogue it sums up; else the agenda's default."""
    slot = agenda.slots[index]
    if slot.tables is None and slot.kind is SlotKind.SUMMARY:
        dialogue = agenda.latest_dialogue(index)
        if dialogue is not None:
            return agenda.tables_of(dialogue)
    return agenda.tables_of(index)


def topic_of(agenda: Agenda, index: int) -> int:
    """The slot whose tables a round in slot `index` is about: a dialogue itself; a
    round-up the dialogue before it (notes are taken under the dialogue)."""
    if agenda.slots[index].kind is SlotKind.DIALOGUE:
        return index
    dialogue = agenda.latest_dialogue(index)
    return index if dialogue is None else dialogue


def turn_length(fixed: int | None, remaining: float, to_report: int) -> int:
    """A turn's length: the slot's `report_back`, else its remaining time split evenly
    among the tables still to report (this one included), in whole seconds, at least
    SHORTEST_TURN."""
    if fixed is not None:
        return fixed
    share = math.floor(max(remaining, 0.0) / max(to_report, 1))
    return max(share, SHORTEST_TURN)


def fold(current: Round | None, event: Event, slot: RoundSlot) -> Round | None:
    """The round after one round action, or None where the action does not apply."""
    match event.action:
        case Action.REPORT_START if slot.allowed and not (current and current.active):
            base = current or Round(tables=slot.tables)
            # Starting again after the end: the skipped tables get another chance.
            base = replace(base, skipped=())
            waiting = base.waiting()
            return _turn_to(base, waiting[0], slot) if waiting else None
        case Action.REPORT_NEXT if current is not None and current.turn is not None:
            done = replace(current, reported=(*current.reported, current.turn.table), turn=None)
            return _onwards(done, slot)
        case Action.REPORT_SKIP if current is not None and current.turn is not None:
            done = replace(current, skipped=(*current.skipped, current.turn.table), turn=None)
            return _onwards(done, slot)
        case Action.REPORT_TABLE if event.table is not None and slot.allowed:
            base = current or Round(tables=slot.tables)
            table = event.table
            if not 1 <= table <= base.tables or table in base.reported:
                return None
            if base.turn is not None:
                if base.turn.table == table:
                    return None
                base = replace(base, reported=(*base.reported, base.turn.table), turn=None)
            return _turn_to(replace(base, skipped=_without(base.skipped, table)), table, slot)
        case Action.REPORT_END if current is not None and current.turn is not None:
            return end(current)
    return None


def end(current: Round) -> Round:
    """The round ended: the table reporting counts as reported."""
    if current.turn is None:
        return current
    return replace(current, reported=(*current.reported, current.turn.table), turn=None)


def _onwards(done: Round, slot: RoundSlot) -> Round:
    """The next table in order takes its turn; with none left, the round ends."""
    waiting = done.waiting()
    return _turn_to(done, waiting[0], slot) if waiting else done


def _turn_to(base: Round, table: int, slot: RoundSlot) -> Round:
    to_report = len([t for t in base.waiting() if t != table]) + 1
    length = turn_length(slot.fixed_turn, slot.remaining, to_report)
    return replace(base, turn=Turn(table=table, since=slot.elapsed, length=length))


def _without(tables: tuple[int, ...], table: int) -> tuple[int, ...]:
    return tuple(each for each in tables if each != table)


@dataclass(frozen=True)
class ReportState:
    """A round at one moment, as the consoles show it."""

    slot: int
    """The slot the round runs in."""
    tables: int
    reported: tuple[int, ...]
    skipped: tuple[int, ...]
    missing: tuple[int, ...]
    """Tables that have not reported: skipped, waiting, but not the one reporting."""
    table: int | None
    """The table reporting now; None once the round has ended."""
    next: int | None
    """The table whose turn comes next, if any."""
    length: int = 0
    """The turn's length in seconds."""
    elapsed: float = 0.0
    """The turn's running time, pauses excluded."""
    paused: bool = False
    """The slot, and so the turn, is paused."""

    @property
    def active(self) -> bool:
        """Whether a table is reporting now."""
        return self.table is not None

    @property
    def remaining(self) -> float:
        """The turn's time left; negative once it is up."""
        return round(self.length - self.elapsed, 6)

    @property
    def display_seconds(self) -> int:
        """The whole second on the turn's countdown: rounded up, negative once it is up."""
        return math.ceil(self.remaining)

    @property
    def over(self) -> bool:
        """The turn's time is up (past zero)."""
        return self.active and self.remaining < 0


def view(index: int, current: Round, elapsed: float, paused: bool) -> ReportState:
    """Round `current` of slot `index` when the slot has run `elapsed` seconds."""
    waiting = current.waiting()
    turn = current.turn
    return ReportState(
        slot=index,
        tables=current.tables,
        reported=current.reported,
        skipped=current.skipped,
        missing=current.missing,
        table=turn.table if turn else None,
        next=waiting[0] if turn and waiting else None,
        length=turn.length if turn else 0,
        elapsed=max(elapsed - turn.since, 0.0) if turn else 0.0,
        paused=paused,
    )


def fold_round(
    log: LogState, event: Event, agenda: Agenda, remaining: float, has_run: bool
) -> LogState | None:
    """The log after a round action in the current slot, or None where it does not apply:
    the slot must be a dialogue or round-up that has started, and the day not finished."""
    index = log.current
    if log.finished_at is not None:
        return None
    slot = agenda.slots[index]
    elapsed = log.ran[index]
    if log.running_since is not None:
        elapsed += (event.at - log.running_since).total_seconds()
    facts = RoundSlot(
        allowed=has_run and slot.kind in ROUND_KINDS,
        tables=round_tables(agenda, index),
        fixed_turn=slot.report_back,
        elapsed=elapsed,
        remaining=remaining,
    )
    folded = fold(log.rounds[index], event, facts)
    if folded is None:
        return None
    return replace(log, rounds=tuple(folded if i == index else r for i, r in enumerate(log.rounds)))


def report_state(log: LogState, elapsed: float, paused: bool) -> ReportState | None:
    """The current slot's round when the slot has run `elapsed` seconds; None if none."""
    current = log.rounds[log.current] if log.rounds else None
    if current is None or log.finished_at is not None:
        return None
    return view(log.current, current, elapsed, paused)
