"""When the host console rings the terminal bell: a rule over two looks at the day.

A console remembers what it saw last (`Moment`) and rings when the next look shows the
current slot entering its warning, reaching zero, or moving on to its next phase. A jump
to another slot does not ring, nor does a first look, so a console resumed after a crash
does not ring for what happened while it was away.
"""

from __future__ import annotations

from facilitator.agenda.model import Agenda
from facilitator.timing.state import LIVE, DayState, Phase
from facilitator.timing.steps import current_step

Moment = tuple[int, Phase, int]
"""What a look saw: the current slot, its phase, and the number of its phase inside it."""


def moment_of(agenda: Agenda, state: DayState) -> Moment:
    """What a console sees at `state`, as far as the bell is concerned."""
    step = current_step(agenda, state)
    return (state.current, state.current_slot.phase, step.number if step else 0)


def rings(before: Moment | None, seen: Moment) -> bool:
    """Whether the change from `before` to `seen` rings the bell, once."""
    if before is None or before[0] != seen[0]:
        return False
    if seen[2] > before[2] and seen[1] in LIVE:
        return True  # the next phase inside the slot, also as it warns or runs out
    if before[1] == seen[1]:
        return False
    if seen[1] is Phase.WARNING:
        return before[1] is Phase.RUNNING
    return seen[1] is Phase.OVERTIME and before[1] in (Phase.RUNNING, Phase.WARNING)
