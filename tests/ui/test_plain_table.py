"""PlainTable draws a plain cell as the DataTable would: the same segments, styles and
mouse metadata, under the cursor, the hover and a zebra stripe; any other cell is left to
the DataTable."""

from __future__ import annotations

from typing import Any

import pytest
from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import DataTable

from facilitator.ui.widgets.plain_table import PlainTable

HIGHLIGHTED = Text("a highlighted word")
HIGHLIGHTED.highlight_words(["word"], style="reverse")
ROWS: list[tuple[Any, ...]] = [  # the third column is 8 wide
    (Text("Hovedudvalgets arbejdsmiljødag"), Text("26. november 2024"), Text("14")),
    (Text(""), Text("−3 min", style="red"), Text("日本語")),
    (Text("[b]not markup[/b]"), Text("kort", style="bold green"), Text("7")),
    (HIGHLIGHTED, "a string cell", Text("two\nlines")),
    (Text("tab\there"), Text("x", justify="right"), Text("far too long")),
]
PLAIN = 10
"""The cells PlainTable draws itself: the first three rows and the string (the DataTable
makes it a Text); the rest have spans, hold a newline or a tab, are justified, or do not
fit their column."""


class TableApp(App[None]):
    def __init__(self, table: DataTable[Any]) -> None:
        super().__init__()
        self.table = table

    def compose(self) -> ComposeResult:
        yield self.table


def _cells(table: DataTable[Any]) -> list[tuple[int, int, bool, bool]]:
    return [
        (row, column, cursor, hover)
        for row in range(table.row_count)
        for column in range(len(table.columns))
        for cursor in (False, True)
        for hover in (False, True)
    ]


@pytest.mark.parametrize("zebra", [False, True])
async def test_each_cell_is_drawn_as_the_data_table_draws_it(zebra: bool) -> None:
    table = PlainTable(zebra_stripes=zebra, cursor_type="row")
    app = TableApp(table)
    async with app.run_test(size=(100, 20)) as pilot:
        table.add_column("title")
        table.add_column("when")
        table.add_column("narrow", width=8)
        for row in ROWS:
            table.add_row(*row)
        await pilot.pause()
        base = table.rich_style
        fast = 0
        for row, column, cursor, hover in _cells(table):
            width = table.ordered_columns[column].get_render_width(table)
            table._cell_render_cache.clear()
            mine = table._render_cell(row, column, base, width, cursor, hover)
            key = table._row_locations.get_key(row)
            assert key is not None
            fast += table._plain_cell(key, row, column, base, width, cursor, hover) is not None
            table._cell_render_cache.clear()
            theirs = DataTable._render_cell(table, row, column, base, width, cursor, hover)
            assert mine == theirs, (row, column, cursor, hover)
        assert fast == 4 * PLAIN  # each plain cell, with and without cursor and hover
