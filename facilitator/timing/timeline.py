"""The timing engine: agenda + event log + now -> the state of every slot and of the day.

Nothing here counts ticks. `Timeline` folds the event log into a small `LogState`
(which slot is current, the running segments of each slot, adjustments); `DayState`
is computed from that and the clock reading, so it is the same whenever it is asked for
and after any crash. See docs/timing.md for the rules.

Each event adds one link to the chain of closed runs instead of copying them, and undo
keeps every earlier `LogState`, so a log of n events costs O(n) time and memory.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum

from facilitator.agenda.model import Agenda
from facilitator.timing.events import Action, Event

RELATIVE_AFTER = 3600
"""A day started further than this from its plan is timed relative to its actual start."""


class Phase(StrEnum):
    """Where a slot stands."""

    PENDING = "pending"
    RUNNING = "running"
    PAUSED = "paused"
    WARNING = "warning"
    OVERTIME = "overtime"
    DONE = "done"


Segment = tuple[datetime, datetime]

MAX_SLOT_SECONDS = 86400
"""The longest a slot can be made by adjusting it: a day."""


@dataclass(frozen=True)
class Run:
    """One closed running segment of a slot, linked to the run closed before it.

    Log states share the chain, so adding a run costs one link whatever the log's length.
    """

    slot: int
    segment: Segment
    before: Run | None


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
    ran: tuple[bool, ...] = ()
    """Whether each slot has a closed run."""
    adjustments: tuple[int, ...] = ()

    def closed_runs(self) -> list[tuple[int, Segment]]:
        """Every closed run as (slot, segment), in the order they ran."""
        found = []
        run = self.last_run
        while run is not None:
            found.append((run.slot, run.segment))
            run = run.before
        found.reverse()
        return found


@dataclass(frozen=True)
class SlotState:
    """One slot at one moment."""

    index: int
    phase: Phase
    planned_start: datetime
    planned_duration: int
    adjustment: int
    warning: int
    elapsed: float
    """Running time so far, paused time excluded."""
    expected_start: datetime
    """Actual start once started; otherwise when it is now expected to start."""
    actual_start: datetime | None
    actual_end: datetime | None

    @property
    def remaining(self) -> float:
        """Planned duration plus adjustments minus running time; negative in overtime."""
        return self.planned_duration + self.adjustment - self.elapsed

    @property
    def display_seconds(self) -> int:
        """The whole second on the countdown: rounded up, negative in overtime."""
        return math.ceil(self.remaining)

    @property
    def overrun(self) -> float:
        """Running time beyond the planned duration, pauses excluded (negative when it ran
        short); the review's `SlotReview.over` counts pauses in."""
        return self.elapsed - self.planned_duration

    @property
    def skipped(self) -> bool:
        """Done without ever being started."""
        return self.phase is Phase.DONE and self.actual_start is None


@dataclass(frozen=True)
class FixedRisk:
    """A fixed slot that the current delay runs into, and by how much."""

    index: int
    seconds: float


@dataclass(frozen=True)
class DayState:
    """The whole day at one moment."""

    now: datetime
    slots: tuple[SlotState, ...]
    current: int
    started: bool
    finished: bool
    offset: float
    """Seconds behind the plan (positive) or ahead of it (negative)."""
    relative: bool
    """The day started far from its plan; times are measured from its actual start."""
    expected_end: datetime
    fixed_risks: tuple[FixedRisk, ...] = field(default=())

    @property
    def current_slot(self) -> SlotState:
        """The slot the host is on."""
        return self.slots[self.current]

    @property
    def next_slot(self) -> SlotState | None:
        """The slot after the current one, if any."""
        return self.slots[self.current + 1] if self.current + 1 < len(self.slots) else None


