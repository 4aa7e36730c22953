"""When each slot after the current one is now expected, and what the delay does to the
fixed slots. Plain arithmetic over the plan; the timeline calls it. See docs/timing.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class FixedRisk:
    """A fixed slot that the day's delay reaches."""

    index: int
    seconds: float
    """The delay that reaches the slot: what must be cut before it when it is held, how
    late it starts when it is not."""
    held: bool = True
    """Whether it can still start at its planned time: the slots before it, cut to
    nothing, would end in time. A fixed slot whose time has passed cannot be held."""


@dataclass(frozen=True)
class Forecast:
    """The slots after the current one: their expected starts, the day's expected end, and
    the fixed slots the delay reaches."""

    starts: tuple[datetime, ...]
    end: datetime
    risks: tuple[FixedRisk, ...]
    delays: tuple[float, ...] = ()
    """The delay each later slot inherits, in seconds, before a fixed slot is held or moved:
    the delay that reaches it."""


def forecast(
    planned: Sequence[datetime],
    lengths: Sequence[float],
    fixed: Sequence[bool],
    current: int,
    offset: float,
    current_end: datetime,
    changes: Sequence[float] | None = None,
) -> Forecast:
    """Expected starts of the slots after `current`, whose expected end is `current_end`.

    `planned` are the planned starts, `lengths` what is left of each slot (never below
    zero), `offset` the day's delay in seconds. A later slot is expected at its planned
    start plus the delay it inherits. A fixed slot that can be held starts on plan and
    takes the delay off the slots after it; one that cannot be held moves like any other.
    Then no slot is expected before the one above it: slots squeezed against a held fixed
    slot start with it. `changes` are what re-plans did to each slot's planned length
    (seconds, negative when shortened): the delay passes on less what a slot gave up.
    """
    starts: list[datetime] = []
    risks: list[FixedRisk] = []
    delays: list[float] = []
    delay = offset
    # The earliest a fixed slot can start: the end of what cannot be cut before it (the
    # current slot, or an earlier fixed slot), with every slot in between cut to nothing.
    earliest = current_end
    for index in range(current + 1, len(planned)):
        delays.append(delay)
        start = planned[index] + timedelta(seconds=delay)
        if fixed[index]:
            if earliest <= planned[index]:
                if delay > 0:
                    risks.append(FixedRisk(index, delay, held=True))
                start = planned[index]
            else:
                start = max(start, earliest)
                risks.append(FixedRisk(index, (start - planned[index]).total_seconds(), False))
            delay = (start - planned[index]).total_seconds()
            earliest = start + timedelta(seconds=max(lengths[index], 0.0))
        starts.append(start)
        delay += changes[index] if changes else 0.0
    # Expected times never run backwards down the list.
    for position in range(len(starts) - 2, -1, -1):
        starts[position] = min(starts[position], starts[position + 1])
    end = starts[-1] + timedelta(seconds=max(lengths[-1], 0.0)) if starts else current_end
    return Forecast(tuple(starts), end, tuple(risks), tuple(delays))
