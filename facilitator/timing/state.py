"""What the timing engine answers: the state of every slot and of the whole day at one
moment, and when that next changes on screen. The timeline computes it; see timeline.py."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from facilitator.timing.forecast import FixedRisk
from facilitator.timing.need import ReplanNeed
from facilitator.timing.report_back import ReportState


class Phase(StrEnum):
    """Where a slot stands."""

    PENDING = "pending"
    RUNNING = "running"
    PAUSED = "paused"
    WARNING = "warning"
    OVERTIME = "overtime"
    DONE = "done"


Segment = tuple[datetime, datetime]


def remaining_time(planned: float, adjustment: float, elapsed: float) -> float:
    """Planned duration plus adjustments minus running time, to the microsecond.

    The log's times are whole microseconds, so the true value is too; rounding takes off
    the float noise that would leave a slot whose time was ended now at 1e-13 s, showing
    `00:01` instead of `00:00`."""
    return round(planned + adjustment - elapsed, 6)


@dataclass(frozen=True)
class SlotState:
    """One slot at one moment."""

    index: int
    phase: Phase
    planned_start: datetime
    planned_duration: int
    """The planned length in effect: the agenda's, or what a re-plan made it."""
    adjustment: float
    warning: int
    elapsed: float
    """Running time so far, paused time excluded."""
    expected_start: datetime
    """Actual start once started; otherwise when it is now expected to start."""
    actual_start: datetime | None
    actual_end: datetime | None
    """When the slot was last left (a pause before leaving it is part of it)."""
    replanned_from: int | None = None
    """The agenda's length when a re-plan changed this slot's planned length; else None."""

    @property
    def agenda_duration(self) -> int:
        """The slot's length as the agenda plans it, whatever a re-plan made of it."""
        return self.planned_duration if self.replanned_from is None else self.replanned_from

    @property
    def remaining(self) -> float:
        """Planned duration plus adjustments minus running time; negative in overtime."""
        return remaining_time(self.planned_duration, self.adjustment, self.elapsed)

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
class DayState:
    """The whole day at one moment."""

    now: datetime
    slots: tuple[SlotState, ...]
    current: int
    started: bool
    finished: bool
    offset: float
    """Seconds behind the plan (positive) or ahead of it (negative); once finished, how far
    the day ended after (or before) its planned end."""
    relative: bool
    """The day started far from its plan (or, before the start, would start far from it if
    started now); times are measured from that start."""
    expected_end: datetime
    """The last slot's expected end; once finished, when the day finished."""
    fixed_risks: tuple[FixedRisk, ...] = field(default=())
    replan: ReplanNeed | None = None
    """What a re-plan would aim at now; None before the start, once finished, on the last
    slot."""
    report: ReportState | None = None
    """The current slot's report-back round, once one has started in it; else None."""

    @property
    def replan_helps(self) -> bool:
        """Whether a re-plan would change something now (the console offers `r` then)."""
        return self.replan is not None and self.replan.helps

    @property
    def current_slot(self) -> SlotState:
        """The slot the host is on."""
        return self.slots[self.current]

    @property
    def next_slot(self) -> SlotState | None:
        """The slot after the current one, if any."""
        return self.slots[self.current + 1] if self.current + 1 < len(self.slots) else None


LIVE = (Phase.RUNNING, Phase.WARNING, Phase.OVERTIME)


def seconds_to_next_change(state: DayState) -> float:
    """Seconds on the day's clock until anything a console shows can change: the clock's
    minute, or the countdown's second. Consoles redraw then, instead of polling."""
    until = 60.0 - state.now.second - state.now.microsecond / 1_000_000
    slot = state.current_slot
    if slot.phase in LIVE and not state.finished:
        remaining = slot.remaining
        until = min(until, remaining - (math.ceil(remaining) - 1))
        report = state.report
        if report is not None and report.active:  # a turn's second changes on its own beat
            left = report.remaining
            until = min(until, left - (math.ceil(left) - 1))
    return max(until, 0.0)
