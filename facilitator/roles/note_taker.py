"""A note-taker's hold on a session: their own notes to write, everyone's notes to read.

Used by the notes console and the host console's notes mode; it knows nothing of Textual.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from facilitator.agenda.model import Agenda
from facilitator.errors import SessionError
from facilitator.files import FileWatcher
from facilitator.i18n import t
from facilitator.notes.model import Note
from facilitator.notes.store import NotesReader, NotesTakenOver, NotesWriter, reported_tables
from facilitator.roles.following import NewestSession
from facilitator.roles.report_round import reporting_table, round_about
from facilitator.session.model import Session
from facilitator.session.store import SESSION_FILE, SessionStore
from facilitator.timing.clock import Clock


class NoteNotSaved(SessionError):
    """A note whose write failed; it is kept in memory, and `NoteTaking.retry` writes it."""

    def __init__(self, error: SessionError, note: Note) -> None:
        super().__init__(str(error))
        self.note = note


class NoteTaking:
    """Writes one writer's notes of a session and follows every writer's notes and the day.

    `writer` is the writer's name as given (`--as`). A note whose write failed stays
    queued (`unsaved`) until `retry` writes it; once another console has taken this
    writer's file over, every write raises NotesTakenOver.
    """

    def __init__(
        self,
        store: SessionStore,
        session: Session,
        writer: str,
        base_clock: Clock,
        take_over: bool = False,
        newest: NewestSession | None = None,
    ) -> None:
        self.store = store
        self.base_clock = base_clock
        self.newest = newest
        """Watches for a later session to move to, when no session was named."""
        self._open(
            session, NotesWriter(store.folder(session.id), session.id, writer, take_over=take_over)
        )

    def _open(self, session: Session, writer: NotesWriter) -> None:
        self.session = session
        self.folder: Path = self.store.folder(session.id)
        self.clock = session.clock(self.base_clock)
        self.writer = writer
        self.reader = NotesReader(self.folder)
        self._read_after_write()
        self._announced_copies: set[Path] = set()
        self._session_watch = FileWatcher([self.folder / SESSION_FILE])
        self.timeline = session.timeline()
        if self.newest is not None:
            self.newest.moved_to(session)

    @property
    def agenda(self) -> Agenda:
        """The session's agenda."""
        return self.session.agenda

    @property
    def writer_name(self) -> str:
        """Whose notes this console writes: the safe name in the notes and the file name."""
        return self.writer.writer

    @property
    def display_name(self) -> str:
        """Whose notes this console writes, as the writer gave their name."""
        return self.writer.name

    @property
    def unsaved(self) -> set[str]:
        """Ids of this writer's notes not yet on disk: queued, and retried by `retry`."""
        return set(self.writer.unsaved)

    def taken_over(self) -> str | None:
        """Why this console may no longer write, once another console took its file over."""
        try:
            self.writer.check_lock()
        except NotesTakenOver as error:
            return str(error)
        return None

    def new_copies(self) -> list[Path]:
        """Conflict copies of notes files found since the last call; each is named once."""
        found = [path for path in self.reader.copies() if path not in self._announced_copies]
        self._announced_copies.update(found)
        return found

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

    def newer_session(self) -> Session | None:
        """A session that started after this one (the real day after a rehearsal), when this
        note-taker follows the newest session; a stat or two per call."""
        return self.newest.look() if self.newest is not None else None

    def move_to(self, session: Session) -> None:
        """Write this writer's notes in `session` from now on, and let go of this one.

        SessionError (this session kept) if the writer's file there cannot be taken.
        """
        writer = NotesWriter(self.store.folder(session.id), session.id, self.writer_name)
        self.writer.close()
        self._open(session, writer)

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
        """The slot's notes from every writer, newest first, with this writer's notes that
        are not on disk yet."""
        found = self.reader.notes(slot)
        if not self.writer.unsaved:
            return found
        queued = {note_id: self.writer.notes[note_id] for note_id in self.writer.unsaved}
        found = [note for note in found if note.id not in queued]
        found += [note for note in queued.values() if not note.deleted and note.slot == slot]
        return sorted(found, key=lambda note: (note.created, note.id), reverse=True)

    def reported(self, slot: int) -> tuple[list[int], list[int]]:
        """Tables that have reported in `slot`, and those that have not."""
        return reported_tables(self.notes(slot), self.agenda.tables_of(slot))

    def reporting(self, slot: int) -> int | None:
        """The table reporting now in a report-back round about `slot`, if one does (and
        the slot has that table: a round-up may give itself more tables)."""
        table = reporting_table(self.agenda, self.timeline.state(self.clock.now()), slot)
        return table if table is not None and table <= self.agenda.tables_of(slot) else None

    def round_tables(self, slot: int) -> tuple[tuple[int, ...], tuple[int, ...]] | None:
        """Tables that reported in the latest report-back round about `slot`, and those
        that did not (the one reporting now counts as neither); None before a round."""
        found = round_about(self.agenda, self.timeline, slot)
        return (found.reported, found.missing) if found is not None else None

    def _latest_own(self, note_id: str) -> Note | None:
        """This writer's newest version of a note: in memory, or in a conflict copy."""
        mine = self.writer.notes.get(note_id)
        merged = self.reader.merged().get(note_id)
        if (
            merged is not None
            and merged.writer == self.writer_name
            and (mine is None or merged.updated > mine.updated)
        ):
            return merged
        return mine

    def own(self, note_id: str) -> Note | None:
        """One of this writer's notes, if it is theirs and not deleted."""
        note = self._latest_own(note_id)
        return note if note is not None and not note.deleted else None

    def save(
        self, slot: int, table: int, question: str | None, text: str, note_id: str | None = None
    ) -> Note:
        """Save a new note, or a new version of one of this writer's notes.

        Returns once it is on disk; NoteNotSaved, carrying the note, if the write failed:
        the note is kept and `retry` writes it. NotesTakenOver once another console took
        over: the note is kept in memory only.
        """
        now = self.clock.now()
        existing = self._latest_own(note_id) if note_id else None
        if existing is not None:
            note = existing.model_copy(
                update={
                    "slot": slot,
                    "slot_title": self.agenda.slots[slot].title,
                    "table": table,
                    "question": question,
                    "text": text,
                    "updated": now,
                }
            )
        else:
            note = Note.new(
                self.writer_name, slot, self.agenda.slots[slot].title, table, question, text, now
            )
            if note_id:
                note = note.model_copy(update={"id": note_id})
        try:
            self.writer.save(note)
        except NotesTakenOver:
            raise
        except SessionError as error:
            raise NoteNotSaved(error, note) from None
        self._read_after_write()
        return note

    def delete(self, note_id: str) -> Note:
        """Mark one of this writer's notes deleted (a tombstone) and write it."""
        note = self.own(note_id)
        if note is None:
            raise SessionError(
                t("notes.no_note", path=self.writer.path, id=note_id, writer=self.writer_name)
            )
        tombstone = note.model_copy(update={"deleted": True, "updated": self.clock.now()})
        self.writer.save(tombstone)
        self._read_after_write()
        return tombstone

    def retry(self) -> list[Note]:
        """Write the queued notes; the notes it wrote, SessionError while it still fails."""
        if not self.writer.unsaved:
            return []
        written = [self.writer.notes[note_id] for note_id in self.writer.unsaved]
        self.writer.flush()
        self._read_after_write()
        return written

    def _read_after_write(self) -> None:
        """Take this writer's file as it was just written or read, without reading it
        again, then read what else changed."""
        self.reader.adopt(self.writer.path, self.writer.as_file(), self.writer.signature)
        self.reader.refresh()

    def close(self) -> None:
        """Try the queued notes once more, then release the writer's lock."""
        with contextlib.suppress(SessionError):
            self.retry()
        self.writer.close()
