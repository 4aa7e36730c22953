"""The host console's seconds while the day holds steady: only the countdown moves.

A full redraw computes the whole day (the timeline's state) and asks every part of the
screen whether it changed; while a slot runs within its time, nothing but its digits and
bar can have (roles/steady.py). Until then, each second takes the last state, moves the
slot's running time on, and draws the digits and the bar from it alone.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from facilitator.roles.host import HostRun
from facilitator.roles.steady import steady_until
from facilitator.timing.log import LogState
from facilitator.timing.timeline import DayState


class SteadyDay:
    """The day as the last full redraw showed it, and until when it holds."""

    def __init__(self) -> None:
        self._held: tuple[LogState, datetime, DayState, str] | None = None

    def hold(self, run: HostRun, state: DayState, theme: str) -> None:
        """Keep `state`, just drawn in `theme`, for as long as the day holds steady."""
        until = steady_until(run.agenda, state)
        self._held = None if until is None else (run.timeline.log, until, state, theme)

    def now(self, run: HostRun, theme: str) -> DayState | None:
        """The day now, if it still holds: the kept state at this moment, the current
        slot's running time moved on (as the timeline would give it). None when the day
        must be worked out afresh: an action changed the log, the steady time is up, or
        the theme changed."""
        if self._held is None:
            return None
        log, until, state, held_theme = self._held
        now = run.clock.now()
        if log is not run.timeline.log or now >= until or theme != held_theme:
            return None
        slots = list(state.slots)
        current = slots[state.current]
        slots[state.current] = replace(current, elapsed=run.timeline.running_time(now))
        return replace(state, now=now, slots=tuple(slots))
