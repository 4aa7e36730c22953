"""Digits drawn in blocks, scaled to the largest size that fits the widget."""

from __future__ import annotations

from functools import lru_cache

from rich.text import Text
from textual.geometry import Region
from textual.reactive import reactive
from textual.widget import Widget

from facilitator.ui.widgets.block_letters import LETTERS

# A 3x5 pixel font; the colon and the point are narrower.
GLYPHS: dict[str, tuple[str, ...]] = {
    "0": ("###", "#.#", "#.#", "#.#", "###"),
    "1": (".#.", "##.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"),
    "3": ("###", "..#", ".##", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"),
    "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"),
    "7": ("###", "..#", ".#.", ".#.", ".#."),
    "8": ("###", "#.#", "###", "#.#", "###"),
    "9": ("###", "#.#", "###", "..#", "###"),
    ":": (".", "#", ".", "#", "."),
    ".": (".", ".", ".", ".", "#"),  # the Danish clock: "10.42"
    "+": ("...", ".#.", "###", ".#.", "..."),
    "-": ("...", "...", "###", "...", "..."),
    " ": ("..", "..", "..", "..", ".."),
}
FONT_HEIGHT = 5
FULL_FONT = {**GLYPHS, **LETTERS}
"""The digits with the capitals and signs, for a message in large type (big_text.py)."""

# Two pixels stacked in one cell: (top, bottom) -> character.
_HALF_BLOCKS = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}


def pixel_rows(text: str, letters: bool = False) -> list[str]:
    """The text as rows of '#' and '.' pixels, one pixel column between glyphs; with
    `letters`, capitals and signs too."""
    font = FULL_FONT if letters else GLYPHS
    glyphs = [font.get(char, GLYPHS[" "]) for char in text]
    return [".".join(glyph[row] for glyph in glyphs) for row in range(FONT_HEIGHT)]


@lru_cache(maxsize=64)
def render_blocks(
    text: str, width: int, height: int, letters: bool = False
) -> tuple[str, ...] | None:
    """`text` as block characters in at most width x height cells, or None if it cannot fit.

    A pixel is `scale` cells wide and `scale` half-cells tall, which keeps the glyphs'
    proportions on terminals whose cells are about twice as tall as wide.
    """
    if not text:
        return ()
    rows = pixel_rows(text, letters)
    pixels_wide = len(rows[0])
    scale = min(width // pixels_wide, (height * 2) // FONT_HEIGHT)
    if scale < 1:
        return None
    half_rows = [
        [pixel == "#" for pixel in row for _ in range(scale)] for row in rows for _ in range(scale)
    ]
    if len(half_rows) % 2:
        half_rows.append([False] * len(half_rows[0]))
    return tuple(
        "".join(_HALF_BLOCKS[(top, bottom)] for top, bottom in zip(upper, lower, strict=True))
        for upper, lower in zip(half_rows[::2], half_rows[1::2], strict=True)
    )


class BigDigits(Widget):
    """A countdown in block digits as large as the widget allows; plain text when tiny."""

    DEFAULT_CSS = """
    BigDigits {
        width: 1fr;
        height: 1fr;
        content-align: center middle;
        text-style: bold;
    }
    """

    value: reactive[str] = reactive("", layout=False, repaint=False)
    """The text shown: digits, a colon, and a leading "+" or "-"."""

    def __init__(self, value: str = "", *, id: str | None = None, classes: str | None = None):
        super().__init__(id=id, classes=classes)
        self.set_reactive(BigDigits.value, value)

    def watch_value(self, old: str, new: str) -> None:
        """Repaint only the rows the digits stand on: a countdown changes every second,
        and the blank rows around it need not be drawn again."""
        width, height = self.content_size.width, self.content_size.height
        rows = max(self._rows_of(old, width, height), self._rows_of(new, width, height))
        if rows == 0 or rows >= height:
            self.refresh()
            return
        top = (height - rows) // 2
        self.refresh(Region(0, max(0, top - 1), self.size.width, rows + 2))

    @staticmethod
    def _rows_of(value: str, width: int, height: int) -> int:
        lines = render_blocks(value, width, height)
        return height if lines is None else len(lines)

    def render(self) -> Text:
        """The digits, scaled to the content region."""
        lines = render_blocks(self.value, self.content_size.width, self.content_size.height)
        if lines is None:
            return Text(self.value)
        return Text("\n".join(lines), no_wrap=True, overflow="crop")
