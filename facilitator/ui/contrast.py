"""Colours a host can read: the WCAG contrast ratio, and the phase colours of the theme in
use made readable on its background.

A theme's own colours are not enough: Textual's dark theme writes its error colour
#B93C5B on #121212, about 3.4:1, and its light theme puts the same orange on light grey.
Each phase colour is taken from the theme (so it still looks like the theme) and
lightened on a dark background, darkened on a light one, until it meets WCAG AA, 4.5:1,
in whatever theme the host picks.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.color import Color

AA = 4.5
"""WCAG AA's least contrast for normal text."""
_TARGET = AA + 0.1
"""What the adjustment aims at, above AA so that rounding to a terminal colour stays above."""

PHASE_SOURCES = {
    "phase-running": "success",
    "phase-warning": "warning",
    "phase-overtime": "error",
    "phase-paused": "primary",
    "phase-muted": "foreground",
}
"""Each phase colour variable of the host's stylesheet, and the theme colour it comes from."""


def luminance(colour: Color) -> float:
    """WCAG's relative luminance of an opaque colour, from 0 (black) to 1 (white)."""

    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(colour.r) + 0.7152 * linear(colour.g) + 0.0722 * linear(colour.b)


def contrast(first: Color, second: Color) -> float:
    """WCAG's contrast ratio of two opaque colours, from 1 to 21."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def readable(colour: Color, background: Color, ratio: float = _TARGET) -> Color:
    """`colour` made lighter (on a dark background) or darker (on a light one) in small
    steps until it reaches `ratio` on `background`; white or black if nothing else does."""
    colour = background.blend(colour.with_alpha(1.0), colour.a) if colour.a < 1 else colour
    dark = luminance(background) < 0.5
    for step in range(51):
        amount = step / 50
        candidate = colour.lighten(amount) if dark else colour.darken(amount)
        if contrast(candidate, background) >= ratio:
            return candidate
    return Color(255, 255, 255) if dark else Color(0, 0, 0)


def phase_variables(variables: Mapping[str, str]) -> dict[str, str]:
    """The phase colour variables for a theme's CSS variables: each from its source
    colour, readable on the theme's background (pending and done: the foreground, muted)."""
    background = Color.parse(variables["background"])
    colours = {}
    for name, source in PHASE_SOURCES.items():
        colour = Color.parse(variables[source])
        if name == "phase-muted":
            colour = background.blend(colour, 0.6)
        colours[name] = readable(colour, background).hex
    return colours