class Timeline:
    """An agenda with its event log; answers what can be done now and what the day looks like."""

    def __init__(
        self,
        agenda: Agenda,
        day: date | None = None,
        tz: tzinfo | None = None,
        events: Iterable[Event] = (),
    ) -> None:
        self.agenda = agenda
        self.day = day or agenda.date or date.today()
        self.tz = tz
        count = len(agenda.slots)
        self._planned = [self._combine(slot.start) for slot in agenda.slots]
        self._durations = [agenda.duration_of(i) for i in range(count)]
        self._warnings = [agenda.warning_of(i) for i in range(count)]
        self._stack: list[LogState] = [LogState(ran=(False,) * count, adjustments=(0,) * count)]
        self._closed: tuple[LogState, list[list[Segment]]] | None = None
        self.events: list[Event] = []
        self._applied: list[Event] = []  # the actions undo can take back, last on top
        for event in events:
            self.apply(event)

    def _combine(self, clock: object) -> datetime:
        naive = datetime.combine(self.day, clock)  # type: ignore[arg-type]
        return naive.replace(tzinfo=self.tz) if self.tz else naive.astimezone()

    @property
    def log(self) -> LogState:
        """The log folded up to its last event."""
        return self._stack[-1]

    @property
    def undoable(self) -> Event | None:
        """The action an undo would take back now, if any."""
        return self._applied[-1] if self._applied else None

    def planned_start(self, index: int) -> datetime:
        """Slot `index`'s planned start on the session's day."""
        return self._planned[index]

    def can(self, action: Action, slot: int | None = None, seconds: int = 0) -> bool:
        """Whether `action` would change anything now."""
        return self._fold(self.log, Event.of(action, self._probe_time(), seconds, slot)) is not None

    def _probe_time(self) -> datetime:
        log = self.log
        return max(t for t in (log.running_since, log.started_at, self._planned[0]) if t)

    def apply(self, event: Event) -> bool:
        """Add `event` to the log; False (and nothing changes) when it does not apply now."""
        if event.action is Action.UNDO:
            if len(self._stack) == 1:
                return False
            self._stack.pop()
            self._applied.pop()
        else:
            folded = self._fold(self.log, event)
            if folded is None:
                return False
            self._stack.append(folded)
            self._applied.append(event)
        self.events.append(event)
        return True

    def _fold(self, log: LogState, event: Event) -> LogState | None:
        """The log after one timing action, or None where the action does not apply."""
        at, last = event.at, len(self._durations) - 1
        if log.finished_at is not None or event.action is Action.UNDO:
            return None
        current_has_run = log.ran[log.current] or log.running_since is not None
        match event.action:
            case Action.START if not current_has_run:
                return replace(
                    log,
                    running_since=at,
                    started_at=log.started_at or at,
                    started_slot=log.started_slot if log.started_at else log.current,
                )
            case Action.PAUSE if log.running_since is not None:
                return _close(log, at)
            case Action.RESUME if log.running_since is None and log.ran[log.current]:
                return replace(log, running_since=at)
            case Action.ADJUST if event.seconds:
                planned = self._durations[log.current] + log.adjustments[log.current]
                if not 0 <= planned + event.seconds <= MAX_SLOT_SECONDS:
                    return None
                adjustments = list(log.adjustments)
                adjustments[log.current] += event.seconds
                return replace(log, adjustments=tuple(adjustments))
            case Action.NEXT if log.current < last:
                return self._switch(log, log.current + 1, at)
            case Action.PREVIOUS if log.current > 0:
                return self._switch(log, log.current - 1, at)
            case Action.GOTO if event.slot is not None and 0 <= event.slot <= last:
                return self._switch(log, event.slot, at) if event.slot != log.current else None
            case Action.FINISH if log.started_at is not None:
                return replace(_close(log, at), finished_at=at)
        return None

    def _switch(self, log: LogState, target: int, at: datetime) -> LogState:
        """Leave the current slot for `target`, which starts running if the day has begun."""
        log = replace(_close(log, at), current=target)
        return replace(log, running_since=at) if log.started_at is not None else log

    def state(self, now: datetime) -> DayState:
        """The whole day as the log and `now` give it."""
        log = self.log
        count = len(self._durations)
        shift = self._shift(log)
        planned = [start + shift for start in self._planned]
        runs = self.runs(now)
        elapsed = [sum((end - begin).total_seconds() for begin, end in run) for run in runs]
        remaining = [
            self._durations[i] + log.adjustments[i] - elapsed[i] for i in range(count)
        ]
        phase = self._phase(log, remaining[log.current])

        # Offset: the current slot's projected end against its planned end.
        expected = [run[0][0] if run else planned[i] for i, run in enumerate(runs)]
        if log.finished_at is not None:
            end = log.finished_at
        elif phase is Phase.PENDING:
            late = (now - planned[log.current]).total_seconds()
            expected[log.current] = now if 0 < late <= RELATIVE_AFTER else planned[log.current]
            end = expected[log.current] + timedelta(seconds=remaining[log.current])
        else:
            end = now + timedelta(seconds=max(remaining[log.current], 0.0))
        planned_end = planned[log.current] + timedelta(seconds=self._durations[log.current])
        offset = (end - planned_end).total_seconds()

        # Later slots move by the offset, except that a fixed slot holds its planned start.
        running_offset, risks = offset, []
        for index in range(log.current + 1, count if log.finished_at is None else 0):
            if self.agenda.slots[index].fixed:
                if running_offset > 0:
                    risks.append(FixedRisk(index, running_offset))
                running_offset = 0.0
            expected[index] = planned[index] + timedelta(seconds=running_offset)
            end = expected[index] + timedelta(seconds=remaining[index])

        slots = tuple(
            SlotState(
                index=index,
                phase=phase if index == log.current and log.finished_at is None
                else Phase.DONE if index < log.current or log.finished_at is not None
                else Phase.PENDING,
                planned_start=planned[index],
                planned_duration=self._durations[index],
                adjustment=log.adjustments[index],
                warning=self._warnings[index],
                elapsed=elapsed[index],
                expected_start=expected[index],
                actual_start=run[0][0] if run else None,
                actual_end=run[-1][1]
                if run and (index != log.current or log.finished_at is not None) else None,
            )
            for index, run in enumerate(runs)
        )
        return DayState(
            now=now,
            slots=slots,
            current=log.current,
            started=log.started_at is not None,
            finished=log.finished_at is not None,
            offset=offset,
            relative=shift != timedelta(0),
            expected_end=end,
            fixed_risks=tuple(risks),
        )

    def runs(self, now: datetime) -> list[list[Segment]]:
        """Each slot's running segments, the open one of the current slot ending at `now`."""
        log = self.log
        if self._closed is None or self._closed[0] is not log:
            # Read the chain once per log state, not on every redraw.
            per_slot: list[list[Segment]] = [[] for _ in self._durations]
            for slot, segment in log.closed_runs():
                per_slot[slot].append(segment)
            self._closed = (log, per_slot)
        runs = [list(segments) for segments in self._closed[1]]
        if log.running_since is not None:
            runs[log.current].append((log.running_since, now))
        return runs

    def history(self, now: datetime) -> list[tuple[int, Segment]]:
        """Every running segment as (slot, segment) in the order they ran, the open one
        ending at `now`."""
        log = self.log
        found = log.closed_runs()
        if log.running_since is not None:
            found.append((log.current, (log.running_since, now)))
        return found

    def _shift(self, log: LogState) -> timedelta:
        """How far the day's actual start is from its plan, when that is more than an hour."""
        if log.started_at is None:
            return timedelta(0)
        shift = log.started_at - self._planned[log.started_slot]
        return shift if abs(shift.total_seconds()) > RELATIVE_AFTER else timedelta(0)

    def _phase(self, log: LogState, remaining: float) -> Phase:
        """The current slot's phase."""
        if log.finished_at is not None:
            return Phase.DONE
        if log.running_since is None:
            return Phase.PAUSED if log.ran[log.current] else Phase.PENDING
        if remaining < 0:
            return Phase.OVERTIME
        return Phase.WARNING if remaining <= self._warnings[log.current] else Phase.RUNNING


LIVE = (Phase.RUNNING, Phase.WARNING, Phase.OVERTIME)


def seconds_to_next_change(state: DayState) -> float:
    """Seconds on the day's clock until anything a console shows can change: the clock's
    minute, or the countdown's second. Consoles redraw then, instead of polling."""
    until = 60.0 - state.now.second - state.now.microsecond / 1_000_000
    slot = state.current_slot
    if slot.phase in LIVE and not state.finished:
        remaining = slot.remaining
        until = min(until, remaining - (math.ceil(remaining) - 1))
    return max(until, 0.0)


def _close(log: LogState, at: datetime) -> LogState:
    """End the current slot's running segment, if one is open."""
    if log.running_since is None:
        return log
    run = Run(log.current, (log.running_since, at), log.last_run)
    ran = log.ran if log.ran[log.current] else tuple(
        flag or index == log.current for index, flag in enumerate(log.ran))
    return replace(log, last_run=run, ran=ran, running_since=None)
