"""The organiser's list of every saved session, sortable and filterable, and what recurs."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Static

from facilitator.clean import clean_text, cut_short
from facilitator.errors import SessionError
from facilitator.i18n import date_text, minute_text, signed_minutes, t
from facilitator.review.index import SessionSummary, index_sessions, slot_overs
from facilitator.review.recurring import noticeable, recurring_runs
from facilitator.session.store import SessionStore
from facilitator.ui.first_frame import after_paint, footer_after_first_frame
from facilitator.ui.localize import Localized
from facilitator.ui.widgets.clean_input import CleanInput
from facilitator.ui.widgets.plain_label import PlainLabel
from facilitator.ui.widgets.plain_table import PlainTable

COLUMNS = ("title", "date", "kind", "slots", "notes", "start", "end", "over")
QUOTED_CHARS = 60
"""The most of a filter that the heading quotes when nothing matches it."""
ROWS_PER_BATCH = 500
"""Rows added between two paints after the first: a screenful is filled before the first
paint and the rest in batches after it, so a folder of thousands of sessions shows as
soon as one of a few."""


class ReviewListScreen(Localized, Screen[None]):
    """Every session in the sessions folder; Enter opens one."""

    # The stylesheet beside this file, as the screen's own CSS rather than CSS_PATH: a
    # screen that brings a CSS_PATH has Textual parse every stylesheet of the app again.
    DEFAULT_CSS = Path(__file__).with_suffix(".tcss").read_text(encoding="utf-8")
    BINDINGS = [
        Binding("enter", "open", "key.open", id="open", show=True),
        Binding("slash", "filter", "key.filter", id="filter", key_display="/"),
        Binding("s", "sort", "key.sort", id="sort"),
        Binding("r", "reload", "key.reload", id="reload"),
        Binding("q", "app.quit", "key.quit", id="quit"),
    ]

    def __init__(
        self,
        store: SessionStore,
        shown_first: bool = True,
        listed: list[SessionSummary] | None = None,
    ) -> None:
        """`shown_first` is False when a session opens over the list as the console
        starts: the sessions folder is then read when the list is first shown. `listed`
        is the folder, if it has just been read (see `index_sessions`)."""
        super().__init__()
        self.store = store
        self.shown_first = shown_first
        self.listed = listed
        self.summaries: list[SessionSummary] = []
        self.sort_column = 1
        self.sort_reverse = True
        self._filling = 0
        """Counts the fills begun, so rows still to come from an earlier fill are dropped."""
        self._filled = False
        """Whether the sessions folder has been read into the list, and so its keys work."""

    def compose(self) -> ComposeResult:
        """The heading, the filter, the table and the slots that recur."""
        with Vertical(id="review-list"):
            yield PlainLabel(t("review.heading", folder=self.store.root), id="review-heading")
            yield CleanInput(placeholder=t("review.filter"), id="review-filter")
            yield PlainTable(id="sessions", cursor_type="row", zebra_stripes=True)
            yield PlainLabel(t("review.recurring"), classes="section")
            yield Static(id="recurring", markup=False)

    def on_mount(self) -> None:
        """The columns; the rows now, unless a session opens over the list."""
        table = self.query_one("#sessions", DataTable)
        for key in COLUMNS:
            table.add_column(t(f"review.column.{key}"), key=key)
        table.focus()
        if self.shown_first:
            self._first_fill()

    def on_screen_resume(self) -> None:
        """The rows, the first time the list is shown under a session: once a refresh has
        passed, for the list is resumed as the console starts, before the session that was
        asked for is pushed over it."""
        if not self._filled:
            self.call_after_refresh(self._fill_in_front)

    def _fill_in_front(self) -> None:
        if not self._filled and self.app.screen is self:
            self._first_fill()

    def _first_fill(self) -> None:
        """Read the sessions folder into the list, which then takes keys. A screenful of
        rows is in the first frame; the rest of them, the footer and the slots that recur
        come after it."""
        self.summaries = self.listed if self.listed is not None else index_sessions(self.store)
        self.listed = None
        self._fill()
        self._filled = True
        self.refresh_bindings()
        after_paint(self, self._after_first_frame)

    def _after_first_frame(self) -> None:
        footer_after_first_frame(self)
        self.call_after_refresh(self._recurring)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The list's keys wait until it is filled (a key typed as the console starts)."""
        if action in ("open", "filter", "sort", "reload") and not self._filled:
            return False
        return True

    def action_reload(self) -> None:
        """Read the sessions folder again."""
        self.summaries = index_sessions(self.store)
        self._fill()
        self.call_after_refresh(self._recurring)

    def _fill(self) -> None:
        table = self.query_one("#sessions", DataTable)
        query = self.query_one("#review-filter", CleanInput).value.strip().lower()
        table.clear()
        rows = [s for s in self.summaries if not query or query in _searchable(s)]
        rows.sort(key=_SORT_KEYS[self.sort_column], reverse=self.sort_reverse)
        self._filling += 1
        first = max(self.app.size.height, 1)  # a screenful
        self._add_rows(rows[:first])
        if len(rows) > first:
            after_paint(self, partial(self._fill_more, rows[first:], self._filling))
        heading = self.query_one("#review-heading", PlainLabel)
        if not rows:
            heading.show(
                t("review.none", folder=self.store.root)
                if not self.summaries
                else t("review.no_match", query=cut_short(query, QUOTED_CHARS))
            )
        else:
            heading.show(t("review.heading", folder=self.store.root))

    def _add_rows(self, rows: list[SessionSummary]) -> None:
        table = self.query_one("#sessions", DataTable)
        for summary in rows:
            table.add_row(*_cells(summary), key=summary.id)

    def _fill_more(self, rows: list[SessionSummary], filling: int) -> None:
        """The next batch of rows after a paint, unless another fill began since."""
        if filling != self._filling or not self.is_mounted:
            return
        self._add_rows(rows[:ROWS_PER_BATCH])
        if len(rows) > ROWS_PER_BATCH:
            after_paint(self, partial(self._fill_more, rows[ROWS_PER_BATCH:], filling))

    def _recurring(self) -> None:
        runs = slot_overs(self.store, self.summaries)
        lines = [
            t(
                "review.recurring_line",
                title=item.title,
                over=signed_minutes(item.average_over),
                days=item.days,
            )
            for item in recurring_runs(runs)[:12]
        ]
        self.query_one("#recurring", Static).update("\n".join(lines) or t("review.no_recurring"))

    @on(CleanInput.Changed, "#review-filter")
    def _filtered(self) -> None:
        self._fill()

    @on(CleanInput.Submitted, "#review-filter")
    def _back_to_table(self) -> None:
        self.query_one("#sessions", DataTable).focus()

    def action_filter(self) -> None:
        """Type to filter by title, date or id."""
        self.query_one("#review-filter", CleanInput).focus()

    def action_sort(self) -> None:
        """Sort by the next column (twice on one column reverses it)."""
        if self.sort_reverse:
            self.sort_reverse = False
            self.sort_column = (self.sort_column + 1) % len(COLUMNS)
        else:
            self.sort_reverse = True
        self.notify(
            t("review.sorted", column=t(f"review.column.{COLUMNS[self.sort_column]}")), timeout=2
        )
        self._fill()

    @on(DataTable.RowSelected, "#sessions")
    def _selected(self, event: DataTable.RowSelected) -> None:
        self._open(str(event.row_key.value))

    def action_open(self) -> None:
        """Open the highlighted session."""
        table = self.query_one("#sessions", DataTable)
        if table.row_count:
            row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
            self._open(str(row_key.value))

    def _open(self, session_id: str) -> None:
        summary = next((s for s in self.summaries if s.id == session_id), None)
        if summary is None:
            return
        if summary.error:
            self.notify(summary.error, severity="error", timeout=10)
            return
        # The session's models and its screen load with the first one opened.
        from facilitator.review.archive import ReviewedSession
        from facilitator.ui.screens.review_session import SessionReviewScreen

        try:
            reviewed = ReviewedSession.in_folder(self.store, session_id)
        except SessionError as error:
            self.notify(str(error), severity="error", timeout=10)
            return
        self.app.push_screen(SessionReviewScreen(reviewed))


