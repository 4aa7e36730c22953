"""The day as rows of text: planned start, expected or actual start, title and state of
each slot. The host's agenda list and the served agenda page show the same rows."""

from __future__ import annotations

from dataclasses import dataclass, fields
from operator import attrgetter

from facilitator.agenda.model import Agenda
from facilitator.i18n import minute_text, span_text, t
from facilitator.i18n.rounding import whole_minutes
from facilitator.timing.timeline import DayState, Phase, SlotState


@dataclass(frozen=True)
class DayRow:
    """One slot as a row; every time and length by the one rounding rule."""

    planned: str
    when: str
    """Expected start, or the actual start once done."""
    title: str
    info: str
    """Its length while pending, its phase while on, how it went once done."""
    phase: Phase


def day_row(agenda: Agenda, slot: SlotState) -> DayRow:
    """The row of one slot at one moment."""
    agenda_slot = agenda.slots[slot.index]
    planned = ("~" if agenda_slot.approx else "") + minute_text(slot.planned_start)
    if slot.phase is Phase.DONE:
        when = minute_text(slot.actual_start) if slot.actual_start else ""
        over = whole_minutes(slot.overrun)
        if slot.skipped:
            info = t("list.skipped")
        else:
            info = t("list.took", minutes=whole_minutes(slot.elapsed))
            if over:
                info += " " + t("list.over" if over > 0 else "list.under", minutes=abs(over))
    else:
        when = minute_text(slot.expected_start)
        info = (
            span_text(slot.planned_duration + slot.adjustment)
            if slot.phase is Phase.PENDING
            else t(f"phase.{slot.phase.value}")
        )
    title = agenda_slot.title + (" ⚑" if agenda_slot.fixed else "")
    return DayRow(planned, when, title, info, slot.phase)


_ALL_BUT_RUNNING_TIME = attrgetter(*(f.name for f in fields(SlotState) if f.name != "elapsed"))


def row_inputs(slot: SlotState) -> object:
    """What `day_row` reads of a slot: all of it but, until the slot is done, its running
    time, which changes every second while the row does not. Two slots with equal inputs
    have equal rows, so a list can skip a redraw without building its rows."""
    return slot if slot.phase is Phase.DONE else _ALL_BUT_RUNNING_TIME(slot)


def day_rows(agenda: Agenda, state: DayState) -> list[DayRow]:
    """Every slot's row."""
    return [day_row(agenda, slot) for slot in state.slots]
