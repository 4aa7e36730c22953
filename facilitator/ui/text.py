"""The consoles' view of the catalogue: its strings and formats, and countdown formatting."""

from __future__ import annotations

from facilitator.i18n import (
    clock_text,
    clock_text_seconds,
    date_text,
    minute_text,
    offset_text,
    signed_minutes,
    span_text,
    t,
)
from facilitator.i18n.rounding import whole_minutes
from facilitator.timing.timeline import Phase

__all__ = [
    "clock_text", "clock_text_seconds", "countdown", "date_text", "minute_text",
    "offset_text", "phase_text", "signed_minutes", "span_text", "t", "whole_minutes",
]


def countdown(seconds: int) -> str:
    """The countdown: "05:00", "00:00", then "+01:23" in overtime; hours as "1:05:00"."""
    sign = "+" if seconds < 0 else ""
    minutes, secs = divmod(abs(seconds), 60)
    if minutes >= 60:
        hours, minutes = divmod(minutes, 60)
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes:02d}:{secs:02d}"


def phase_text(phase: Phase) -> str:
    """What a phase is called on screen."""
    return t(f"phase.{phase.value}")
