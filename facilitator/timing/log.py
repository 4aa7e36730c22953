"""The event log folded up: what the host's actions have made of the day, without the clock.

`LogState` is the timeline's memory between events (timeline.py folds each event into
it); the helpers here end a running segment or a stay, and record a re-plan.

Each event adds one link to the chain of closed runs instead of copying them, and keeps
per-slot running totals, so folding an event costs O(slots) whatever the log's length.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from facilitator.timing.events import MAX_SLOT_SECONDS
from facilitator.timing.report_back import Round, end
from facilitator.timing.state import Segment


@dataclass(frozen=True)
class Run:
    """One closed running segment of a slot, linked to the run closed before it.

    Log states share the chain, so adding a run costs one link whatever the log's length.
    """

    slot: int
    segment: Segment
    before: Run | None


@dataclass(frozen=True)
class Replanned:
    """One applied re-plan: when, during which slot, and each changed slot's planned length
    before and after it."""

    at: datetime
    during: int
    """The slot that was current."""
    changes: tuple[tuple[int, int, int], ...]
    """(slot index, length before, length after), in seconds, by slot."""


@dataclass(frozen=True)
class LogState:
    """The event log folded up to some event: everything the clock does not change."""

    current: int = 0
    started_at: datetime | None = None
    started_slot: int = 0
    finished_at: datetime | None = None
    running_since: datetime | None = None
    last_run: Run | None = None
    """The latest closed run; the earlier ones hang behind it."""
    ran: tuple[float, ...] = ()
    """Each slot's closed running time in seconds, pauses excluded."""
    first_run: tuple[datetime | None, ...] = ()
    """When each slot first ran: its actual start."""
    adjustments: tuple[float, ...] = ()
    entered_at: datetime | None = None
    """When the current slot became current, once the day has started and until it ends."""
    stays: tuple[tuple[Segment, ...], ...] = ()
    """Each slot's time as the current slot, pauses included: from entering it to leaving it."""
    lengths: tuple[int | None, ...] = ()
    """Each slot's planned length as the last re-plan set it; None: the agenda's."""
    replans: tuple[Replanned, ...] = ()
    """Every re-plan applied, in order."""
    rounds: tuple[Round | None, ...] = ()
    """Each slot's report-back round (report_back.py); None where none has run."""

    @classmethod
    def blank(cls, count: int) -> LogState:
        """The log of a day of `count` slots before any action."""
        return cls(
            ran=(0.0,) * count,
            first_run=(None,) * count,
            adjustments=(0.0,) * count,
            stays=((),) * count,
            lengths=(None,) * count,
            rounds=(None,) * count,
        )

    def length_of(self, index: int, planned: Sequence[int]) -> int:
        """Slot `index`'s planned length in effect: a re-plan's, else `planned[index]`."""
        own = self.lengths[index]
        return planned[index] if own is None else own

    def closed_runs(self) -> list[tuple[int, Segment]]:
        """Every closed run as (slot, segment), in the order they ran."""
        found = []
        run = self.last_run
        while run is not None:
            found.append((run.slot, run.segment))
            run = run.before
        found.reverse()
        return found


def close(log: LogState, at: datetime) -> LogState:
    """End the current slot's running segment, if one is open."""
    if log.running_since is None:
        return log
    index, since = log.current, log.running_since
    ran = list(log.ran)
    ran[index] += (at - since).total_seconds()
    first_run = log.first_run
    if first_run[index] is None:
        first_run = tuple(since if i == index else start for i, start in enumerate(first_run))
    return replace(
        log,
        last_run=Run(index, (since, at), log.last_run),
        ran=tuple(ran),
        first_run=first_run,
        running_since=None,
    )


def leave(log: LogState, at: datetime) -> LogState:
    """End the current slot's stay, if the day has started: it is no longer current. A
    report-back round under way ends with it."""
    current = log.rounds[log.current] if log.rounds else None
    if current is not None and current.active:
        rounds = list(log.rounds)
        rounds[log.current] = end(current)
        log = replace(log, rounds=tuple(rounds))
    if log.entered_at is None:
        return log
    stays = list(log.stays)
    stays[log.current] = (*stays[log.current], (log.entered_at, at))
    return replace(log, stays=tuple(stays), entered_at=None)


def replan(
    log: LogState, new: Mapping[int, int], planned: Sequence[int], at: datetime
) -> LogState | None:
    """The log with slots' planned lengths set to `new` (seconds by index), or None when it
    does not apply: the day has not started, a slot is not after the current one, a length
    is not from a second to a day, or nothing changes."""
    if log.started_at is None or not new:
        return None
    if any(
        not log.current < index < len(planned) or not 0 < length <= MAX_SLOT_SECONDS
        for index, length in new.items()
    ):
        return None
    changes = tuple(
        (index, log.length_of(index, planned), length)
        for index, length in sorted(new.items())
        if length != log.length_of(index, planned)
    )
    if not changes:
        return None
    lengths = list(log.lengths)
    for index, _, length in changes:
        lengths[index] = length
    mark = Replanned(at=at, during=log.current, changes=changes)
    return replace(log, lengths=tuple(lengths), replans=(*log.replans, mark))
