"""When a console redraws: just after the next second it shows changes, not on a fixed beat."""

from __future__ import annotations

from facilitator.timing.timeline import DayState, seconds_to_next_change

TICK_MARGIN = 0.005
"""Seconds after a change of second to redraw, so the clock has surely passed it."""
MIN_TICK = 0.05
"""The shortest wait between redraws, for rehearsals at high speed."""


def next_redraw(state: DayState, speed: float = 1.0, longest: float = 1.0) -> float:
    """Real seconds to wait before the next redraw of `state`'s day running at `speed`."""
    return redraw_delay(seconds_to_next_change(state) / speed, longest)


def redraw_delay(change_in: float, longest: float = 1.0) -> float:
    """Real seconds to wait before redrawing what changes in `change_in` real seconds."""
    return min(max(change_in + TICK_MARGIN, MIN_TICK), longest)
