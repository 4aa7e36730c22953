"""The timing engine: agenda + event log + now -> the state of every slot and of the day.

Nothing here counts ticks. `Timeline` folds the event log into a small `LogState`
(which slot is current, the running segments and stays of each slot, adjustments); the
`DayState` (state.py) is computed from that and the clock reading, with the later slots
forecast by forecast.py, so it is the same whenever it is asked for
and after any crash. See docs/timing.md for the rules.

Each event adds one link to the chain of closed runs instead of copying them (log.py),
and undo keeps every earlier `LogState`, so a log of n events costs O(n) time and memory.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime, time, timedelta, tzinfo

from facilitator.agenda.model import Agenda
from facilitator.i18n.rounding import whole_minutes
from facilitator.timing.events import MAX_SLOT_SECONDS, Action, Event
from facilitator.timing.forecast import FixedRisk, forecast
from facilitator.timing.log import LogState, Replanned, close, leave, replan
from facilitator.timing.need import ReplanNeed, replan_need
from facilitator.timing.report_back import REPORT_ACTIONS, fold_round, report_state
from facilitator.timing.state import (
    LIVE,
    DayState,
    Phase,
    Segment,
    SlotState,
    remaining_time,
    seconds_to_next_change,
)

# The state types are part of the timeline's answer; importers may take them from here.
__all__ = [
    "LIVE",
    "MAX_SLOT_SECONDS",
    "RELATIVE_AFTER",
    "DayState",
    "FixedRisk",
    "LogState",
    "Phase",
    "ReplanNeed",
    "Replanned",
    "SlotState",
    "Timeline",
    "seconds_to_next_change",
]

RELATIVE_AFTER = 3600
"""A day started further than this from its plan is timed relative to its actual start."""


class Timeline:
    """An agenda with its event log; answers what can be done now and what the day looks like."""

    def __init__(
        self,
        agenda: Agenda,
        day: date | None = None,
        tz: tzinfo | None = None,
        events: Iterable[Event] = (),
    ) -> None:
        """`day` is the date assumed before the first start (None: the date nearest to the
        moment asked about); from the first start on, the day is that of the first start."""
        self.agenda = agenda
        self.tz = tz
        self._day = day
        count = len(agenda.slots)
        self._on_day: dict[date, list[datetime]] = {}
        self._durations = [agenda.duration_of(i) for i in range(count)]
        self._warnings = [agenda.warning_of(i) for i in range(count)]
        self._fixed = [slot.fixed for slot in agenda.slots]
        self._kept = [agenda.kept(i) for i in range(count)]
        self._shortest = [agenda.shortest_of(i) for i in range(count)]
        self._stack: list[LogState] = [LogState.blank(count)]
        self._closed: tuple[LogState, list[list[Segment]]] | None = None
        self.events: list[Event] = []
        self._applied: list[Event] = []  # the actions undo can take back, last on top
        for event in events:
            self.apply(event)

    @property
    def day(self) -> date:
        """The date the agenda's times refer to, as far as the log tells it."""
        return self.day_at(None)

    def day_at(self, now: datetime | None) -> date:
        """The date the agenda's times refer to at `now`: the date of the first start once
        the day has started; before it, the given day, else the date nearest to `now`."""
        log = self.log
        if log.started_at is not None:
            return self._nearest_day(log.started_slot, log.started_at)
        if self._day is not None or now is None:
            return self._day or self.agenda.date or date.today()
        return self._nearest_day(log.current, now)

    def _nearest_day(self, index: int, moment: datetime) -> date:
        """The date that puts slot `index`'s planned start nearest to `moment`: the date of
        `moment`, or the day before or after it for a start just across midnight."""
        local = moment.astimezone(self.tz) if self.tz else moment.astimezone()
        dates = [local.date() + timedelta(days=days) for days in (0, -1, 1)]
        start = self.agenda.slots[index].start
        return min(dates, key=lambda d: abs((self._combine(d, start) - moment).total_seconds()))

    def _planned_on(self, day: date) -> list[datetime]:
        """Every slot's planned start on `day`."""
        if day not in self._on_day:
            self._on_day[day] = [self._combine(day, slot.start) for slot in self.agenda.slots]
        return self._on_day[day]

    def _combine(self, day: date, clock: time) -> datetime:
        naive = datetime.combine(day, clock)
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
        """Slot `index`'s planned start on the session's day (not moved by a late start)."""
        return self._planned_on(self.day)[index]

    def can(
        self,
        action: Action,
        slot: int | None = None,
        seconds: int = 0,
        at: datetime | None = None,
        table: int | None = None,
    ) -> bool:
        """Whether `action` would change anything at `at` (by default, the last moment the
        log knows of; taking time away depends on how much is left when)."""
        event = Event.of(action, at or self._probe_time(), seconds, slot, table=table)
        return self._fold(self.log, event) is not None

    def _probe_time(self) -> datetime:
        log = self.log
        return max(t for t in (log.running_since, log.started_at, self.planned_start(0)) if t)

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
        has_run = log.first_run[log.current] is not None
        current_has_run = has_run or log.running_since is not None
        match event.action:
            case Action.START if not current_has_run:
                return replace(
                    log,
                    running_since=at,
                    started_at=log.started_at or at,
                    started_slot=log.started_slot if log.started_at else log.current,
                    entered_at=log.entered_at or at,
                )
            case Action.PAUSE if log.running_since is not None:
                return close(log, at)
            case Action.RESUME if log.running_since is None and has_run:
                return replace(log, running_since=at)
            case Action.ADJUST if event.seconds:
                change = float(event.seconds)
                if change < 0:
                    # Taking time away ends the slot's time at most now: never below zero.
                    left = self._remaining_at(log, at)
                    if left <= 0:
                        return None
                    change = max(change, -left)
                elif (
                    log.length_of(log.current, self._durations)
                    + log.adjustments[log.current]
                    + change
                    > MAX_SLOT_SECONDS
                ):
                    return None  # no slot is made longer than a day
                adjustments = list(log.adjustments)
                adjustments[log.current] += change
                return replace(log, adjustments=tuple(adjustments))
            case Action.NEXT if log.current < last:
                return self._switch(log, log.current + 1, at)
            case Action.PREVIOUS if log.current > 0:
                return self._switch(log, log.current - 1, at)
            case Action.GOTO if event.slot is not None and 0 <= event.slot <= last:
                return self._switch(log, event.slot, at) if event.slot != log.current else None
            case Action.REPLAN if event.lengths:
                return replan(log, event.lengths, self._durations, at)
            case Action.FINISH if log.started_at is not None:
                return replace(leave(close(log, at), at), finished_at=at)
            case action if action in REPORT_ACTIONS:
                left = self._remaining_at(log, at) if current_has_run else 0.0
                return fold_round(log, event, self.agenda, left, current_has_run)
        return None

    def running_time(self, now: datetime) -> float:
        """The current slot's running time at `now`, as `state(now)` has it."""
        log = self.log
        ran = log.ran[log.current]
        return ran + (now - log.running_since).total_seconds() if log.running_since else ran

    def _remaining_at(self, log: LogState, at: datetime) -> float:
        """The current slot's remaining time at `at`."""
        index, ran = log.current, log.ran[log.current]
        ran += (at - log.running_since).total_seconds() if log.running_since else 0.0
        return remaining_time(log.length_of(index, self._durations), log.adjustments[index], ran)

    def _switch(self, log: LogState, target: int, at: datetime) -> LogState:
        """Leave the current slot for `target`, which starts running if the day has begun.

        A slot left while paused keeps the paused time: its stay ends now, not at the pause.
        """
        log = replace(leave(close(log, at), at), current=target)
        if log.started_at is None:
            return log
        return replace(log, running_since=at, entered_at=at)

    def state(self, now: datetime) -> DayState:
        """The whole day as the log and `now` give it."""
        log = self.log
        count = len(self._durations)
        on_day = self._planned_on(self.day_at(now))
        shift = self._shift(log, on_day, now)
        planned = [start + shift for start in on_day]
        # Totals kept by the log, not sums over every run: a redraw costs the same at the
        # thousandth pause as at the first.
        elapsed = list(log.ran)
        starts = list(log.first_run)
        if log.running_since is not None:
            elapsed[log.current] += (now - log.running_since).total_seconds()
            starts[log.current] = starts[log.current] or log.running_since
        lengths = [log.length_of(i, self._durations) for i in range(count)]
        remaining = [
            remaining_time(lengths[i], log.adjustments[i], elapsed[i]) for i in range(count)
        ]
        phase = self._phase(log, remaining[log.current])
        expected = [start or planned[i] for i, start in enumerate(starts)]
        risks: tuple[FixedRisk, ...] = ()
        need: ReplanNeed | None = None
        if log.finished_at is not None:
            # A finished day is measured by its end against the planned end of the day.
            end = log.finished_at
            planned_end = planned[-1] + timedelta(seconds=self._durations[-1])
            offset = (end - planned_end).total_seconds()
        else:
            # The offset: the current slot's projected end against its planned end.
            if phase is Phase.PENDING:
                late = (now - planned[log.current]).total_seconds()
                expected[log.current] = now if 0 < late <= RELATIVE_AFTER else planned[log.current]
                current_end = expected[log.current] + timedelta(
                    seconds=max(remaining[log.current], 0.0)
                )
            else:
                current_end = now + timedelta(seconds=max(remaining[log.current], 0.0))
            planned_end = planned[log.current] + timedelta(seconds=self._durations[log.current])
            offset = (current_end - planned_end).total_seconds()
            # The delay passes on less what re-plans took from the later slots.
            changes = [lengths[i] - self._durations[i] for i in range(count)]
            later = forecast(
                planned,
                [max(left, 0.0) for left in remaining],
                self._fixed,
                log.current,
                offset,
                current_end,
                changes,
            )
            expected[log.current + 1 :] = later.starts
            end, risks = later.end, later.risks
            if log.started_at is not None:
                last_end = planned[-1] + timedelta(seconds=self._durations[-1])
                need = replan_need(
                    self.agenda,
                    log.current,
                    planned,
                    lengths,
                    elapsed,
                    later.delays,
                    (end - last_end).total_seconds(),
                    now,
                    kept=self._kept,
                    shortest=self._shortest,
                )
        stays = self.stays(now)
        slots = tuple(
            SlotState(
                index=index,
                phase=phase
                if index == log.current and log.finished_at is None
                else Phase.DONE
                if index < log.current or log.finished_at is not None
                else Phase.PENDING,
                planned_start=planned[index],
                planned_duration=lengths[index],
                adjustment=log.adjustments[index],
                warning=self._warnings[index],
                elapsed=elapsed[index],
                expected_start=expected[index],
                actual_start=starts[index],
                actual_end=stays[index][-1][1]
                if stays[index] and (index != log.current or log.finished_at is not None)
                else None,
                replanned_from=self._durations[index]
                if lengths[index] != self._durations[index]
                else None,
            )
            for index in range(count)
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
            fixed_risks=risks,
            replan=need,
            report=report_state(log, elapsed[log.current], phase is Phase.PAUSED),
        )

    def state_with(self, event: Event, now: datetime) -> DayState | None:
        """The day at `now` as it would be with `event` applied, or None when it does not
        apply; the log is left as it was. A proposal is shown as applying it would make it."""
        folded = self._fold(self.log, event)
        if folded is None:
            return None
        self._stack.append(folded)
        try:
            return self.state(now)
        finally:
            self._stack.pop()

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

    def stays(self, now: datetime) -> list[list[Segment]]:
        """Each slot's time as the current slot, pauses included, the open stay ending at
        `now`. From the first start to the finish, every moment belongs to one slot."""
        log = self.log
        stays = [list(segments) for segments in log.stays]
        if log.entered_at is not None:
            stays[log.current].append((log.entered_at, now))
        return stays

    def _shift(self, log: LogState, planned: list[datetime], now: datetime) -> timedelta:
        """How far the day's start is from its plan, in whole minutes, when that is more
        than an hour: the actual start, or before it a start now when the plan is past."""
        if log.started_at is not None:
            shift = (log.started_at - planned[log.started_slot]).total_seconds()
        else:
            shift = max((now - planned[log.current]).total_seconds(), 0.0)
        if abs(shift) <= RELATIVE_AFTER:
            return timedelta(0)
        return timedelta(minutes=whole_minutes(shift))

    def _phase(self, log: LogState, remaining: float) -> Phase:
        """The current slot's phase."""
        if log.finished_at is not None:
            return Phase.DONE
        if log.running_since is None:
            return Phase.PAUSED if log.first_run[log.current] is not None else Phase.PENDING
        if remaining < 0:
            return Phase.OVERTIME
        return Phase.WARNING if remaining <= self._warnings[log.current] else Phase.RUNNING
