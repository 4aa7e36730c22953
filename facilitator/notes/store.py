"""Notes on disk: each writer's file appended to on each save, every writer's files read and
merged.

A save appends the note's new version to its writer's file and fsyncs it (see
file_text.py), so its cost follows the note, not the file; the file is rewritten whole,
atomically, only when it must be (a new file, a failed append, many superseded versions).
Readers read only what was appended since they last read a file.

Sync tools copy a file that changed on two machines at once under another name
(`notes-ann.sync-conflict-….toml`, `notes-ann (1).toml`, …). Such a copy is told by the
writer it records, whose own file has another name; it is read and merged by note id,
and never written.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from facilitator.errors import SessionError
from facilitator.files import atomic_write, file_signature
from facilitator.i18n import t
from facilitator.names import safe_name, same_name
from facilitator.notes.file_text import file_text, header_text, note_table
from facilitator.notes.folder import (
    NOTES_PREFIX,
    NOTES_SUFFIX,
    _load_notes,
    is_conflict_copy,
    load_notes_file,
    notes_file_paths,
    notes_path,
)
from facilitator.notes.model import Note, NotesFile
from facilitator.notes.reader import NotesProblem, NotesReader, all_notes, count_live_notes
from facilitator.notes.writer_name import default_writer, writer_lock_path
from facilitator.session.lock import SessionLock

__all__ = [  # the notes files and their readers, from here as from their own modules
    "NOTES_PREFIX",
    "NOTES_SUFFIX",
    "NotesProblem",
    "NotesReader",
    "NotesTakenOver",
    "NotesWriter",
    "all_notes",
    "count_live_notes",
    "default_writer",
    "is_conflict_copy",
    "load_notes_file",
    "notes_file_paths",
    "notes_path",
    "reported_tables",
]


REWRITE_SLACK = 64
"""Superseded versions a file may hold beyond one per note before a save rewrites it."""


class NotesTakenOver(SessionError):
    """Another console took over this writer's file; this one must not write it again."""


