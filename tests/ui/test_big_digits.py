"""The block digits: legible, proportional, as large as fits, never wider than allowed."""

from __future__ import annotations

import pytest

from facilitator.ui.widgets.big_digits import GLYPHS, pixel_rows, render_blocks


def test_every_countdown_character_has_a_glyph() -> None:
    assert set("0123456789:+- ") <= set(GLYPHS)
    assert all(len(glyph) == 5 for glyph in GLYPHS.values())


@pytest.mark.parametrize(("width", "height"), [(17, 3), (60, 12), (120, 40), (250, 70)])
def test_the_digits_fit_and_fill(width: int, height: int) -> None:
    lines = render_blocks("05:00", width, height)
    assert lines is not None
    assert len(lines) <= height and all(len(line) <= width for line in lines)
    pixels = len(pixel_rows("05:00")[0])
    scale = len(lines[0]) // pixels
    # One step larger would not fit.
    assert pixels * (scale + 1) > width or 5 * (scale + 1) > height * 2


def test_too_small_gives_none_and_empty_gives_nothing() -> None:
    assert render_blocks("05:00", 10, 2) is None
    assert render_blocks("", 80, 20) == ()


def test_a_zero_reads_as_a_ring() -> None:
    lines = render_blocks("0", 3, 3)
    assert lines == ("█▀█", "█ █", "▀▀▀")
