"""How long a console may draw a running slot's countdown alone: the day it shows holds
steady but for the slot's running time, until the clock's minute turns, the slot warns or
runs over, or a fixed slot's planned start goes by.

While a slot runs within its time, the rest of the day is fixed: the current slot's end
is its start plus its length, so the delay, the expected times, the day's end and the
re-plan stay as they are. A slot in a report-back round or with phases inside it changes
more than its digits each second; so does one paused, pending or over its time.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from facilitator.agenda.model import Agenda
from facilitator.timing.steps import current_step
from facilitator.timing.timeline import DayState, Phase


def steady_until(agenda: Agenda, state: DayState) -> datetime | None:
    """The moment (on the day's clock) before which every later state of this day differs
    from `state` only in the moment and the current slot's running time, as long as no
    action is taken; None when the next second may change more."""
    slot = state.current_slot
    if state.finished or slot.phase not in (Phase.RUNNING, Phase.WARNING):
        return None
    if state.report is not None or current_step(agenda, state) is not None:
        return None
    now = state.now
    ends = [now.replace(second=0, microsecond=0) + timedelta(minutes=1)]  # the clock
    if slot.phase is Phase.RUNNING:
        ends.append(now + timedelta(seconds=slot.remaining - slot.warning))  # it warns
    ends.append(now + timedelta(seconds=slot.remaining))  # it runs over
    # The re-plan aims at the first fixed slot whose planned start is still ahead.
    later = state.slots[state.current + 1 :]
    ends += [
        s.planned_start for s in later if agenda.slots[s.index].fixed and s.planned_start > now
    ][:1]
    return min(ends)
