"""Parsing and formatting of the agenda's clock times ("8.45") and durations ("1h30m"),
as the agenda file writes them; the catalogue formats them for people."""

from __future__ import annotations

import re
from datetime import date, time

from facilitator.i18n import t

FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(8999, 12, 31)
"""The days the program works with: far enough from the years 1 and 9999, where Python's
datetime ends, that no sum of a day's times and offsets can overflow."""

_DURATION = re.compile(r"^(?:(?P<h>\d+)\s*h)?\s*(?:(?P<m>\d+)\s*m)?\s*(?:(?P<s>\d+)\s*s)?$")
_CLOCK = re.compile(r"^(?P<h>\d{1,2})[:.](?P<m>\d{2})(?:[:.](?P<s>\d{2}))?$")


def parse_duration(value: object) -> int:
    """Return whole seconds for "90s", "5m", "1h30m"; raise ValueError with a hint."""
    if isinstance(value, bool) or not isinstance(value, str):
        raise ValueError(t("duration.quoted", hint=t("hint.duration"), value=value))
    match = _DURATION.match(value.strip().lower())
    if not value.strip() or match is None or not any(match.groupdict().values()):
        raise ValueError(t("agenda.expected", hint=t("hint.duration"), value=value))
    parts = {k: int(v or 0) for k, v in match.groupdict().items()}
    seconds = parts["h"] * 3600 + parts["m"] * 60 + parts["s"]
    if seconds <= 0:
        raise ValueError(t("duration.positive", value=value))
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
        raise ValueError(t("agenda.expected", hint=t("hint.clock"), value=value))
    match = _CLOCK.match(value.strip())
    if match is None:
        raise ValueError(t("agenda.expected", hint=t("hint.clock"), value=value))
    hour, minute = int(match["h"]), int(match["m"])
    second = int(match["s"] or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise ValueError(t("clock.range", value=value))
    return time(hour, minute, second)


def format_clock(value: time) -> str:
    """ "08:45", with seconds only when the time has them."""
    return value.strftime("%H:%M:%S" if value.second else "%H:%M")


def seconds_of_day(value: time) -> int:
    """A time of day as seconds since midnight, to compare starts and lengths."""
    return value.hour * 3600 + value.minute * 60 + value.second
