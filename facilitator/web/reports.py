"""Table reports from phones, written through the notes store like every console's notes.

The writer is the table: each table's notes go to `notes-web-table-N.toml`, written by
this server alone (it holds that file's lock), whichever phone at the table typed them.
So the scribe can change phones, every phone at a table can mend the table's notes, and
a table's notes stay together in the notes console, the review and every export.

A phone names each note with an id it makes itself when the text is first typed, so a
send repeated after a lost answer saves the same note again instead of a second one:
every note is saved exactly once however often it is sent.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path

from facilitator.errors import SessionError
from facilitator.notes.model import Note
from facilitator.notes.store import NotesWriter
from facilitator.web.served import Day

MAX_NOTE_BYTES = 20 * 1024
"""The longest note text, in UTF-8 bytes."""
_CLIENT_ID = re.compile(r"^[a-z0-9]{8,32}$")


class ReportRefused(ValueError):
    """A note the server will not save, and why (shown to the phone)."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status


def table_writer(table: int) -> str:
    """The writer name of a table's notes from phones."""
    return f"web-table-{table}"


class TableReports:
    """The notes writers of every table that has sent a note, one per session folder and
    table, each used by one thread at a time."""

    def __init__(self) -> None:
        self._writers: dict[tuple[Path, int], tuple[NotesWriter, threading.Lock]] = {}
        self._mutex = threading.Lock()

    def _writer(self, day: Day, table: int) -> tuple[NotesWriter, threading.Lock]:
        key = (day.folder, table)
        with self._mutex:
            found = self._writers.get(key)
            if found is None:
                writer = NotesWriter(day.folder, day.session.id, table_writer(table))
                found = self._writers[key] = (writer, threading.Lock())
            return found

    def note_id(self, table: int, given: str) -> str:
        """The full note id for an id a phone sent: its own part, or the full id back."""
        prefix = table_writer(table) + "-"
        own = given[len(prefix) :] if given.startswith(prefix) else given
        if not _CLIENT_ID.match(own):
            raise ReportRefused(400, "bad id")
        return prefix + own

    def save(
        self, day: Day, table: int, given_id: str, slot: int, question: str | None, text: str
    ) -> Note:
        """Save a note or a new version of it; returns once it is on disk.

        ReportRefused for a note that does not fit the day; SessionError if the file could
        not be written (the phone keeps the text and sends it again).
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
        note_id = self.note_id(table, given_id)
        writer, lock = self._writer(day, table)
        with lock:
            existing = writer.notes.get(note_id)
            if existing is not None and existing.deleted:
                raise ReportRefused(410, "deleted")
            if existing is not None and (existing.slot, existing.question, existing.text) == (
                slot,
                question,
                text,
            ):
                if note_id not in writer.unsaved:
                    return existing  # a repeated send: already on disk
                writer.flush()
                return existing
            now = day.clock.now()
            if existing is not None:
                note = existing.model_copy(
                    update={
                        "slot": slot,
                        "slot_title": agenda.slots[slot].title,
                        "question": question,
                        "text": text,
                        "updated": now,
                    }
                )
            else:
                note = Note.new(
                    writer.writer, slot, agenda.slots[slot].title, table, question, text, now
                ).model_copy(update={"id": note_id})
            writer.save(note)
            return note

    def delete(self, day: Day, table: int, given_id: str) -> Note:
        """Mark one of the table's notes deleted (a tombstone); a repeated delete is fine."""
        note_id = self.note_id(table, given_id)
        writer, lock = self._writer(day, table)
        with lock:
            existing = writer.notes.get(note_id)
            if existing is None:
                raise ReportRefused(404, "no such note")
            if existing.deleted and note_id not in writer.unsaved:
                return existing
            tombstone = existing.model_copy(update={"deleted": True, "updated": day.clock.now()})
            writer.save(tombstone)
            return tombstone

    def notes(self, day: Day, table: int, slot: int) -> list[Note]:
        """The table's live notes of one slot as this server wrote them, oldest first."""
        if not 1 <= table <= day.most_tables:
            return []
        try:
            writer, lock = self._writer(day, table)
        except SessionError:
            return []
        with lock:
            found = [
                note for note in writer.notes.values() if note.slot == slot and not note.deleted
            ]
        return sorted(found, key=lambda note: (note.created, note.id))

    def close(self) -> None:
        """Release every writer's lock."""
        with self._mutex:
            for writer, _lock in self._writers.values():
                writer.close()
            self._writers.clear()
