"""A message in block capitals, wrapped over as many lines as needed and as large as the
widget allows; plain text when it cannot fit or holds a character the font lacks."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from facilitator.ui.widgets.big_digits import FONT_HEIGHT, FULL_FONT, render_blocks


def glyph_width(char: str) -> int:
    """Pixels a character takes, with the pixel between characters."""
    return len(FULL_FONT[char][0]) + 1


def wrap(words: list[str], pixels: int) -> list[str] | None:
    """The words in lines of at most `pixels` pixels; None if a word alone is wider."""
    lines: list[str] = []
    line = ""
    for word in words:
        candidate = f"{line} {word}" if line else word
        if sum(glyph_width(char) for char in candidate) - 1 <= pixels:
            line = candidate
            continue
        if sum(glyph_width(char) for char in word) - 1 > pixels:
            return None
        lines.append(line)
        line = word
    return [*lines, line] if line else lines


def layout(text: str, width: int, height: int) -> list[str] | None:
    """`text` in block capitals: rows of cells filling at most width x height, every line
    at the one largest scale; None when it cannot fit or the font lacks a character."""
    shown = " ".join(text.upper().split())
    if not shown or any(char not in FULL_FONT for char in shown):
        return None
    for scale in range(max(1, height), 0, -1):
        rows_per_line = -(-FONT_HEIGHT * scale // 2)  # half-cells per pixel row, rounded up
        lines = wrap(shown.split(" "), width // scale)
        if lines is None or len(lines) * (rows_per_line + 1) - 1 > height:
            continue
        rendered: list[str] = []
        for number, line in enumerate(lines):
            blocks = render_blocks(line, width, rows_per_line, letters=True)
            if blocks is None:
                break
            if number:
                rendered.append("")
            rendered.extend(blocks)
        else:
            return rendered
    return None


class BigText(Widget):
    """A message as large as the widget allows, centred; plain when it cannot be."""

    DEFAULT_CSS = """
    BigText {
        width: 1fr;
        height: 1fr;
        content-align: center middle;
        text-align: center;
        text-style: bold;
    }
    """

    text: reactive[str] = reactive("")
    """The message; shown in capitals when in blocks."""

    def render(self) -> Text:
        """The message in blocks, or as it was written."""
        lines = layout(self.text, self.content_size.width, self.content_size.height)
        if lines is None:
            return Text(self.text, justify="center")
        return Text("\n".join(lines), justify="center", no_wrap=True)
