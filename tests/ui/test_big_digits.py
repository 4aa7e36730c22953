"""The block digits: legible, proportional, as large as fits, never wider than allowed."""

from __future__ import annotations

import pytest
from rich.segment import Segment
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from facilitator.i18n import countdown_text
from facilitator.ui.widgets.big_digits import (
    GLYPHS,
    BigDigits,
    _changed_rows,
    pixel_rows,
    render_blocks,
)


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


def whole_line_blocks(text: str, width: int, height: int, letters: bool = False) -> tuple[str, ...]:
    """The blocks drawn from the whole line's pixels at once: what render_blocks must give."""
    from facilitator.ui.widgets.big_digits import FONT_HEIGHT

    rows = pixel_rows(text, letters)
    scale = min(width // len(rows[0]), (height * 2) // FONT_HEIGHT)
    half = [
        [pixel == "#" for pixel in row for _ in range(scale)] for row in rows for _ in range(scale)
    ]
    if len(half) % 2:
        half.append([False] * len(half[0]))
    cell = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}
    return tuple(
        "".join(cell[pair] for pair in zip(upper, lower, strict=True))
        for upper, lower in zip(half[::2], half[1::2], strict=True)
    )


COUNTDOWN = [countdown_text(seconds) for seconds in range(3700, -200, -37)]


@pytest.mark.parametrize(("width", "height"), [(17, 3), (66, 29), (120, 40), (250, 70)])
def test_glyph_by_glyph_draws_what_the_whole_line_would(width: int, height: int) -> None:
    for text in [*COUNTDOWN, "10.42", " +-:"]:
        if render_blocks(text, width, height) is not None:
            assert render_blocks(text, width, height) == whole_line_blocks(text, width, height)
    assert render_blocks("HELLO, WORLD!", 200, 20, letters=True) == whole_line_blocks(
        "HELLO, WORLD!", 200, 20, letters=True
    )


@pytest.mark.parametrize(("width", "height"), [(21, 3), (66, 29), (250, 70)])
def test_the_repainted_rows_hold_every_change_and_no_more(width: int, height: int) -> None:
    values = [countdown_text(seconds) for seconds in range(125, -75, -1)]
    for old, new in zip(values, values[1:], strict=False):
        before, after = render_blocks(old, width, height), render_blocks(new, width, height)
        assert before and after
        if len(before[0]) != len(after[0]):
            continue  # "00:00" to "+00:01": every row is repainted
        changed = [y for y, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
        assert _changed_rows(before, after) == range(changed[0], changed[-1] + 1)
    assert _changed_rows(("ab", "cd"), ("ab", "cd")) is None


class DigitsApp(App[None]):
    """One BigDigits under the stylesheet given."""

    def __init__(self, css: str) -> None:
        self.CSS = css
        super().__init__()

    def compose(self) -> ComposeResult:
        yield BigDigits("05:00")


@pytest.mark.parametrize(
    "css",
    [
        "BigDigits { color: red; }",
        "BigDigits { color: $warning; background: $panel; text-style: bold italic; }",
        "BigDigits { padding: 1 2; border: round green; }",  # Textual draws the box itself
    ],
)
async def test_the_digits_draw_what_textual_would_draw_from_their_text(css: str) -> None:
    app = DigitsApp(css)
    async with app.run_test(size=(70, 20)) as pilot:
        digits = app.query_one(BigDigits)
        for value in ["05:00", "04:59", "+1:05:00", "", "123:45:67:89:00"]:
            digits.value = value
            await pilot.pause()
            digits.refresh()  # Textual's own rendering below lays the text out afresh
            height = digits.content_size.height
            ours = [digits.render_line(y) for y in range(height)]
            textuals = [Widget.render_line(digits, y) for y in range(height)]
            assert cells(ours) == cells(textuals)
            whole = Region(0, 0, *digits.outer_size)
            assert cells(digits.render_lines(whole)) == cells(Widget.render_lines(digits, whole))


def cells(strips: list[Strip]) -> list[list[Segment]]:
    """What the strips show: their text and styles, without the offsets Textual attaches
    to text for selecting it with the mouse (the digits offer no text to select)."""
    return [
        [Segment(text, style.clear_meta_and_links() if style else None) for text, style, _ in strip]
        for strip in strips
    ]
