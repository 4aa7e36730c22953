"""The checks of a whole day that one slot cannot make alone: the order of the starts,
overlaps and the day's end, and the fields measured against a slot's length (`min`,
phases, `report_back`). Each problem names the slot as every message does."""

from __future__ import annotations

from typing import TYPE_CHECKING

from facilitator.agenda.durations import format_clock, format_duration, seconds_of_day
from facilitator.agenda.model import ROUND_KINDS, slot_label
from facilitator.agenda.steps import steps_problem
from facilitator.i18n import t

if TYPE_CHECKING:
    from facilitator.agenda.model import Agenda


def day_problems(agenda: Agenda) -> list[str]:
    """Problems that involve more than one slot or the day: order, overlaps, the day's
    end, `min`, phases and `report_back` against the slot's length."""
    problems = []
    slots = agenda.slots
    for index in range(1, len(slots)):
        before, slot = slots[index - 1], slots[index]
        if slot.start <= before.start:
            problems.append(
                t(
                    "agenda.start_order",
                    slot=slot_label(index, slot),
                    start=format_clock(slot.start),
                    before=format_clock(before.start),
                    before_slot=slot_label(index - 1, before),
                )
            )
        elif before.duration is not None and (
            seconds_of_day(before.start) + before.duration > seconds_of_day(slot.start)
        ):
            problems.append(
                t(
                    "agenda.overlap",
                    slot=slot_label(index - 1, before),
                    duration=format_duration(before.duration),
                    next_start=format_clock(slot.start),
                )
            )
    problems += _shortest_problems(agenda)
    for index, slot in enumerate(slots):
        length = agenda.duration_of(index) if _has_length(agenda, index) else None
        problem = steps_problem(slot, length)
        if problem:
            problems.append(f"{slot_label(index, slot)}: {problem}")
    problems += _report_back_problems(agenda)
    last_index = len(slots) - 1
    last = slots[last_index]
    if last.duration is None and agenda.end is None:
        problems.append(t("agenda.last_needs_end", slot=slot_label(last_index, last)))
    elif last.duration is None and agenda.end is not None and agenda.end <= last.start:
        problems.append(
            t(
                "agenda.end_before_last",
                end=format_clock(agenda.end),
                start=format_clock(last.start),
                slot=slot_label(last_index, last),
            )
        )
    elif last.duration is not None and seconds_of_day(last.start) + last.duration > 86400:
        problems.append(t("agenda.past_midnight", slot=slot_label(last_index, last)))
    return problems


def _shortest_problems(agenda: Agenda) -> list[str]:
    """A `min` longer than its slot, or given together with `keep = true`."""
    problems = []
    for index, slot in enumerate(agenda.slots):
        if slot.min is None:
            continue
        if slot.keep:
            problems.append(t("agenda.min_and_keep", slot=slot_label(index, slot)))
            continue
        if not _has_length(agenda, index):
            continue  # the missing end or the overlap is reported on its own
        length = agenda.duration_of(index)
        if slot.min > length:
            problems.append(
                t(
                    "agenda.min_too_long",
                    slot=slot_label(index, slot),
                    min=format_duration(slot.min),
                    length=format_duration(length),
                )
            )
    return problems


def _report_back_problems(agenda: Agenda) -> list[str]:
    """A `report_back` on a slot where no round runs, or longer than its slot."""
    problems = []
    for index, slot in enumerate(agenda.slots):
        if slot.report_back is None:
            continue
        if slot.kind not in ROUND_KINDS:
            problems.append(
                t(
                    "agenda.report_back_kind",
                    slot=slot_label(index, slot),
                    kind=slot.kind.value,
                )
            )
        elif _has_length(agenda, index) and slot.report_back > agenda.duration_of(index):
            problems.append(
                t(
                    "agenda.report_back_too_long",
                    slot=slot_label(index, slot),
                    turn=format_duration(slot.report_back),
                    length=format_duration(agenda.duration_of(index)),
                )
            )
    return problems


def _has_length(agenda: Agenda, index: int) -> bool:
    """Whether slot `index` has a positive length to compare with (the order is valid)."""
    slots = agenda.slots
    if slots[index].duration is not None:
        return True
    if index + 1 < len(slots):
        return slots[index + 1].start > slots[index].start
    return agenda.end is not None and agenda.end > slots[index].start
