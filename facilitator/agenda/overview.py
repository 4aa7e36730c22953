"""The planned day at a glance: each slot's times and the day's totals, for `facilitator check`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from facilitator.agenda.model import Agenda, SlotKind
from facilitator.i18n.rounding import whole_minutes

KIND_GROUPS: dict[str, tuple[SlotKind, ...]] = {
    "talks": (SlotKind.WELCOME, SlotKind.TALK, SlotKind.CASE, SlotKind.SUMMARY),
    "dialogue": (SlotKind.DIALOGUE,),
    "breaks": (SlotKind.BREAK, SlotKind.MEAL),
    "other": (SlotKind.ELECTION, SlotKind.OTHER),
}
"""How the totals group the kinds of slot."""


@dataclass(frozen=True)
class PlannedSlot:
    """One slot's planned times."""

    index: int
    start: time
    end: time
    duration: int


@dataclass(frozen=True)
class DayOverview:
    """The planned slots and the day's totals."""

    slots: tuple[PlannedSlot, ...]
    first_start: time
    end: time
    length: int
    minutes_by_group: dict[str, int]


def overview(agenda: Agenda) -> DayOverview:
    """Planned start, end and duration of each slot, and the totals of the day."""
    planned = []
    seconds = dict.fromkeys(KIND_GROUPS, 0)
    for index, slot in enumerate(agenda.slots):
        duration = agenda.duration_of(index)
        end = (datetime.combine(datetime.min, slot.start) + timedelta(seconds=duration)).time()
        planned.append(PlannedSlot(index, slot.start, end, duration))
        group = next(name for name, kinds in KIND_GROUPS.items() if slot.kind in kinds)
        seconds[group] += duration
    first, last = planned[0], planned[-1]
    length = (
        datetime.combine(datetime.min, last.end) - datetime.combine(datetime.min, first.start)
    ).seconds
    # Summed in seconds and rounded once, by the rule every minute shown follows.
    minutes = {group: whole_minutes(total) for group, total in seconds.items()}
    return DayOverview(tuple(planned), first.start, last.end, length, minutes)
