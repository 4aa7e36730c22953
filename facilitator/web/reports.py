"""Table reports from phones, written through the notes store like every console's notes.

The writer is the server: every phone's notes go to `notes-web.toml` in the session
folder, which this server alone writes (it holds that file's lock), each note carrying
its table. One writer for all phones lets one write put many phones' notes on disk at
once (see batch.py), which keeps answers fast with fifty phones posting. A table owns its
notes: any phone that chose the table can mend or delete them, so the scribe can change
phones, and no phone can touch another table's notes.

A phone names each note with an id it makes itself when the text is first typed, so a
send repeated after a lost answer saves the same note again instead of a second one:
every note is saved exactly once however often it is sent.
"""

from __future__ import annotations

import re
from pathlib import Path

from facilitator.notes.model import Note
from facilitator.notes.store import NotesWriter
from facilitator.web.batch import GroupCommit
from facilitator.web.served import Day

MAX_NOTE_BYTES = 20 * 1024
"""The longest note text, in UTF-8 bytes."""
NOTES_WRITER = "web"
"""The writer name of the notes from phones: their file is notes-web.toml."""
_CLIENT_ID = re.compile(r"^[a-z0-9]{8,32}$")


class ReportRefused(ValueError):
    """A note the server will not save, and why (shown to the phone)."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status


class _Writer:
    """One session folder's notes writer and its group commit."""

    def __init__(self, day: Day) -> None:
        self.notes = NotesWriter(day.folder, day.session.id, NOTES_WRITER)
        self.commit = GroupCommit(self._flush)

    def _flush(self) -> None:
        if self.notes.unsaved:
            self.notes.flush()

    def stage(self, note: Note) -> Note:
        """Put `note` in memory for the next write."""
        self.notes.keep(note)
        return note

    def unwritten(self, note: Note) -> bool:
        """Whether `note` still waits for a write."""
        return note.id in self.notes.unsaved

    def close(self) -> None:
        try:
            self.commit.close()
        finally:
            self.notes.close()


class TableReports:
    """The notes from phones, one writer per session folder, made at the first use; used
    from the event loop only (the writes run in a worker thread, see batch.py)."""

    def __init__(self) -> None:
        self._writers: dict[Path, _Writer] = {}

    def _writer(self, day: Day) -> _Writer:
        found = self._writers.get(day.folder)
        if found is None:
            found = self._writers[day.folder] = _Writer(day)
        return found

    @staticmethod
    def note_id(given: str) -> str:
        """The full note id for an id a phone sent: its own part, or the full id back."""
        prefix = NOTES_WRITER + "-"
        own = given[len(prefix) :] if given.startswith(prefix) else given
        if not _CLIENT_ID.match(own):
            raise ReportRefused(400, "bad id")
        return prefix + own

    async def save(
        self, day: Day, table: int, given_id: str, slot: int, question: str | None, text: str
    ) -> Note:
        """Save a note or a new version of it; returns once it is on disk.

        ReportRefused for a note that does not fit the day or is another table's;
        SessionError if the file could not be written (the phone keeps the text and sends
        it again).
        """
        agenda = day.session.agenda
        if not 0 <= slot < len(agenda.slots):
            raise ReportRefused(400, "no such slot")
        if not 1 <= table <= day.most_tables:
            raise ReportRefused(400, "no such table")
        if question is not None and question not in agenda.slots[slot].questions:
            raise ReportRefused(400, "no such question")
        if len(text.encode("utf-8")) > MAX_NOTE_BYTES:
            raise ReportRefused(413, "note too long")
        note_id = self.note_id(given_id)
        writer = self._writer(day)

        def change() -> Note:
            existing = writer.notes.notes.get(note_id)
            if existing is not None and existing.table != table:
                raise ReportRefused(403, "another table's note")
            if existing is not None and existing.deleted:
                raise ReportRefused(410, "deleted")
            if existing is not None and (existing.slot, existing.question, existing.text) == (
                slot,
                question,
                text,
            ):
                return existing  # sent again: on disk, or waiting for the write under way
            now = day.clock.now()
            if existing is not None:
                update = {
                    "slot": slot,
                    "slot_title": agenda.slots[slot].title,
                    "question": question,
                    "text": text,
                    "updated": now,
                }
                return writer.stage(existing.model_copy(update=update))
            title = agenda.slots[slot].title
            fresh = Note.new(NOTES_WRITER, slot, title, table, question, text, now)
            return writer.stage(fresh.model_copy(update={"id": note_id}))

        return await writer.commit.submit(change, writer.unwritten)

    async def delete(self, day: Day, table: int, given_id: str) -> Note:
        """Mark one of the table's notes deleted (a tombstone); a repeated delete is fine."""
        note_id = self.note_id(given_id)
        writer = self._writer(day)

        def change() -> Note:
            existing = writer.notes.notes.get(note_id)
            if existing is None or existing.table != table:
                raise ReportRefused(404, "no such note")
            if existing.deleted:
                return existing
            return writer.stage(
                existing.model_copy(update={"deleted": True, "updated": day.clock.now()})
            )

        return await writer.commit.submit(change, writer.unwritten)

    def notes(self, day: Day, table: int, slot: int) -> list[Note]:
        """The table's live notes of one slot as this server wrote them, oldest first."""
        if not 1 <= table <= day.most_tables:
            return []
        writer = self._writer(day)
        found = [
            note
            for note in list(writer.notes.notes.values())
            if note.table == table and note.slot == slot and not note.deleted
        ]
        return sorted(found, key=lambda note: (note.created, note.id))

    def close(self) -> None:
        """Write what waits, and release every writer's lock."""
        for writer in self._writers.values():
            writer.close()
        self._writers.clear()
