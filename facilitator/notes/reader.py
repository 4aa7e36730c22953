"""Every writer's notes in a session folder, merged by id, read again only where a file
changed, and counted quickly for a list of many sessions."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from facilitator.errors import SessionError
from facilitator.files import FileWatcher, read_file
from facilitator.i18n import t
from facilitator.notes.file_text import TABLE_START, latest_versions, parse_notes
from facilitator.notes.folder import _load_notes, is_conflict_copy, notes_file_paths
from facilitator.notes.model import Note, NotesFile, merge_notes

TAIL = 64
"""Bytes before the end of what was read that must still be there for the file to have
only grown: otherwise it was rewritten in place and is read whole."""


@dataclass(frozen=True)
class _Read:
    """How far a file was read: its inode, the bytes taken in and the last of them."""

    inode: int
    size: int
    tail: bytes


def _read_whole(path: Path) -> tuple[NotesFile, _Read]:
    try:
        with open(path, "rb") as handle:
            inode = os.fstat(handle.fileno()).st_ino
            raw = handle.read()
    except FileNotFoundError:
        raise SessionError(t("file.missing", path=path, what=t("what.notes"))) from None
    except OSError as error:
        raise SessionError(t("file.unreadable", path=path, reason=error.strerror)) from None
    file, _tables = _load_notes(path, raw)
    return file, _Read(inode, len(raw), raw[-TAIL:])


def _read_appended(path: Path, file: NotesFile, read: _Read) -> tuple[NotesFile, _Read] | None:
    """The file with the tables appended since `read`, reading only those; None when it
    did not only grow by whole tables and must be read whole."""
    try:
        with open(path, "rb") as handle:
            if os.fstat(handle.fileno()).st_ino != read.inode:
                return None
            handle.seek(read.size - len(read.tail))
            data = handle.read()
    except OSError:
        return None
    new = data[len(read.tail) :]
    if not data.startswith(read.tail) or not new.startswith(TABLE_START.encode()):
        return None
    try:
        text = parse_notes(new)
        if set(text.data) != {"note"}:
            return None
        notes = [Note.model_validate(item) for item in text.data["note"]]
    except (ValueError, ValidationError, TypeError):
        return None
    size = read.size + len(new)
    merged = file.model_copy(update={"notes": latest_versions(file.notes + notes)})
    return merged, _Read(read.inode, size, data[-TAIL:])


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
        self._reads: dict[Path, _Read] = {}
        self.problems: dict[Path, NotesProblem] = {}

    def refresh(self) -> bool:
        """Re-read what changed; True if anything did."""
        paths = notes_file_paths(self.folder)
        changed = self._watcher.changed(paths)
        gone = [path for path in self._files if path not in paths]
        for path in gone:
            del self._files[path]
            self._reads.pop(path, None)
        for path in changed:
            try:
                self._files[path], self._reads[path] = self._read(path)
                self.problems.pop(path, None)
            except SessionError as error:
                self._files.pop(path, None)
                self._reads.pop(path, None)
                self.problems[path] = NotesProblem(path, str(error))
        if changed or gone:
            self._merged = None
        return bool(changed or gone)

    def _read(self, path: Path) -> tuple[NotesFile, _Read]:
        """A changed file: only its appended tables when it only grew, else all of it."""
        file, read = self._files.get(path), self._reads.get(path)
        if file is not None and read is not None:
            appended = _read_appended(path, file, read)
            if appended is not None:
                return appended
        return _read_whole(path)

    def adopt(self, path: Path, file: NotesFile, signature: tuple[int, int, int] | None) -> None:
        """Take `file` as what `path` held at `signature`, without reading it: the writer
        of that file just wrote it. A later change is read as any other."""
        if signature is None:
            return
        self._watcher.mark(path, signature)
        self._files[path] = file
        self.problems.pop(path, None)
        self._merged = None
        try:
            with open(path, "rb") as handle:
                handle.seek(max(0, signature[2] - TAIL))
                tail = handle.read(TAIL)
        except OSError:
            self._reads.pop(path, None)
            return
        self._reads[path] = _Read(signature[0], signature[2], tail)

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


_TOMBSTONE = re.compile(r"^deleted\s*=\s*true\s*$", re.MULTILINE)
_WRITER_LINE = re.compile(r'^writer = "([^"\\]*)"$', re.MULTILINE)
_ID_LINE = re.compile(r'id = "([^"\\]*)"\n')


def _count_from_text(path: Path, text: str) -> int | None:
    """The live notes of a file as NotesWriter writes it, from its text; None when the file
    is written otherwise, or is a conflict copy, and must be read."""
    header, *tables = text.split("\n[[note]]\n")
    writer = _WRITER_LINE.search(header)
    if not tables or writer is None or is_conflict_copy(path, writer.group(1)):
        return None
    if "note = [" in text or '"""' in text or "'''" in text:
        return None
    deleted: dict[str, bool] = {}
    for table in tables:  # a later table of an id is its newer version
        found = _ID_LINE.match(table)
        if found is None or not table.endswith("\n"):
            return None
        deleted[found.group(1)] = _TOMBSTONE.search(table) is not None
    return sum(not gone for gone in deleted.values())


def count_live_notes(folder: Path) -> int:
    """How many live notes a session folder holds, for a listing of many sessions.

    Files as NotesWriter writes them are counted from their text, which is many times
    faster than parsing; when any file is not, or is a conflict copy, the folder is read
    and merged. An unreadable file counts none.
    """
    total = 0
    for path in notes_file_paths(folder):
        try:
            text = read_file(path, SessionError, t("what.notes")).decode("utf-8")
        except (SessionError, UnicodeDecodeError):
            continue
        count = _count_from_text(path, text)
        if count is None:
            return len(all_notes(folder)[0])
        total += count
    return total
