"""A DataTable that draws its plain one-line cells itself.

Textual's DataTable draws every cell through Rich's layout machinery (padding, wrapping,
cropping, a renderable per cell): about a third of a millisecond a cell, so that a screenful
of sessions in the review list cost more than the rest of its first frame. A cell that is a
Text of one line without spans, that fits its column, comes out of that machinery as the
same four segments every time: the padding, the text, the space that fills the column, the
padding, each in the cell's style. PlainTable makes those segments directly and leaves any
other cell (a header, a label, markup, a long or multi-line text) to the DataTable.
tests/ui/test_plain_table.py holds the two ways to the same result.
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import DataTable
from textual.widgets._data_table import CellCacheKey, RowKey


class PlainTable(DataTable[Any]):
    """A DataTable whose plain one-line cells are drawn without Rich's layout."""

    _frame_style: Style | None = None
    """The table's style while its lines are drawn; None between frames."""

    def render_lines(self, crop: Region) -> list[Strip]:
        """The lines in `crop`, the table's style worked out once for them all: the
        DataTable asks for it at every line, and each time it walks every ancestor."""
        self._frame_style = super().rich_style
        try:
            return super().render_lines(crop)
        finally:
            self._frame_style = None

    @property
    def rich_style(self) -> Style:
        """The table's style (see render_lines)."""
        return self._frame_style if self._frame_style is not None else super().rich_style

    def _render_cell(
        self,
        row_index: int,
        column_index: int,
        base_style: Style,
        width: int,
        cursor: bool = False,
        hover: bool = False,
    ) -> list[list[Segment]]:
        """The cell's lines: made here for a plain cell, else by the DataTable."""
        if (
            row_index < 0
            or column_index < 0
            or self.fixed_rows
            or self.fixed_columns
            or not self.cell_padding
        ):
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        row_key = self._row_locations.get_key(row_index)
        column_key = self._column_locations.get_key(column_index)
        if row_key is None or column_key is None:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        key: CellCacheKey = (
            row_key,
            column_key,
            base_style,
            cursor,
            hover,
            self._show_hover_cursor,
            self._update_count,
            self._pseudo_class_state,
        )
        cached = self._cell_render_cache.get(key)
        if cached is not None:
            return cached
        lines = self._plain_cell(row_key, row_index, column_index, base_style, width, cursor, hover)
        if lines is None:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        self._cell_render_cache[key] = lines
        return lines

    def _plain_cell(
        self,
        row_key: RowKey,
        row_index: int,
        column_index: int,
        base_style: Style,
        width: int,
        cursor: bool,
        hover: bool,
    ) -> list[list[Segment]] | None:
        """The lines of a plain cell, as the DataTable would draw them; None for another."""
        row = self.rows[row_key]
        if row.height != 1 or row.auto_height:
            return None
        cell = self._get_row_renderables(row_index)[1][column_index]
        if not isinstance(cell, Text) or cell.spans or cell.justify not in (None, "default"):
            return None
        text = cell.plain
        inner = width - 2 * self.cell_padding
        if "\n" in text or "\t" in text or cell_len(text) > inner or (cell.style and not text):
            return None
        component_style, post_style = self._get_styles_to_render_cell(
            False,
            False,
            False,
            hover,
            cursor,
            self.show_cursor,
            self._show_hover_cursor,
            self.cursor_foreground_priority == "css",
            self.cursor_background_priority == "css",
        )
        style = base_style + Style.from_meta({"row": row_index, "column": column_index})
        style += component_style
        own = style + self.app.console.get_style(cell.style) if cell.style else style
        if post_style:
            style, own = style + post_style, own + post_style
        pad = " " * self.cell_padding
        line = [Segment(pad, style), Segment(text, own)]
        fill = inner - cell_len(text)
        if fill > 0:
            line.append(Segment(" " * fill, style))
        line.append(Segment(pad, style))
        return [line]
