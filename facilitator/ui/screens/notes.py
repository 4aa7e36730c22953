"""The note-taker's console: pick the table and question, type what the table said, ctrl+s.

The confirmation appears only once the note is on disk. A failed write keeps the text in
the editor, shows a lasting error and tries again every second until it succeeds; the
note stays queued (and listed as not saved) when the editor moves on to another note.
Once another console takes this writer's file over, saving stops and says so.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Label, OptionList, TextArea

from facilitator.errors import SessionError
from facilitator.i18n import clock_text, clock_text_seconds, t
from facilitator.notes.model import Note, question_position
from facilitator.notes.store import NotesTakenOver
from facilitator.roles.note_taker import NoteNotSaved, NoteTaking
from facilitator.roles.report_round import TableFollower, tally_text
from facilitator.session.model import Session
from facilitator.ui.dialogs.confirm import confirm
from facilitator.ui.dialogs.goto import GotoModal
from facilitator.ui.first_frame import footer_after_first_frame
from facilitator.ui.localize import Localized
from facilitator.ui.screens.notes_labels import heading_text, question_text, table_text
from facilitator.ui.widgets.clean_input import CleanTextArea
from facilitator.ui.widgets.notes_list import NotesList, question_label
from facilitator.ui.widgets.plain_label import PlainLabel
from facilitator.ui.widgets.word_cloud import WordCloud

if TYPE_CHECKING:  # the host's role loads its re-planning, which notes alone never use
    from facilitator.roles.host import HostRun

T = TypeVar("T")

POLL_SECONDS = 0.5
"""How often other writers' files are checked: a new note appears within a second."""
LET_GO_AFTER = 1.0
"""Seconds after a save before the editor's old text is freed, off the save's way."""


