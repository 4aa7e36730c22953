"""The organiser's list of every saved session, sortable and filterable, and what recurs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Static

from facilitator.clean import clean_text
from facilitator.errors import SessionError
from facilitator.i18n import date_text, minute_text, signed_minutes, t
from facilitator.review.index import SessionSummary, index_sessions, slot_overs
from facilitator.review.recurring import noticeable, recurring_runs
from facilitator.session.store import SessionStore
from facilitator.ui.first_frame import footer_after_first_frame
from facilitator.ui.localize import Localized
from facilitator.ui.widgets.clean_input import CleanInput
from facilitator.ui.widgets.plain_label import PlainLabel
from facilitator.ui.widgets.plain_table import PlainTable

COLUMNS = ("title", "date", "kind", "slots", "notes", "start", "end", "over")
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

    def __init__(self, store: SessionStore) -> None:
        super().__init__()
        self.store = store
        # A new screen is styled as it mounts: marked as up to date with the app's CSS, so
        # that opening it as a mode does not make Textual refresh all of the app's CSS
        # twice first (a tenth of the list's first paint).
        try:
            self._css_update_count = self.app._css_update_count
        except RuntimeError:  # made outside a running app (NoActiveAppError): nothing to spare
            pass
        self.summaries: list[SessionSummary] = []
        self.sort_column = 1
        self.sort_reverse = True
        self._filling = 0
        """Counts the fills begun, so rows still to come from an earlier fill are dropped."""
        self._built = False
        """Whether the list's widgets are mounted: when it is first shown."""
        self._waiting = False
        """Whether the list waits to be shown before it is built."""
        self._ready = False
        """Whether the list is built and filled, and so its keys work."""

    def compose(self) -> ComposeResult:
        """A place for the list; its widgets come when it is first shown (see on_mount)."""
        place = Vertical(id="review-list")
        place.display = False
        yield place

    def on_mount(self) -> None:
        """Build and fill the list when it is first shown (see _build_when_shown)."""
        self.call_after_refresh(self._after_first_refresh)

    def _after_first_refresh(self) -> None:
        # Through the app's queue: after a session named on the command line is pushed
        # over the list (the app queued that push before it started).
        self.app.call_later(self._build_when_shown)

    async def _build_when_shown(self) -> None:
        """Build the list after the refresh Textual makes while the app starts, which it
        does not show, so that it is drawn once, in the first frame on the terminal; under
        a session, when the organiser goes back to it."""
        if self.app.screen is self:
            await self._build()
        else:
            self._waiting = True

    def on_screen_resume(self) -> None:
        """Build the list the first time it is shown, if it waited for that."""
        if self._waiting:
            self._waiting = False
            self.call_after_refresh(self._build)

    async def _build(self) -> None:
        if self._built:
            return
        self._built = True
        footer_after_first_frame(self)
        await self.query_one("#review-list", Vertical).mount_all(
            [
                PlainLabel(t("review.heading", folder=self.store.root), id="review-heading"),
                CleanInput(placeholder=t("review.filter"), id="review-filter"),
                PlainTable(id="sessions", cursor_type="row", zebra_stripes=True),
                PlainLabel(t("review.recurring"), classes="section"),
                Static(id="recurring", markup=False),
            ]
        )
        table = self.query_one("#sessions", DataTable)
        for key in COLUMNS:
            table.add_column(t(f"review.column.{key}"), key=key)
        table.focus()
        self.summaries = index_sessions(self.store)
        self._fill()
        self._ready = True
        self.refresh_bindings()
        # Shown once the table has taken the size of its rows, which it does when idle:
        # the first frame shows them; the slots that recur come after it.
        self.call_after_refresh(self._show)

    def _show(self) -> None:
        self.query_one("#review-list").display = True
        self.call_after_refresh(self._recurring)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The list's keys wait until it is built (a key typed as the console starts)."""
        if action in ("open", "filter", "sort", "reload") and not self._ready:
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
        if len(rows) > first:  # after the next paint, which may be the list's first
            self.call_after_refresh(
                self.call_after_refresh, self._fill_more, rows[first:], self._filling
            )
        heading = self.query_one("#review-heading", PlainLabel)
        if not rows:
            heading.show(
                t("review.none", folder=self.store.root)
                if not self.summaries
                else t("review.no_match", query=query)
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
            self.call_after_refresh(self._fill_more, rows[ROWS_PER_BATCH:], filling)

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
        # The session's models, its notes and its screen load with the first one opened.
        from facilitator.review.archive import load_folder
        from facilitator.ui.screens.review_session import SessionReviewScreen

        try:
            loaded = load_folder(self.store, session_id)
        except SessionError as error:
            self.notify(str(error), severity="error", timeout=10)
            return
        self.app.push_screen(SessionReviewScreen(loaded, starting=False))


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
