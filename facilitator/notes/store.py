"""Notes on disk: each writer's file written atomically, every writer's files read and merged.

A writer's file is rewritten whole on each save; each note's TOML text is kept, so a save
serialises only the note that changed, which keeps a save fast with thousands of notes.
"""

from __future__ import annotations

import os
import re
import socket
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import tomli_w
from pydantic import ValidationError

from facilitator.errors import SessionError
from facilitator.files import FileWatcher, atomic_write, read_toml, validation_message
from facilitator.i18n import t
from facilitator.notes.model import HOST_WRITER, Note, NotesFile, sanitize_writer
from facilitator.session.lock import SessionLock

NOTES_PREFIX = "notes-"


def notes_path(folder: Path, writer: str) -> Path:
    """The file of one writer's notes in a session folder."""
    return folder / f"{NOTES_PREFIX}{writer}.toml"


def default_writer() -> str:
    """The writer name when none is given: this machine's name."""
    name = sanitize_writer(socket.gethostname()) or "notes"
    return f"{name}-notes" if name == HOST_WRITER else name


def load_notes_file(path: Path) -> NotesFile:
    """One notes file; SessionError names the file and what is wrong with it."""
    data = read_toml(path, SessionError, what=t("what.notes"))
    try:
        return NotesFile.model_validate(data)
    except ValidationError as error:
        raise SessionError(validation_message(path, error)) from None


def _note_toml(note: Note) -> str:
    return tomli_w.dumps({"note": [note.model_dump(exclude_none=True)]})


class NotesWriter:
    """The one process that writes a writer's notes file in a session.

    An existing file that cannot be read is never overwritten: the writer refuses to
    start and says which file and why.
    """

    def __init__(self, folder: Path, session_id: str, writer: str, take_over: bool = False):
        self.folder = folder
        self.session_id = session_id
        self.writer = writer
        self.path = notes_path(folder, writer)
        self.notes: dict[str, Note] = {}
        self._texts: dict[str, str] = {}
        if self.path.exists():
            existing = load_notes_file(self.path)
            if existing.writer != writer:
                raise SessionError(t("notes.other_writer", path=self.path,
                                     writer=existing.writer))
            for note in existing.notes:
                self.notes[note.id] = note
        self.lock = SessionLock.acquire(
            folder / f"{NOTES_PREFIX}{writer}.lock", take_over=take_over,
            what=t("lock.notes", writer=writer),
        )

    def save(self, note: Note) -> None:
        """Add or replace `note` and write the file; SessionError if it cannot be written.

        The note is kept in memory even when the write fails, so that a retry writes it.
        """
        if note.writer != self.writer:
            raise SessionError(t("notes.wrong_writer", path=self.path, writer=note.writer))
        self.notes[note.id] = note
        self._texts[note.id] = _note_toml(note)
        self.flush()

    def flush(self) -> None:
        """Write the whole file atomically (flushed and fsync'd before it returns)."""
        header = tomli_w.dumps({"writer": self.writer, "session": self.session_id})
        for note_id, note in self.notes.items():
            if note_id not in self._texts:
                self._texts[note_id] = _note_toml(note)
        body = "\n".join(self._texts[note_id] for note_id in self.notes)
        try:
            atomic_write(self.path, header + "\n" + body)
        except OSError as error:
            raise SessionError(t("file.not_written", path=self.path,
                                 reason=error.strerror)) from None

    def close(self) -> None:
        """Release the writer's lock."""
        self.lock.release()


@dataclass(frozen=True)
class NotesProblem:
    """A notes file that could not be read, and why; it is skipped, never overwritten."""

    path: Path
    message: str


class NotesReader:
    """Every writer's notes in a session folder, re-read only when a file changed."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._watcher = FileWatcher()
        self._files: dict[Path, list[Note]] = {}
        self.problems: dict[Path, NotesProblem] = {}

    def _paths(self) -> list[Path]:
        try:
            names = os.listdir(self.folder)
        except OSError:
            return []
        return sorted(
            self.folder / name for name in names
            if name.startswith(NOTES_PREFIX) and name.endswith(".toml")
        )

    def refresh(self) -> bool:
        """Re-read what changed; True if anything did."""
        paths = self._paths()
        changed = self._watcher.changed(paths)
        gone = [path for path in self._files if path not in paths]
        for path in gone:
            del self._files[path]
        for path in changed:
            try:
                self._files[path] = load_notes_file(path).notes
                self.problems.pop(path, None)
            except SessionError as error:
                self._files.pop(path, None)
                self.problems[path] = NotesProblem(path, str(error))
        return bool(changed or gone)

    def files(self) -> dict[Path, list[Note]]:
        """Every readable notes file with all its notes, tombstones included."""
        return dict(self._files)

    def notes(self, slot: int | None = None) -> list[Note]:
        """The live notes (no tombstones), of one slot or all, newest first."""
        found = [
            note for notes in self._files.values() for note in notes
            if not note.deleted and (slot is None or note.slot == slot)
        ]
        return sorted(found, key=lambda note: (note.created, note.id), reverse=True)


def all_notes(folder: Path) -> tuple[list[Note], list[NotesProblem]]:
    """Every live note of a session folder, and the files that could not be read."""
    reader = NotesReader(folder)
    reader.refresh()
    return reader.notes(), list(reader.problems.values())


_NOTE_TABLE = re.compile(r"^\[\[note\]\]\s*$", re.MULTILINE)
_TOMBSTONE = re.compile(r"^deleted\s*=\s*true\s*$", re.MULTILINE)


def count_live_notes(path: Path) -> int:
    """How many live notes a notes file holds, for a listing of many sessions.

    Files as NotesWriter writes them are counted from their text, which is many times
    faster than parsing; any other file is parsed. An unreadable file counts none.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return 0
    tables = len(_NOTE_TABLE.findall(text))
    if tables and "note = [" not in text:
        return tables - len(_TOMBSTONE.findall(text))
    try:
        return sum(not note.deleted for note in load_notes_file(path).notes)
    except SessionError:
        return 0


def reported_tables(notes: Iterable[Note], tables: int) -> tuple[list[int], list[int]]:
    """The tables that have reported in `notes`, and those of 1..tables that have not."""
    reported = sorted({note.table for note in notes})
    missing = [table for table in range(1, tables + 1) if table not in reported]
    return reported, missing