def _searchable(summary: SessionSummary) -> str:
    return " ".join(
        [
            summary.id,
            summary.title,
            str(summary.day or ""),
            date_text(summary.day) if summary.day else "",
            summary.error or "",
        ]
    ).lower()


_SORT_KEYS: tuple[Callable[[SessionSummary], tuple[Any, str]], ...] = (
    lambda s: (s.title, s.id),
    lambda s: (str(s.day or ""), s.id),
    lambda s: (s.rehearsal, s.id),
    lambda s: (s.slots, s.id),
    lambda s: (s.notes, s.id),
    lambda s: (s.started.isoformat() if s.started else "", s.id),
    lambda s: (s.ended.isoformat() if s.ended else "", s.id),
    lambda s: (s.over or 0, s.id),
)
"""How each column sorts, the id breaking ties; one function per column, so that sorting
thousands of sessions works out only the column sorted by."""


def _cells(summary: SessionSummary) -> tuple[str | Text, ...]:
    """The row of a session; every text is a Text, so that none is read as markup."""
    if summary.error:
        reason = summary.error.splitlines()[0]
        # The id is the folder's name, the one text here not read through a model.
        return (
            Text(clean_text(summary.id), style="bold red"),
            "",
            Text(t("review.unreadable")),
            "",
            "",
            "",
            "",
            Text(reason, style="red"),
        )
    over: str | Text = ""
    if summary.over is not None:
        style = {1: "red", -1: "green"}.get(noticeable(summary.over), "")
        over = Text(signed_minutes(summary.over), style=style)
    elif not summary.finished:
        over = Text(t("review.unfinished"), style="dim")
    return (
        Text(summary.title),
        Text(date_text(summary.day) if summary.day else ""),
        Text(t("review.rehearsal") if summary.rehearsal else t("review.real")),
        Text(str(summary.slots)),
        Text(str(summary.notes)),
        Text(minute_text(summary.started) if summary.started else ""),
        Text(minute_text(summary.ended) if summary.ended else ""),
        over,
    )
