"""Which phase of a slot runs now, from the slot's running time alone.

The phases' boundaries are running times of the slot (pauses excluded), so pausing,
resuming, a replayed log and a console resumed after a crash all give the same phase.
The phases before the last keep their planned lengths; the last one takes whatever the
slot's length is now, so `+`, `-` and a re-plan change only the last phase, and a slot
made shorter than its earlier phases cuts them off at its end (docs/timing.md, "Phases").
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from facilitator.agenda.model import Agenda
from facilitator.agenda.steps import PlannedStep, agenda_steps
from facilitator.timing.state import DayState, SlotState, remaining_time


@dataclass(frozen=True)
class StepState:
    """The phase a slot is in at one moment."""

    number: int
    """Counted from 0."""
    count: int
    """How many phases the slot has now (fewer once it was cut short)."""
    title: str
    remaining: float
    """Seconds left of this phase; negative when the slot's time is up in its last phase."""
    next: PlannedStep | None
    """The phase after this one, with its length now; None in the last phase."""

    @property
    def display_seconds(self) -> int:
        """The whole second the phase's countdown shows: rounded up, as the slot's."""
        return math.ceil(self.remaining)


def cut_to(steps: tuple[PlannedStep, ...], length: float) -> tuple[PlannedStep, ...]:
    """The phases of a slot now `length` seconds long: the last one takes the rest; those
    that would start at or after the end are dropped and the one across it ends there."""
    kept: list[PlannedStep] = []
    start = 0
    for index, step in enumerate(steps):
        last = index == len(steps) - 1
        if kept and start >= length:
            break
        seconds = length - start if last else min(step.seconds, length - start)
        kept.append(PlannedStep(step.title, max(0, int(seconds))))
        start += step.seconds
    # The phase across the end takes the slot's end, whatever the phases after it were.
    if kept:
        before = sum(step.seconds for step in kept[:-1])
        kept[-1] = PlannedStep(kept[-1].title, max(0, int(length - before)))
    return tuple(kept)


def step_of(steps: tuple[PlannedStep, ...], slot: SlotState) -> StepState | None:
    """The phase `slot` is in, given its planned phases; None for a slot without phases."""
    if not steps:
        return None
    length = slot.planned_duration + slot.adjustment
    now = cut_to(steps, length)
    end = 0
    for number, step in enumerate(now):
        end += step.seconds
        if number == len(now) - 1:
            # The last phase ends with the slot: its countdown is the slot's, to the digit.
            remaining = remaining_time(slot.planned_duration, slot.adjustment, slot.elapsed)
            return StepState(number, len(now), step.title, remaining, None)
        if slot.elapsed < end:
            remaining = round(end - slot.elapsed, 6)
            return StepState(number, len(now), step.title, remaining, now[number + 1])
    raise AssertionError("unreachable: the last phase returns")


def current_step(agenda: Agenda, state: DayState) -> StepState | None:
    """The phase of the current slot at `state`; None without phases or once finished."""
    if state.finished:
        return None
    slot = state.current_slot
    return step_of(agenda_steps(agenda, slot.index), slot)
