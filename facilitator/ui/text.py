"""The consoles' view of the catalogue: its strings and formats, and countdown formatting."""

from __future__ import annotations

from facilitator.i18n import (
    clock_text,
    clock_text_seconds,
    countdown_text,
    date_text,
    offset_text,
    signed_minutes,
    span_text,
    t,
)
from facilitator.timing.timeline import Phase

__all__ = [
    "clock_text", "clock_text_seconds", "countdown", "date_text", "offset_text",
    "phase_text", "signed_minutes", "span_text", "t",
]


countdown = countdown_text


def phase_text(phase: Phase) -> str:
    """What a phase is called on screen."""
    return t(f"phase.{phase.value}")
