"""Notes on disk: each writer's file written atomically, every writer's files read and merged.

A writer's file is rewritten whole on each save; each note's TOML text is kept, so a save
serialises only the note that changed, which keeps a save fast with thousands of notes.

Sync tools copy a file that changed on two machines at once under another name
(`notes-ann.sync-conflict-….toml`, `notes-ann (1).toml`, …). Such a copy is told by the
writer it records, whose own file has another name; it is read and merged by note id,
and never written.
"""

from __future__ import annotations

import os
import re
import socket
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import tomli_w
from pydantic import ValidationError

from facilitator.errors import SessionError
from facilitator.files import (
    FileWatcher,
    atomic_write,
    file_signature,
    read_toml,
    validation_message,
)
from facilitator.i18n import t
from facilitator.names import safe_name, same_name
from facilitator.notes.model import HOST_WRITER, Note, NotesFile, merge_notes
from facilitator.session.lock import SessionLock

NOTES_PREFIX = "notes-"
NOTES_SUFFIX = ".toml"


def notes_path(folder: Path, writer: str) -> Path:
    """The file of one writer's notes in a session folder."""
    return folder / f"{NOTES_PREFIX}{writer}{NOTES_SUFFIX}"


def notes_file_paths(folder: Path) -> list[Path]:
    """Every `notes-*.toml` in a session folder, conflict copies included, sorted."""
    return files_named(folder, NOTES_PREFIX, NOTES_SUFFIX)


def files_named(folder: Path, prefix: str, suffix: str) -> list[Path]:
    """Every file in `folder` whose name has `prefix` and `suffix`, sorted; none when the
    folder cannot be read."""
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    return sorted(
        folder / name for name in names if name.startswith(prefix) and name.endswith(suffix)
    )


def is_conflict_copy(path: Path, writer: str) -> bool:
    """Whether the notes file at `path`, recording `writer`, is not that writer's own file:
    a copy a sync tool made, whatever it named it."""
    if safe_name(writer) != writer:
        return True
    # macOS may list a name decomposed (NFD); the writer's own name is composed.
    return unicodedata.normalize("NFC", path.name) != notes_path(path.parent, writer).name


def default_writer() -> str:
    """The writer's name when none is given: this machine's name."""
    name = socket.gethostname()
    if not safe_name(name):
        return "notes"
    return f"{name}-notes" if safe_name(name) == HOST_WRITER else name


def load_notes_file(path: Path) -> NotesFile:
    """One notes file; SessionError names the file and what is wrong with it."""
    data = read_toml(path, SessionError, what=t("what.notes"))
    try:
        return NotesFile.model_validate(data)
    except ValidationError as error:
        raise SessionError(validation_message(path, error)) from None


def _note_toml(note: Note) -> str:
    return tomli_w.dumps({"note": [note.model_dump(exclude_none=True)]})


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
        self._signature: tuple[int, int, int] | None = None
        self._taken_over: str | None = None
        self._take_in()
        self.lock = SessionLock.acquire(
            folder / f"{NOTES_PREFIX}{self.writer}.lock",
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
        if signature is None or signature == self._signature:
            return
        existing = load_notes_file(self.path)
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
        self._signature = signature

    def save(self, note: Note) -> None:
        """Add or replace `note` and write the file; SessionError if it cannot be written.

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
        self._texts[note.id] = _note_toml(note)
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
        """Write the whole file atomically (flushed and fsync'd before it returns)."""
        with self.lock.guard():  # no take-over between the check and the write
            self.check_lock()
            self._take_in()
            self._write()

    def _write(self) -> None:
        header = tomli_w.dumps(
            {"writer": self.writer, "name": self.name, "session": self.session_id}
        )
        for note_id, note in self.notes.items():
            if note_id not in self._texts:
                self._texts[note_id] = _note_toml(note)
        body = "\n".join(self._texts[note_id] for note_id in self.notes)
        try:
            atomic_write(self.path, header + "\n" + body)
        except OSError as error:
            raise SessionError(
                t("file.not_written", path=self.path, reason=error.strerror)
            ) from None
        self._signature = file_signature(self.path)
        self.unsaved.clear()

    def close(self) -> None:
        """Release the writer's lock, if it still holds it."""
        self.lock.release()


@dataclass(frozen=True)
class NotesProblem:
    """A notes file that could not be read, and why; it is skipped, never overwritten."""

    path: Path
    message: str


class NotesReader:
    """Every writer's notes in a session folder, merged by id, re-read only when a file
    changed."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._watcher = FileWatcher()
        self._files: dict[Path, NotesFile] = {}
        self._merged: dict[str, Note] | None = None
        self.problems: dict[Path, NotesProblem] = {}

    def refresh(self) -> bool:
        """Re-read what changed; True if anything did."""
        paths = notes_file_paths(self.folder)
        changed = self._watcher.changed(paths)
        gone = [path for path in self._files if path not in paths]
        for path in gone:
            del self._files[path]
        for path in changed:
            try:
                self._files[path] = load_notes_file(path)
                self.problems.pop(path, None)
            except SessionError as error:
                self._files.pop(path, None)
                self.problems[path] = NotesProblem(path, str(error))
        if changed or gone:
            self._merged = None
        return bool(changed or gone)

    def files(self) -> dict[Path, NotesFile]:
        """Every readable notes file, conflict copies included, with all its notes."""
        return dict(self._files)

    def copies(self) -> list[Path]:
        """The readable files that are conflict copies of a writer's own file."""
        return [path for path, file in self._files.items() if is_conflict_copy(path, file.writer)]

    def merged(self) -> dict[str, Note]:
        """One note per id across every file, tombstones included; the newest wins."""
        if self._merged is None:
            copies = set(self.copies())
            ordered = sorted(self._files, key=lambda path: (path in copies, path))
            self._merged = merge_notes(note for path in ordered for note in self._files[path].notes)
        return self._merged

    def notes(self, slot: int | None = None) -> list[Note]:
        """The live notes (no tombstones), of one slot or all, newest first."""
        found = [
            note
            for note in self.merged().values()
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
_WRITER_LINE = re.compile(r'^writer = "([^"\\]*)"$', re.MULTILINE)


def count_live_notes(folder: Path) -> int:
    """How many live notes a session folder holds, for a listing of many sessions.

    Files as NotesWriter writes them are counted from their text, which is many times
    faster than parsing; when any file is not, or is a conflict copy, the folder is read
    and merged. An unreadable file counts none.
    """
    total = 0
    for path in notes_file_paths(folder):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        tables = len(_NOTE_TABLE.findall(text))
        header = _WRITER_LINE.search(text, 0, max(text.find("[[note]]"), 0))
        if (
            not tables
            or "note = [" in text
            or header is None
            or is_conflict_copy(path, header.group(1))
        ):
            return len(all_notes(folder)[0])
        total += tables - len(_TOMBSTONE.findall(text))
    return total


def reported_tables(notes: Iterable[Note], tables: int) -> tuple[list[int], list[int]]:
    """The tables that have reported in `notes`, and those of 1..tables that have not."""
    reported = sorted({note.table for note in notes})
    missing = [table for table in range(1, tables + 1) if table not in reported]
    return reported, missing
