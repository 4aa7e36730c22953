"""What a re-plan would aim at now: the fixed slot (or the day's end) that the delay
threatens, how much must be cut before it or how much time is spare, and what room the
slots before it have. The timeline puts it in the day's state; replan.py proposes the cut.
See docs/timing.md, "The re-plan".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from facilitator.agenda.model import Agenda, SlotKind
from facilitator.i18n.rounding import whole_minutes


@dataclass(frozen=True)
class ReplanNeed:
    """The target of a re-plan and what the slots before it can do for it."""

    target: int | None
    """The fixed slot to keep on time: the first after the current slot whose planned
    start is still ahead. None: the day's planned end."""
    first: int
    """The first slot a re-plan may change (after the current slot and after any fixed
    slot whose time has passed)."""
    stop: int
    """The slot after the last one it may change: the target, or the number of slots."""
    seconds: float
    """How late the target is expected (positive: the cut needed) or how early
    (negative: the spare time)."""
    room: int
    """Seconds the slots it may change can give up, down to their shortest."""
    takers: tuple[int, ...]
    """The dialogues it may change, which would take spare time."""

    @property
    def behind(self) -> bool:
        """Whether the target is late by a whole minute, as the header rounds it."""
        return whole_minutes(self.seconds) >= 1

    @property
    def ahead(self) -> bool:
        """Whether the target is early by a whole minute."""
        return whole_minutes(self.seconds) <= -1

    @property
    def helps(self) -> bool:
        """Whether a re-plan would change something now: behind with room to cut, or
        ahead with a dialogue to give the spare time to."""
        return (self.behind and self.room > 0) or (self.ahead and bool(self.takers))


def movable(agenda: Agenda, index: int, ran: Sequence[float]) -> bool:
    """Whether a re-plan may change slot `index`: not kept, and not already run."""
    return not agenda.kept(index) and ran[index] <= 0


def replan_need(
    agenda: Agenda,
    current: int,
    planned: Sequence[datetime],
    lengths: Sequence[int],
    ran: Sequence[float],
    delays: Sequence[float],
    end_delay: float,
    now: datetime,
    *,
    kept: Sequence[bool],
    shortest: Sequence[int],
) -> ReplanNeed | None:
    """The re-plan's target and room after slot `current`, or None on the last slot.

    `planned` are the planned starts, `lengths` the planned lengths in effect, `ran` each
    slot's running time so far, `delays` the delay reaching each slot after the current
    one (from the forecast), `end_delay` how late the day is expected to end. `kept` and
    `shortest` are `agenda.kept` and `agenda.shortest_of` of every slot, which the
    timeline works out once: this runs at every redraw of every console.
    """
    count = len(planned)
    if current >= count - 1:
        return None
    later = range(current + 1, count)
    target = next((i for i in later if agenda.slots[i].fixed and planned[i] > now), None)
    stop = count if target is None else target
    # A fixed slot whose time has passed is moved, not held: cutting before it would not
    # bring it back, so a re-plan changes only the slots after it.
    first = max(
        [i + 1 for i in range(current + 1, stop) if agenda.slots[i].fixed], default=current + 1
    )
    seconds = end_delay if target is None else delays[target - current - 1]
    reach = [i for i in range(first, stop) if not kept[i] and ran[i] <= 0]  # as `movable`
    room = sum(max(0, lengths[i] - shortest[i]) for i in reach)
    takers = tuple(i for i in reach if agenda.slots[i].kind is SlotKind.DIALOGUE)
    return ReplanNeed(target, first, stop, round(seconds, 6), room, takers)
