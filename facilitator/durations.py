"""Parsing and formatting of the agenda's clock times ("8.45") and durations ("1h30m")."""

from __future__ import annotations

import re
from datetime import time

_DURATION = re.compile(r"^(?:(?P<h>\d+)\s*h)?\s*(?:(?P<m>\d+)\s*m)?\s*(?:(?P<s>\d+)\s*s)?$")
_CLOCK = re.compile(r"^(?P<h>\d{1,2})[:.](?P<m>\d{2})(?:[:.](?P<s>\d{2}))?$")

DURATION_HINT = 'a duration such as "90s", "5m" or "1h30m"'
CLOCK_HINT = 'a time of day such as "08:45" or "8.45"'


def parse_duration(value: object) -> int:
    """Return whole seconds for "90s", "5m", "1h30m"; raise ValueError with a hint."""
    if isinstance(value, bool) or not isinstance(value, str):
        raise ValueError(f"expected {DURATION_HINT} in quotes, got {value!r}")
    match = _DURATION.match(value.strip().lower())
    if not value.strip() or match is None or not any(match.groupdict().values()):
        raise ValueError(f"expected {DURATION_HINT}, got {value!r}")
    parts = {k: int(v or 0) for k, v in match.groupdict().items()}
    seconds = parts["h"] * 3600 + parts["m"] * 60 + parts["s"]
    if seconds <= 0:
        raise ValueError(f"expected a positive duration, got {value!r}")
    return seconds


def format_duration(seconds: int) -> str:
    """The inverse of parse_duration: 5400 -> "1h30m", 90 -> "1m30s"."""
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    text = (f"{hours}h" if hours else "") + (f"{minutes}m" if minutes else "")
    text += f"{secs}s" if secs else ""
    return text or "0s"


def parse_clock(value: object) -> time:
    """Return a time of day for "08:45", "8.45" or a TOML local time; raise ValueError."""
    if isinstance(value, time):
        return value.replace(microsecond=0)
    if not isinstance(value, str):
        raise ValueError(f"expected {CLOCK_HINT}, got {value!r}")
    match = _CLOCK.match(value.strip())
    if match is None:
        raise ValueError(f"expected {CLOCK_HINT}, got {value!r}")
    hour, minute = int(match["h"]), int(match["m"])
    second = int(match["s"] or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise ValueError(f"{value!r} is not a time of day; expected 00:00 to 23:59")
    return time(hour, minute, second)


def format_clock(value: time) -> str:
    """"08:45", with seconds only when the time has them."""
    return value.strftime("%H:%M:%S" if value.second else "%H:%M")


def format_span(seconds: float) -> str:
    """A length of time for people: "45 min", "3 h 30 min", "50 s"."""
    total = int(round(seconds))
    if total < 60:
        return f"{total} s"
    hours, minutes = divmod(total // 60, 60)
    if hours and minutes:
        return f"{hours} h {minutes} min"
    return f"{hours} h" if hours else f"{minutes} min"
