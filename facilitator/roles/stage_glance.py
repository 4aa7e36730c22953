"""The glance the host writes with the session (session/glance.py): the stage's countdown
now, while the stage shows no more than a slot, its countdown and what comes next.

This is the one place that decides when the stage is that plain; a stage draws its first
frame from a glance without asking again."""

from __future__ import annotations

from datetime import datetime

from facilitator.agenda.model import Agenda
from facilitator.session.glance import Glance
from facilitator.timing.state import LIVE, DayState, Phase
from facilitator.timing.steps import current_step


def glance_of(agenda: Agenda, state: DayState, now: datetime, quiet: bool) -> Glance | None:
    """The glance of `state` at `now`; None unless the host has the stage `quiet` (the
    day on stage, no message, cloud, question or join code), and once the day is
    finished, while a table reports, or in a slot with phases or printed questions."""
    if not quiet or state.finished or state.report is not None:
        return None
    if current_step(agenda, state) is not None or agenda.slots[state.current].questions:
        return None
    slot = state.current_slot
    if slot.phase is Phase.PENDING:  # the stage shows the slot's whole length
        remaining = float(slot.planned_duration + slot.adjustment)
    else:
        remaining = slot.remaining
    return Glance(slot.index, now, remaining, slot.phase in LIVE, slot.warning)
