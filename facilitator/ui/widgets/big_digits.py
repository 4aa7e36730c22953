"""Digits drawn in blocks, scaled to the largest size that fits the widget."""

from __future__ import annotations

from functools import lru_cache

from rich.segment import Segment
from rich.text import Text
from textual.geometry import Region
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget

from facilitator.ui.widgets.block_letters import LETTERS
from facilitator.ui.widgets.plain_lines import draws_plainly, plain_lines
from facilitator.ui.widgets.sizing import content_size

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


def _blocks(rows: list[str], scale: int) -> tuple[str, ...]:
    """Rows of '#' and '.' pixels as block characters, each pixel `scale` cells wide and
    `scale` half-cells tall (which keeps the glyphs' proportions on terminals whose cells
    are about twice as tall as wide)."""
    half_rows = [
        [pixel == "#" for pixel in row for _ in range(scale)] for row in rows for _ in range(scale)
    ]
    if len(half_rows) % 2:
        half_rows.append([False] * len(half_rows[0]))
    return tuple(
        "".join(_HALF_BLOCKS[(top, bottom)] for top, bottom in zip(upper, lower, strict=True))
        for upper, lower in zip(half_rows[::2], half_rows[1::2], strict=True)
    )


@lru_cache(maxsize=256)
def _glyph_blocks(char: str, scale: int, letters: bool) -> tuple[str, ...]:
    """One character in block characters at `scale`: a countdown draws each of its few
    characters once per size, not every second."""
    return _blocks(pixel_rows(char, letters), scale)


@lru_cache(maxsize=64)
def render_blocks(
    text: str, width: int, height: int, letters: bool = False
) -> tuple[str, ...] | None:
    """`text` as block characters in at most width x height cells, or None if it cannot fit.

    The characters are drawn one by one and joined by the blank pixel column between them,
    which gives the same cells as drawing `pixel_rows(text)` whole.
    """
    if not text:
        return ()
    font = FULL_FONT if letters else GLYPHS
    pixels_wide = sum(len(font.get(char, GLYPHS[" "])[0]) for char in text) + len(text) - 1
    scale = min(width // pixels_wide, (height * 2) // FONT_HEIGHT)
    if scale < 1:
        return None
    gap = " " * scale
    glyphs = [_glyph_blocks(char, scale, letters) for char in text]
    return tuple(gap.join(row) for row in zip(*glyphs, strict=True))


def _same_shape(before: tuple[str, ...], after: tuple[str, ...]) -> bool:
    """Whether two renders take the same rows and columns."""
    return len(before) == len(after) and len(before[0]) == len(after[0])


def _changed_rows(before: tuple[str, ...], after: tuple[str, ...]) -> range | None:
    """The rows from the first to the last that differ between two renders of the same
    shape; None when none does. Whole rows: the screen writes a widget's line from its
    start, so narrower regions would not write less."""
    rows = [row for row, (old, new) in enumerate(zip(before, after, strict=True)) if old != new]
    return range(rows[0], rows[-1] + 1) if rows else None


@lru_cache(maxsize=256)
def _row_strip(line: str, width: int, style: Style) -> Strip:
    """One row `width` cells wide, `line` in the middle, with the styles Textual's own
    alignment gives: `style` on the blocks, and without reverse on the space around."""
    space = (style + Style(reverse=False)).rich_style
    if not line:
        return Strip([Segment(" " * width, space)], width)
    left = (width - len(line)) // 2
    right = width - len(line) - left
    segments = [Segment(line, style.rich_style)]
    if left:
        segments.insert(0, Segment(" " * left, space))
    if right:
        segments.append(Segment(" " * right, space))
    return Strip(segments, width)


class BigDigits(Widget):
    """A countdown in block digits as large as the widget allows; plain text when tiny.

    It draws line by line (Textual's line API): a second that passes redraws only the
    cells that change, from rows kept as strips, instead of laying the whole text out
    again. Block characters are no text to select with the mouse, so it offers none.
    """

    ALLOW_SELECT = False

    DEFAULT_CSS = """
    BigDigits {
        width: 1fr;
        height: 1fr;
        content-align: center middle;
        text-style: bold;
    }
    """

    def __init__(self, value: str = "", *, id: str | None = None, classes: str | None = None):
        super().__init__(id=id, classes=classes)
        self._value = value
        self._drawn_for: tuple[object, ...] = ()
        self._drawn: list[Strip] = []
        """The rows last drawn, and what they were drawn for."""

    @property
    def value(self) -> str:
        """The text shown: digits, a colon, and a leading "+" or "-". A plain attribute,
        not a reactive one: a countdown sets it every second, and only a change of text
        repaints (only the cells that change)."""
        return self._value

    @value.setter
    def value(self, new: str) -> None:
        old, self._value = self._value, new
        if new != old:
            self._repaint(old, new)

    def _repaint(self, old: str, new: str) -> None:
        """Repaint only the rows that change: a countdown changes every second, mostly in
        its last digit and there only in some rows, and the rest need not be drawn again."""
        width, height = content_size(self)
        before, after = render_blocks(old, width, height), render_blocks(new, width, height)
        if before and after and _same_shape(before, after):
            changed = _changed_rows(before, after)
            if changed is not None:
                top = (height - len(after)) // 2 + changed.start
                self.refresh(Region(0, top, width, len(changed)))
            return
        rows = max(self._rows_of(before, height), self._rows_of(after, height))
        if rows == 0 or rows >= height:
            self.refresh()
            return
        top = (height - rows) // 2
        self.refresh(Region(0, max(0, top - 1), self.size.width, rows + 2))

    @staticmethod
    def _rows_of(lines: tuple[str, ...] | None, height: int) -> int:
        return height if lines is None else len(lines)

    def render_lines(self, crop: Region) -> list[Strip]:
        """The rows in `crop`, straight from the rows drawn last when Textual would add
        nothing to them (plain_lines.py): a second costs a lookup per row."""
        rows = self._rows() if draws_plainly(self) else None
        if rows is None:
            return super().render_lines(crop)
        return plain_lines(self, rows, crop)

    def render_line(self, y: int) -> Strip:
        """Row `y` of the content: the digits centred both ways, as `render` would lay
        them out with the widget's `content-align: center middle`."""
        rows = self._rows()
        if rows is None:  # nothing to show, or too small for blocks: the text as it is
            return super().render_line(y)
        return rows[y] if y < len(rows) else Strip.blank(content_size(self).width)

    def _rows(self) -> list[Strip] | None:
        """Every row of the content in blocks, drawn again only when the digits, the size
        or the style change; None when there are no blocks to draw."""
        width, height = content_size(self)
        lines = render_blocks(self.value, width, height)
        if not lines:
            return None
        key = (lines, width, height, self.visual_style)
        if key != self._drawn_for:
            self._drawn_for, self._drawn = key, self._draw(*key)
        return self._drawn

    @staticmethod
    def _draw(lines: tuple[str, ...], width: int, height: int, style: Style) -> list[Strip]:
        """Every row of the content. A row the last digits had too is the same strip as
        before, so Textual's filters and cuts it keeps per strip need not run again."""
        top = (height - len(lines)) // 2
        strips = [_row_strip("", width, style)] * height
        for row, line in enumerate(lines, start=top):
            strips[row] = _row_strip(line, width, style)
        return strips

    def render(self) -> Text:
        """The digits, scaled to the content region (what `render_line` draws by rows)."""
        width, height = content_size(self)
        lines = render_blocks(self.value, width, height)
        if lines is None:
            return Text(self.value)
        return Text("\n".join(lines), no_wrap=True, overflow="crop")
