"""A note-taker's hold on a session: their own notes to write, everyone's notes to read.

Used by the notes console and the host console's notes mode; it knows nothing of Textual.
"""

from __future__ import annotations

from pathlib import Path

from facilitator.agenda.model import Agenda
from facilitator.errors import SessionError
from facilitator.files import FileWatcher
from facilitator.i18n import t
from facilitator.notes.model import Note
from facilitator.notes.store import NotesReader, NotesWriter, reported_tables
from facilitator.session.model import Session
from facilitator.session.store import SESSION_FILE, SessionStore
from facilitator.timing.clock import Clock


class NoteNotSaved(SessionError):
    """A note whose write failed; it is kept in memory, and `NoteTaking.retry` writes it."""

    def __init__(self, error: SessionError, note: Note) -> None:
        super().__init__(str(error))
        self.note = note


class NoteTaking:
    """Writes one writer's notes of a session and follows every writer's notes and the day."""

    def __init__(
        self, store: SessionStore, session: Session, writer: str, base_clock: Clock,
        take_over: bool = False,
    ) -> None:
        self.store = store
        self.session = session
        self.folder: Path = store.folder(session.id)
        self.base_clock = base_clock
        self.clock = session.clock(base_clock)
        self.writer = NotesWriter(self.folder, session.id, writer, take_over=take_over)
        self.reader = NotesReader(self.folder)
        self.reader.refresh()
        self._session_watch = FileWatcher([self.folder / SESSION_FILE])
        self.timeline = session.timeline()

    @property
    def agenda(self) -> Agenda:
        """The session's agenda."""
        return self.session.agenda

    @property
    def writer_name(self) -> str:
        """Whose notes this console writes."""
        return self.writer.writer

    def refresh(self) -> bool:
        """Re-read changed notes files and the session; True if anything changed."""
        changed = self.reader.refresh()
        if self._session_watch.changed([self.folder / SESSION_FILE]):
            try:
                self.session = self.store.load(self.session.id)
                self.timeline = self.session.timeline()
                # A rehearsal resumed at another speed maps real time anew.
                self.clock = self.session.clock(self.base_clock)
                changed = True
            except SessionError:
                pass  # the host rewrites atomically; a reader keeps the last good copy
        return changed

    def current_slot(self) -> int:
        """The slot the host is on now."""
        return self.timeline.state(self.clock.now()).current

    def opening_slot(self) -> int:
        """The current slot if it is a dialogue, else the latest dialogue before it, else
        the first dialogue of the day, else the current slot."""
        current = self.current_slot()
        dialogue = self.agenda.latest_dialogue(current)
        return current if dialogue is None else dialogue

    def notes(self, slot: int) -> list[Note]:
        """The slot's notes from every writer, newest first."""
        return self.reader.notes(slot)

    def reported(self, slot: int) -> tuple[list[int], list[int]]:
        """Tables that have reported in `slot`, and those that have not."""
        return reported_tables(self.notes(slot), self.agenda.tables_of(slot))

    def own(self, note_id: str) -> Note | None:
        """One of this writer's notes, if it is theirs and not deleted."""
        note = self.writer.notes.get(note_id)
        return note if note is not None and not note.deleted else None

    def save(
        self, slot: int, table: int, question: str | None, text: str, note_id: str | None = None
    ) -> Note:
        """Save a new note, or a new version of one of this writer's notes.

        Returns once it is on disk; NoteNotSaved, carrying the note, if the write failed:
        the note is kept and `retry` writes it.
        """
        now = self.clock.now()
        existing = self.writer.notes.get(note_id) if note_id else None
        if existing is not None:
            note = existing.model_copy(
                update={"slot": slot, "slot_title": self.agenda.slots[slot].title,
                        "table": table, "question": question, "text": text, "updated": now}
            )
        else:
            note = Note.new(
                self.writer_name, slot, self.agenda.slots[slot].title, table, question, text, now
            )
            if note_id:
                note = note.model_copy(update={"id": note_id})
        try:
            self.writer.save(note)
        except SessionError as error:
            raise NoteNotSaved(error, note) from None
        self.reader.refresh()
        return note

    def delete(self, note_id: str) -> Note:
        """Mark one of this writer's notes deleted (a tombstone) and write it."""
        note = self.own(note_id)
        if note is None:
            raise SessionError(t("notes.no_note", path=self.writer.path, id=note_id,
                                 writer=self.writer_name))
        tombstone = note.model_copy(update={"deleted": True, "updated": self.clock.now()})
        self.writer.save(tombstone)
        self.reader.refresh()
        return tombstone

    def retry(self) -> None:
        """Write the file again; SessionError while it still fails."""
        self.writer.flush()
        self.reader.refresh()

    def close(self) -> None:
        """Release the writer's lock."""
        self.writer.close()
