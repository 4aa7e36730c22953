"""The day's slots in a table: planned start, expected or actual start, title, and state."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from facilitator.agenda.model import Agenda
from facilitator.i18n import language, t
from facilitator.roles.day_rows import day_row, row_inputs
from facilitator.timing.timeline import DayState, Phase, SlotState

Row = tuple[str, str, Text, Text]
"""Planned start, expected or actual start, title (a Text: never read as markup), state."""

PHASE_COLOURS = {
    Phase.RUNNING: "phase-running",
    Phase.WARNING: "phase-warning",
    Phase.OVERTIME: "phase-overtime",
    Phase.PAUSED: "phase-paused",
    Phase.DONE: "phase-muted",
}
"""The theme variable of each phase's state text, readable on the theme (ui/contrast.py)."""

HEADER_LINES = 1
"""Lines above the first row: the column headings."""


class AgendaList(VerticalScroll):
    """Every slot of the day; the current one highlighted and kept in view.

    It never takes focus: the host's keys belong to the screen. The table is redrawn only
    when a row's text changes, which for later slots is at most once a minute.
    """

    can_focus = False

    DEFAULT_CSS = """
    AgendaList > Static {
        width: 100%;
    }
    """

    def __init__(self, agenda: Agenda, id: str | None = None) -> None:
        super().__init__(id=id)
        self.agenda = agenda
        self._rows: list[Row] = []
        self._current = -1
        self._inputs: tuple[object, ...] = ()
        """What the rows were last built from: the same again shows the same rows."""

    def compose(self) -> ComposeResult:
        """The table lives in one Static."""
        yield Static(id="agenda-table")

    def show(self, state: DayState) -> None:
        """Redraw if any row changed, and keep the current slot in view."""
        inputs = (
            self.agenda,
            language(),
            self.app.theme,
            state.current,
            tuple(row_inputs(slot) for slot in state.slots),
        )
        if inputs == self._inputs:
            return  # the usual second: nothing in the list can have changed
        self._inputs = inputs
        rows = [self._row(slot) for slot in state.slots]
        if rows == self._rows and state.current == self._current:
            return
        self._rows = rows
        moved = state.current != self._current
        self._current = state.current
        self.query_one("#agenda-table", Static).update(self._table(rows, state.current))
        if moved:
            self.call_after_refresh(self._scroll_to_current)

    @property
    def rows(self) -> list[tuple[str, str, str, str]]:
        """Each row as last shown, as plain text: planned, expected or actual, title, state."""
        return [
            (planned, when, title.plain, info.plain) for planned, when, title, info in self._rows
        ]

    def _scroll_to_current(self) -> None:
        row = HEADER_LINES + self._current
        top = max(0, row - self.size.height // 3)
        self.scroll_to(y=top, animate=False)

    def _table(self, rows: list[Row], current: int) -> Table:
        table = Table(box=None, expand=True, padding=(0, 1), show_edge=False)
        table.add_column(t("list.planned"), no_wrap=True, width=6)
        table.add_column(t("list.expected"), no_wrap=True, width=5)
        table.add_column(t("list.title"), no_wrap=True, overflow="ellipsis", ratio=1)
        table.add_column(t("list.state"), no_wrap=True, justify="right", width=11)
        for index, row in enumerate(rows):
            style = "reverse bold" if index == current else ""
            table.add_row(*row, style=style)
        return table

    def _row(self, slot: SlotState) -> Row:
        row = day_row(self.agenda, slot)
        info = Text(row.info, style=self._phase_style(row.phase))
        return (row.planned, row.when, Text(row.title), info)

    def _phase_style(self, phase: Phase) -> str:
        """The state text's style: the phase's colour of the theme in use, bold while live."""
        if phase not in PHASE_COLOURS:
            return ""
        colour = self.app.theme_variables.get(PHASE_COLOURS[phase], "")
        return f"{colour} bold" if phase is not Phase.DONE else colour
