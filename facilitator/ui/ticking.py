"""When a console redraws: just after the next second it shows changes, not on a fixed beat.

A countdown's seconds change once a second at the same point of each second, so while they
do, `Beat` keeps one interval timer going instead of setting a new timer for every second.
"""

from __future__ import annotations

from collections.abc import Callable
from time import monotonic

from textual.message_pump import MessagePump
from textual.timer import Timer

from facilitator.timing.timeline import DayState, seconds_to_next_change

TICK_MARGIN = 0.005
"""Seconds after a change of second to redraw, so the clock has surely passed it."""
MIN_TICK = 0.05
"""The shortest wait between redraws, for rehearsals at high speed."""
BEAT_SLACK = 0.02
"""How far from the beat a redraw may be due and still be left to the beat: a timer fires
a few milliseconds late, never early, and the margin above keeps it past the change."""


def next_redraw(state: DayState, speed: float = 1.0, longest: float = 1.0) -> float:
    """Real seconds to wait before the next redraw of `state`'s day running at `speed`."""
    return redraw_delay(seconds_to_next_change(state) / speed, longest)


def redraw_delay(change_in: float, longest: float = 1.0) -> float:
    """Real seconds to wait before redrawing what changes in `change_in` real seconds."""
    return min(max(change_in + TICK_MARGIN, MIN_TICK), longest)


class Beat:
    """Calls `redraw` when it is next due. While every redraw is due one `period` after the
    one before (a countdown at speed 1: each second, a little after it changes), one
    interval timer calls it; a redraw due at another moment (a minute that turns, a key
    that starts or pauses the slot) stops that timer and sets one for that moment.

    The interval calls `redraw` itself, with Textual's handling of errors in a callback,
    which spares each second a timer and a message to the screen.
    """

    def __init__(self, owner: MessagePump, redraw: Callable[[], object]) -> None:
        self._owner = owner
        self._redraw = redraw
        self._timer: Timer | None = None
        self._period = 0.0
        self._next = 0.0
        """When the interval timer (if it runs) calls next, by the monotonic clock."""

    @property
    def steady(self) -> bool:
        """Whether the interval timer is the one calling the redraws now."""
        return self._timer is not None and self._period > 0

    def redraw_in(self, delay: float, period: float) -> None:
        """Have `redraw` called in `delay` seconds, and every `period` seconds after that
        for as long as no redraw asks for another moment."""
        due = monotonic() + delay
        if self.steady and period == self._period and abs(due - self._next) <= BEAT_SLACK:
            return  # the beat brings it
        self.stop()
        if abs(delay - period) <= BEAT_SLACK:  # just past a change: beat from here on
            self._timer = self._owner.set_interval(period, self._beat)
            self._period, self._next = period, due
        else:
            self._timer = self._owner.set_timer(delay, self._redraw)

    def stop(self) -> None:
        """No more redraws until asked again."""
        if self._timer is not None:
            self._timer.stop()
        self._timer, self._period = None, 0.0

    def _beat(self) -> None:
        self._next += self._period
        self._redraw()
