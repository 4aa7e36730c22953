"""The notes files of a session folder: their names, which of them are conflict copies a
sync tool made, and reading one."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.errors import SessionError
from facilitator.names import safe_name
from facilitator.notes.writer_name import NOTES_PREFIX

if TYPE_CHECKING:
    from facilitator.notes.model import NotesFile

__all__ = [  # the prefix from writer_name.py, where the console reads it before pydantic
    "NOTES_PREFIX",
    "NOTES_SUFFIX",
    "files_named",
    "is_conflict_copy",
    "load_notes_file",
    "notes_file_paths",
    "notes_path",
]

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


def load_notes_file(path: Path) -> NotesFile:
    """One notes file, one note per id (its newest version); SessionError names the file
    and what is wrong with it."""
    return _load_notes(path)[0]


def _load_notes(path: Path, raw: bytes | None = None) -> tuple[NotesFile, int]:
    """A notes file (from `raw`, its bytes, when already read) and how many tables it
    holds."""
    # The model is loaded with the first notes file read: listing names needs none of it.
    from pydantic import ValidationError

    from facilitator.files import validation_message
    from facilitator.notes.file_text import latest_versions, read_notes_text
    from facilitator.notes.model import NotesFile

    text = read_notes_text(path, raw)
    try:
        file = NotesFile.model_validate(text.data)
    except ValidationError as error:
        raise SessionError(validation_message(path, error)) from None
    tables = len(file.notes)
    file.notes = latest_versions(file.notes)
    return file, tables
