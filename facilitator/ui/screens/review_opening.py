"""The first frame of a session's review: its heading and the timeline's plan (each slot's
title and planned length), drawn from the session's preview (review/preview.py) while the
models load and the log is replayed.

It has the review screen's stylesheet, heading, tabs and table in the same places, so the
screen that replaces it a moment later fills in what happened (the actual times, the
analysis, the chart) around the plan. It takes no key; keys typed meanwhile wait for the
review (HOLDS_KEYS, see ui/type_ahead.py).
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static, TabbedContent, TabPane

from facilitator.i18n import t
from facilitator.review.preview import SessionPreview
from facilitator.ui.review_parts import session_heading, timeline_row, timeline_table
from facilitator.ui.widgets.plain_label import PlainLabel

REVIEW_CSS = (Path(__file__).parent / "review_session.tcss").read_text(encoding="utf-8")


class ReviewOpening(Screen[None]):
    """The session of `preview` as it was planned."""

    HOLDS_KEYS = True
    # The review screen's own stylesheet, its rules named for this screen.
    DEFAULT_CSS = REVIEW_CSS.replace("SessionReviewScreen", "ReviewOpening")

    def __init__(self, preview: SessionPreview) -> None:
        super().__init__()
        self.preview = preview

    def compose(self) -> ComposeResult:
        """The heading and the tabs, the timeline holding the plan."""
        preview = self.preview
        yield PlainLabel(
            session_heading(preview.title, preview.day, preview.rehearsal, preview.id),
            id="session-heading",
        )
        rows = (
            timeline_row(index, slot.title, None, slot.seconds)
            for index, slot in enumerate(preview.slots)
        )
        with TabbedContent(initial="timeline"):
            with TabPane(t("review.tab.timeline"), id="timeline"):
                with VerticalScroll():
                    yield Static(timeline_table(rows), id="timeline-table")
            yield TabPane(t("review.tab.notes"), id="notes")
            yield TabPane(t("review.tab.clouds"), id="clouds")
