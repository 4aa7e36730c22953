"""Every reading of time goes through a Clock, so tests and rehearsals can supply their own."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from datetime import time as time_of_day
from typing import Protocol

from facilitator.agenda.model import FIRST_DAY, LAST_DAY

EARLIEST = datetime.combine(FIRST_DAY, time_of_day(), UTC)
LATEST = datetime.combine(LAST_DAY, time_of_day.max, UTC)
"""The first and last moments the program works with (see FIRST_DAY)."""

MAX_SPEED = 3600.0
"""The fastest a rehearsal runs: an hour a second (`--speed`)."""


class Clock(Protocol):
    """Wall time for the event log, monotonic time for smooth display within a process."""

    def now(self) -> datetime:
        """The current time, timezone-aware in UTC."""
        ...

    def monotonic(self) -> float:
        """Seconds from an arbitrary origin that never go backwards."""
        ...


class SystemClock:
    """The machine's clock, smoothed: wall time advanced by the monotonic clock.

    A wall clock can step (NTP, a manual change) and the countdown must not jump with it;
    the wall time is re-read only when it has drifted from the monotonic estimate by more
    than `resync_after` seconds, as after a laptop's suspend.
    """

    resync_after = 1.0

    def __init__(self) -> None:
        self._anchor_wall = datetime.now(UTC)
        self._anchor_mono = time.monotonic()

    def now(self) -> datetime:
        """The smoothed wall time in UTC."""
        estimate = self._anchor_wall + timedelta(seconds=time.monotonic() - self._anchor_mono)
        actual = datetime.now(UTC)
        if abs((actual - estimate).total_seconds()) > self.resync_after:
            self._anchor_wall, self._anchor_mono = actual, time.monotonic()
            return actual
        return estimate

    def monotonic(self) -> float:
        """The process's monotonic clock."""
        return time.monotonic()


class RehearsalClock:
    """A virtual day: `virtual_start` at the real moment `real_start`, running `speed` times faster.

    The mapping is stored in the session, so a resumed console and the stage screen, in
    other processes, compute the same virtual time from the same real clock.
    """

    def __init__(
        self, virtual_start: datetime, real_start: datetime, speed: float, base: Clock
    ) -> None:
        if speed <= 0:
            raise ValueError("speed must be positive")
        self.virtual_start = virtual_start
        self.real_start = real_start
        self.speed = speed
        self._base = base

    def now(self) -> datetime:
        """The virtual time of the rehearsed day; it stops at EARLIEST and LATEST, which a
        fast rehearsal opened years later would otherwise overflow."""
        virtual = (self._base.now() - self.real_start).total_seconds() * self.speed
        if virtual >= (LATEST - self.virtual_start).total_seconds():
            return LATEST
        if virtual <= (EARLIEST - self.virtual_start).total_seconds():
            return EARLIEST
        moment = (self.virtual_start + timedelta(seconds=virtual)).astimezone(UTC)
        return min(max(moment, EARLIEST), LATEST)  # float rounding near the ends

    def monotonic(self) -> float:
        """Monotonic seconds of the virtual day."""
        return self._base.monotonic() * self.speed


class FakeClock:
    """A clock that moves only when told: for tests."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("FakeClock needs a timezone-aware start")
        self._now = start.astimezone(UTC)
        self._mono = 1000.0

    def now(self) -> datetime:
        """The fake time."""
        return self._now

    def monotonic(self) -> float:
        """The fake monotonic time; moves with `advance`."""
        return self._mono

    def advance(self, seconds: float) -> None:
        """Move the clock forward."""
        if seconds < 0:
            raise ValueError("a clock does not go backwards")
        self._now += timedelta(seconds=seconds)
        self._mono += seconds
