"""The one rounding rule for every minute shown: the nearest whole minute, a half minute up.

The header's offset, the list's expected times, "cut N min", lengths and the review's
over and under all round through here, so they agree with each other: a slot expected at
its plan plus the offset is shown at its planned minute plus the offset's minutes. Half a
minute rounds up (to the later time, the larger delay), never to even: Python's `round`
would make 150 s "2 min" and 210 s "4 min".
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta


def whole_minutes(seconds: float) -> int:
    """`seconds` as whole minutes, rounded to the nearest, a half minute up: 150 s is 3,
    −150 s is −2."""
    return math.floor(seconds / 60 + 0.5)


def nearest_minute(moment: datetime) -> datetime:
    """`moment` on its nearest whole minute, a half minute up (08:53:30 is 08:54)."""
    start = moment.replace(second=0, microsecond=0)
    return start + timedelta(minutes=whole_minutes((moment - start).total_seconds()))
