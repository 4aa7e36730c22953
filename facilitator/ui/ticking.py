"""When a console redraws: just after the next second it shows changes, not on a fixed beat."""

from __future__ import annotations

from facilitator.timing.timeline import DayState, seconds_to_next_change

TICK_MARGIN = 0.005
"""Seconds after a change of second to redraw, so the clock has surely passed it."""
MIN_TICK = 0.05
"""The shortest wait between redraws, for rehearsals at high speed."""


def next_redraw(state: DayState, speed: float = 1.0, longest: float = 1.0) -> float:
    """Real seconds to wait before the next redraw of `state`'s day running at `speed`."""
    delay = seconds_to_next_change(state) / speed + TICK_MARGIN
    return min(max(delay, MIN_TICK), longest)