class NotesScreen(Localized, Screen[None]):
    """Write notes for one slot; see every writer's notes of it and its word cloud."""

    CSS_PATH = "notes.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (90, "-wide")]

    # Not priority bindings: a key reaches them after the editor has taken every key typed
    # before it, so ctrl+s right after fast typing or a paste saves all of the text.
    BINDINGS = [
        Binding("ctrl+s", "save", "key.save", id="save"),
        Binding(
            "f2,ctrl+down", "step_table(-1)", "key.table_down", id="table_down", key_display="F2"
        ),
        Binding("f3,ctrl+up", "step_table(1)", "key.table_up", id="table_up", key_display="F3"),
        Binding("f4", "next_question", "key.question", id="question", key_display="F4"),
        # The editor uses F6 to select a line; picking the slot matters more here.
        Binding("f6", "pick_slot", "key.slot", id="slot", key_display="F6", priority=True),
        Binding("ctrl+n", "new_note", "key.new_note", id="new_note"),
        Binding("escape", "switch_focus", "key.list", id="list"),
        Binding("delete,d", "delete_note", "key.delete", id="delete", show=False),
    ]

    def __init__(self, notes: NoteTaking) -> None:
        super().__init__()
        self.notes = notes
        self.slot = notes.opening_slot()
        self.table = 1
        self.question_index = 0
        self.editing: str | None = None
        """The id of the note in the editor: one being edited, or one whose save failed."""
        self.lost: str | None = None
        """Why this console no longer saves, once another console took its file over."""
        self._told_of: str | None = None
        """The later session the note-taker was told of, while the editor holds a note."""
        self.follower = TableFollower()
        """Puts the editor on the table reporting in a report-back round."""
        self._drawn = False
        """Whether the first frame is on the terminal: the cloud is weighed only then."""

    def compose(self) -> ComposeResult:
        """Pickers and editor on the left; notes and the word cloud on the right."""
        with Horizontal(id="notes-main"):
            with Vertical(id="notes-left"):
                yield PlainLabel(id="notes-heading")
                yield PlainLabel(id="table-label")
                yield PlainLabel(id="question-label")
                yield CleanTextArea(id="editor", soft_wrap=True, show_line_numbers=False)
                # Keeps its line while empty, so the editor does not jump when a note saves.
                yield Label(id="save-status", markup=False)
                yield PlainLabel(id="reported")
            with Vertical(id="notes-right"):
                yield NotesList(id="notes-list")
                yield WordCloud(id="notes-cloud")

    def on_mount(self) -> None:
        """Focus the editor so typing can start at once; follow the other writers."""
        footer_after_first_frame(self)
        self.query_one("#editor", TextArea).focus()
        self.query_one(WordCloud).empty_text = t("notes.cloud_empty")
        self.redraw()
        self.call_after_refresh(self._after_first_frame)
        self._announce_copies()
        self.set_interval(POLL_SECONDS, self.poll)
        self.set_interval(1.0, self.retry)

    def _after_first_frame(self) -> None:
        """Weigh the cloud once the pickers and the editor are on the terminal: the word
        lists and the stemmer load on its first weighing."""
        self._drawn = True
        self._weigh_cloud(self.notes.notes(self.slot))

    # State shown -------------------------------------------------------------------

    @property
    def questions(self) -> list[str]:
        """The current slot's questions."""
        return self.notes.agenda.slots[self.slot].questions

    @property
    def question(self) -> str | None:
        """The question picked, or None for a general note."""
        questions = self.questions
        return questions[self.question_index] if self.question_index < len(questions) else None

    def poll(self) -> None:
        """Pick up other writers' notes and the host's progress; notice a take-over."""
        if self.notes.refresh():
            self.redraw()
            self._announce_copies()
        if self.lost is None and (lost := self.notes.taken_over()) is not None:
            self._taken_over(lost)
        newer = self.notes.newer_session()
        if newer is not None:
            self._move_when_idle(newer)

    def _announce_copies(self) -> None:
        copies = self.notes.new_copies()
        if copies:
            self.notify(
                t("notes.copies_found", files=", ".join(path.name for path in copies)),
                severity="warning",
                timeout=10,
                markup=False,
            )

    def _taken_over(self, message: str) -> None:
        """Stop saving for good; the editor keeps its text to be copied."""
        self.lost = message
        self._status(message, error=True)
        self.refresh_bindings()

    def _move_when_idle(self, session: Session) -> None:
        """Move to a session that started later; while the editor holds a note that is not
        on disk, or a dialog is open, say so once and wait: typed text is never lost."""
        if self.holds_unsaved() or self.app.screen is not self:
            if self._told_of != session.id:
                self._told_of = session.id
                self.notify(
                    t("notes.newer_waits", title=session.agenda.title, id=session.id), timeout=30
                )
            return
        try:
            self.notes.move_to(session)
        except SessionError as error:
            self.notify(str(error), severity="error", timeout=10)
            return
        self.slot, self.table, self.question_index = self.notes.opening_slot(), 1, 0
        self.editing, self._told_of = None, None
        self.notify(t("notes.moved", title=session.agenda.title, id=session.id), timeout=10)
        self.redraw()

    def redraw(self) -> None:
        """Show the pickers, the notes of the slot, who reported and the cloud."""
        agenda = self.notes.agenda
        slot = agenda.slots[self.slot]
        writer = self.notes.display_name
        heading = heading_text(self.slot + 1, slot.title, slot.start, writer, bool(self.editing))
        self._label("notes-heading", heading)
        tables = agenda.tables_of(self.slot)
        reporting = self._follow_round()
        self.table = min(max(1, self.table), tables)
        self._label("table-label", table_text(self.table, tables, self.table == reporting))
        self._label("question-label", question_text(self.question_index, self.questions))
        slot_notes = self.notes.notes(self.slot)
        reported, missing = self.notes.reported(self.slot)
        in_round = self.notes.round_tables(self.slot)
        self._label(
            "reported",
            tally_text(*in_round)
            if in_round is not None
            else t(
                "notes.reported",
                reported=" ".join(map(str, reported)) or "–",
                missing=" ".join(map(str, missing)) or "–",
            ),
        )
        self.query_one(NotesList).show(
            slot_notes, self.questions, self.notes.writer_name, self.notes.unsaved
        )
        if self._drawn:
            self._weigh_cloud(slot_notes)

    def _weigh_cloud(self, slot_notes: list[Note]) -> None:
        """The cloud of the slot's notes; weighed again only when they changed."""
        stopwords = self.notes.agenda.stopwords
        self.query_one(WordCloud).weigh_texts(
            (tuple((note.id, note.updated) for note in slot_notes), tuple(stopwords)),
            (note.text for note in slot_notes),
            stopwords,
        )

    def _follow_round(self) -> int | None:
        """Put the editor on the table reporting now, unless it holds text: a note being
        typed stays under its table, and the note-taker is told once. The table reporting."""
        reporting = self.notes.reporting(self.slot)
        busy = self.editing is not None or bool(self.query_one("#editor", TextArea).text.strip())
        table, tell = self.follower.follow(reporting, self.table, busy)
        if tell and reporting is not None:
            self.notify(t("notes.report_waits", table=reporting, own=self.table), timeout=8)
        self.table = table
        return reporting

    def _label(self, widget_id: str, text: str) -> None:
        self.query_one(f"#{widget_id}", PlainLabel).show(text)

    def _status(self, text: str, error: bool = False) -> None:
        status = self.query_one("#save-status", Label)
        status.update(text)
        status.set_class(error, "-error")
        status.set_class(not error, "-saved")

    # Actions -----------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Nothing is saved or deleted once another console took this writer's file over."""
        if action in ("save", "delete_note") and self.lost is not None:
            return False
        return True

    def action_save(self) -> None:
        """Write the note; confirm only once it is on disk. A note being edited keeps its
        id, whatever slot, table or question it is moved to."""
        editor = self.query_one("#editor", TextArea)
        text = editor.text.strip()
        if not text:
            self._status(t("notes.empty"), error=True)
            return
        try:
            note = self.notes.save(self.slot, self.table, self.question, text, note_id=self.editing)
        except NotesTakenOver as error:
            self._taken_over(str(error))
            return
        except NoteNotSaved as error:
            self.editing = error.note.id  # ctrl+s again saves this note, not a second one
            self._status(t("notes.save_failed", error=error), error=True)
            self.redraw()
            return
        self.editing = note.id
        self._saved([note], text)

    def _saved(self, notes: list[Note], held: str | None = None) -> None:
        """Confirm notes now on disk; the editor empties if it holds one of them unchanged
        (`held`: what it holds, stripped, when the caller has just read it)."""
        editor = self.query_one("#editor", TextArea)
        for note in notes:
            if note.id != self.editing:
                continue
            if held is None:
                held = editor.text.strip()
            if held == note.text:
                self._empty_editor(editor)
                self.editing = None
        note = notes[-1]
        self._status(
            t(
                "notes.saved",
                time=clock_text_seconds(note.updated),
                table=note.table,
                question=question_label(note.question, self.questions),
            )
        )
        self.redraw()

    def _empty_editor(self, editor: TextArea) -> None:
        """Empty the editor: not with clear(), which keeps a long note for undo. The text
        it held is let go only once the screen has shown the save, as freeing a pasted
        1 MB note's lines takes longer than writing it."""
        held = [editor.document, editor.wrapped_document, editor.navigator]
        editor.load_text("")
        self.set_timer(LET_GO_AFTER, held.clear)

    def retry(self) -> None:
        """Write the notes whose save failed, until it succeeds."""
        if self.lost is not None or not self.notes.unsaved:
            return
        written = self._written(self.notes.retry)
        if written:
            self._saved(written)

    def _written(self, write: Callable[[], T]) -> T | None:
        """Run a write: a take-over stops saving for good, any other failure is shown; None
        when it did not happen."""
        try:
            return write()
        except NotesTakenOver as error:
            self._taken_over(str(error))
        except SessionError as error:
            self._status(t("notes.save_failed", error=error), error=True)
        return None

    def action_step_table(self, step: int) -> None:
        """The next or previous table, without leaving the editor."""
        tables = self.notes.agenda.tables_of(self.slot)
        self.table = (self.table - 1 + step) % tables + 1
        self.redraw()

    def action_next_question(self) -> None:
        """Cycle through the slot's questions and "general"."""
        self.question_index = (self.question_index + 1) % (len(self.questions) + 1)
        self.redraw()

    def action_pick_slot(self) -> None:
        """Take notes for another slot."""

        def picked(slot: int | None) -> None:
            if slot is not None:  # a note being edited moves with it when saved
                self.slot, self.question_index = slot, 0
                self.redraw()
                self.query_one("#editor", TextArea).focus()

        self.app.push_screen(GotoModal(self.notes.agenda, self.slot, t("notes.pick_slot")), picked)

    def action_new_note(self) -> None:
        """Leave an edit and start an empty note; a note not yet saved stays queued."""
        self.editing = None
        self.query_one("#editor", TextArea).clear()
        self.query_one("#editor", TextArea).focus()
        self.redraw()

    def action_switch_focus(self) -> None:
        """Between the editor and the list of notes."""
        editor = self.query_one("#editor", TextArea)
        notes_list = self.query_one(NotesList)
        if not editor.has_focus:
            editor.focus()
            return
        if notes_list.highlighted is None and notes_list.option_count:
            notes_list.highlighted = 0
        notes_list.focus()

    @on(OptionList.OptionSelected, "#notes-list")
    def _edit(self, event: OptionList.OptionSelected) -> None:
        note = self.notes.own(event.option.id or "")
        if note is None:
            self.notify(t("notes.not_yours"), timeout=4)
            return
        self.editing = note.id
        self.table = note.table
        self.question_index = question_position(note.question, self.questions)
        editor = self.query_one("#editor", TextArea)
        editor.load_text(note.text)
        editor.focus()
        self.redraw()

    def action_delete_note(self) -> None:
        """Delete the highlighted note, if it is one's own, after asking."""
        notes_list = self.query_one(NotesList)
        if not notes_list.has_focus or notes_list.highlighted_option is None:
            return
        note = self.notes.own(notes_list.highlighted_option.id or "")
        if note is None:
            self.notify(t("notes.not_yours"), timeout=4)
            return
        confirm(self.app, t("confirm.delete_note", table=note.table), lambda: self._delete(note.id))

    def _delete(self, note_id: str) -> None:
        if self._written(lambda: self.notes.delete(note_id)) is None:
            return
        self._status(t("notes.deleted", time=clock_text(self.notes.clock.now())))
        self.redraw()

    def holds_unsaved(self) -> bool:
        """Whether the editor holds text that is not on disk, or a note waits to be written."""
        return bool(self.query_one("#editor", TextArea).text.strip() or self.notes.unsaved)

    def quit_question(self) -> str | None:
        """Ask before quitting while the editor holds text, or a note waits to be written."""
        if self.query_one("#editor", TextArea).text.strip():
            return t("confirm.quit_unsaved")
        return t("confirm.quit_queued") if self.notes.unsaved else None


class HostNotesScreen(NotesScreen):
    """The notes screen inside the host console; tab goes back to the timer."""

    BINDINGS = [
        *NotesScreen.BINDINGS,
        Binding("tab", "app.switch_mode('host')", "key.timer", id="timer", priority=True),
    ]

    def __init__(self, notes: NoteTaking, host: HostRun) -> None:
        super().__init__(notes)
        self.host = host

    def quit_question(self) -> str | None:
        """A note not on disk first; else, as the timer asks, while a slot is under way."""
        if (question := super().quit_question()) is not None:
            return question
        return t("confirm.quit") if self.host.slot_under_way else None
