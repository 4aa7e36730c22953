"""The notes console's first frame: the slot it opens on, drawn from the session's preview
while the models and the console behind them load.

It has the notes screen's layout and stylesheet, so the console that replaces it a moment
later draws over it in place: the same heading, "Table 1 of 12", the same question, an
empty editor. The notes and the word cloud come with the console. It takes no key; keys
typed meanwhile wait for the console (HOLDS_KEYS, see ui/type_ahead.py), so a note typed
at once goes into the editor whole.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Label

from facilitator.i18n import t
from facilitator.notes.preview import NotesPreview
from facilitator.ui.screens.notes_labels import heading_text, question_text, table_text
from facilitator.ui.widgets.plain_label import PlainLabel


class NotesOpening(Screen[None]):
    """The pickers of the slot in `preview`, an empty editor, and the empty frames of the
    notes list and the cloud."""

    HOLDS_KEYS = True
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (90, "-wide")]
    # The notes screen's own stylesheet, as this screen's: the default screen of an app
    # has no CSS_PATH read for it. The editor's box as a TextArea with focus draws it.
    DEFAULT_CSS = (
        (Path(__file__).parent / "notes.tcss").read_text(encoding="utf-8")
        + """
    NotesOpening.-narrow #notes-right {
        display: none;
    }
    NotesOpening #editor {
        border: tall $border;
        background: $surface;
    }
    NotesOpening #notes-list {
        background: $surface;
    }
    NotesOpening #notes-cloud {
        width: 1fr;
        color: $text-muted;
    }
    """
    )

    def __init__(self, preview: NotesPreview, writer: str) -> None:
        super().__init__()
        self.preview = preview
        self.writer = writer
        """The writer's name as given (`--as`), as the heading shows it."""

    def compose(self) -> ComposeResult:
        """The notes screen's widgets, those that show something before the notes load."""
        preview = self.preview
        heading = heading_text(preview.slot + 1, preview.title, preview.start, self.writer, False)
        with Horizontal(id="notes-main"):
            with Vertical(id="notes-left"):
                yield PlainLabel(heading, id="notes-heading")
                yield PlainLabel(table_text(1, preview.tables, False), id="table-label")
                yield PlainLabel(question_text(0, preview.questions), id="question-label")
                yield Vertical(id="editor")
                # The status line and the tables' line, blank: the editor keeps its size.
                yield Label(" ", id="save-status")
                yield Label(" ", id="reported")
            with Vertical(id="notes-right"):
                yield Vertical(id="notes-list")
                yield PlainLabel(t("notes.cloud_empty"), id="notes-cloud")