class NotesWriter:
    """The one process that writes a writer's notes file in a session.

    `name` is the writer's name as given; the file is named after its safe form, and a
    file that already belongs to another name of the same safe form is refused. An
    existing file that cannot be read is never overwritten: the writer refuses to start
    and says which file and why. Before each write the writer checks that it still holds
    its lock, and takes in what is on disk if the file changed since it last wrote it, so
    a note another process confirmed there is never dropped.
    """

    def __init__(self, folder: Path, session_id: str, name: str, take_over: bool = False):
        self.folder = folder
        self.session_id = session_id
        self.name = name.strip()
        self.writer = safe_name(name)
        if not self.writer:
            raise SessionError(t("notes.writer_empty", value=name))
        self.path = notes_path(folder, self.writer)
        self.notes: dict[str, Note] = {}
        self.unsaved: set[str] = set()
        """Ids of notes saved in memory whose write has not succeeded yet."""
        self._texts: dict[str, str] = {}
        """Each note's table as written, kept for a rewrite."""
        self._in_file: dict[str, Note] = {}
        """The version of each note that the file holds."""
        self._tables = 0
        """How many tables the file holds, superseded versions included."""
        self._rewrite = True
        """Whether the next write must rewrite the file whole rather than append to it."""
        self._signature: tuple[int, int, int] | None = None
        self._taken_over: str | None = None
        self._take_in()
        self.lock = SessionLock.acquire(
            writer_lock_path(folder, self.writer),
            take_over=take_over,
            what=t("lock.notes", writer=self.writer),
        )
        try:
            self._take_in()  # a console taken over may have written since the first read
        except BaseException:
            self.lock.release()
            raise

    def _take_in(self) -> None:
        """Read this writer's file if it changed since it was last read or written; a
        version on disk newer than the one in memory wins."""
        signature = file_signature(self.path)
        if signature is None:
            self._rewrite = True
            return
        if signature == self._signature:
            return
        existing, tables = _load_notes(self.path)
        if existing.writer != self.writer:
            raise SessionError(t("notes.other_writer", path=self.path, writer=existing.writer))
        if existing.name is not None and not same_name(existing.name, self.name):
            raise SessionError(
                t("notes.name_taken", path=self.path, name=self.name, owner=existing.name)
            )
        for note in existing.notes:
            kept = self.notes.get(note.id)
            if kept is None or note.updated > kept.updated:
                self.notes[note.id] = note
                self._texts.pop(note.id, None)
                self.unsaved.discard(note.id)
            self._in_file[note.id] = note
        # A file from before `name` was recorded gets it in its header.
        self._rewrite = existing.name is None
        self._tables = tables
        self._signature = signature

    def save(self, note: Note) -> None:
        """Add or replace `note` and write it; SessionError if it cannot be written.

        The note is kept in memory (and in `unsaved`) even when the write fails, so that a
        retry writes it.
        """
        self.keep(note)
        self.flush()

    def keep(self, note: Note) -> None:
        """Add or replace `note` in memory only, for the next `flush` (which can then write
        many notes at once)."""
        if note.writer != self.writer:
            raise SessionError(t("notes.wrong_writer", path=self.path, writer=note.writer))
        self.notes[note.id] = note
        self._texts.pop(note.id, None)
        self.unsaved.add(note.id)

    def check_lock(self) -> None:
        """NotesTakenOver, naming who holds the lock now, once another console took over."""
        if self._taken_over is None and not self.lock.held():
            self._taken_over = t(
                "notes.taken_over", writer=self.name, holder=self.lock.holder_text()
            )
        if self._taken_over is not None:
            raise NotesTakenOver(self._taken_over)

    def flush(self) -> None:
        """Write every note the file does not hold yet (flushed and fsync'd before it
        returns): appended, or the whole file rewritten atomically when it must be."""
        with self.lock.guard():  # no take-over between the check and the write
            self.check_lock()
            self._take_in()
            pending = [n for n in self.notes.values() if self._in_file.get(n.id) is not n]
            grown = self._tables + len(pending) > 2 * len(self.notes) + REWRITE_SLACK
            if self._rewrite or grown:
                self._write_whole()
            elif pending:
                self._append(pending)
            self._signature = file_signature(self.path)
            self._in_file.update((note.id, note) for note in pending)
            self.unsaved.clear()

    def _table(self, note: Note) -> str:
        text = self._texts.get(note.id)
        if text is None:
            text = self._texts[note.id] = note_table(note)
        return text

    def _write_whole(self) -> None:
        header = header_text(self.writer, self.name, self.session_id)
        tables = [self._table(note) for note in self.notes.values()]
        try:
            atomic_write(self.path, file_text(header, tables))
        except OSError as error:
            raise SessionError(
                t("file.not_written", path=self.path, reason=error.strerror)
            ) from None
        self._rewrite = False
        self._tables = len(self.notes)
        self._in_file = dict(self.notes)

    def _append(self, notes: list[Note]) -> None:
        chunk = file_text("", [self._table(note) for note in notes]).encode("utf-8")
        try:
            with open(self.path, "ab") as handle:
                handle.write(chunk)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as error:
            self._rewrite = True  # part of the chunk may be there: rewrite it whole next time
            raise SessionError(
                t("file.not_written", path=self.path, reason=error.strerror)
            ) from None
        self._tables += len(notes)

    @property
    def signature(self) -> tuple[int, int, int] | None:
        """The file's signature (files.file_signature) right after this writer's last write
        or read of it."""
        return self._signature

    def as_file(self) -> NotesFile:
        """What the file holds, as a reader would read it."""
        return NotesFile.model_construct(
            writer=self.writer,
            name=self.name,
            session=self.session_id,
            notes=list(self._in_file.values()),
        )

    def close(self) -> None:
        """Release the writer's lock, if it still holds it."""
        self.lock.release()


def reported_tables(notes: Iterable[Note], tables: int) -> tuple[list[int], list[int]]:
    """The tables that have reported in `notes`, and those of 1..tables that have not."""
    reported = sorted({note.table for note in notes})
    missing = [table for table in range(1, tables + 1) if table not in reported]
    return reported, missing
