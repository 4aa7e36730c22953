"""A whole session in one file: the session and every writer's notes, merged.

`facilitator export --format toml` writes it; `facilitator review FILE` reads it back, so
a day can be mailed or archived as one self-contained file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, partial
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from facilitator.errors import SessionError
from facilitator.files import dump_toml, read_toml, validation_message
from facilitator.i18n import t
from facilitator.notes.model import Note, NotesFile, merge_notes
from facilitator.notes.store import NotesProblem, NotesReader
from facilitator.notes.words import Word, all_words
from facilitator.session.model import Session
from facilitator.session.place import is_archive
from facilitator.session.store import SessionStore

ARCHIVE_FORMAT = "facilitator-session"
ARCHIVE_VERSION = 1


@dataclass(frozen=True)
class LoadedSession:
    """A session with all its notes, from a session folder or an archive file."""

    session: Session
    notes_files: tuple[NotesFile, ...]
    problems: tuple[NotesProblem, ...] = field(default=())
    source: Path | None = None
    copies: tuple[Path, ...] = field(default=())
    """Conflict copies of notes files that were found and merged in."""
    words: tuple[Word, ...] = field(default=())
    """Words for the cloud sent from phones (`facilitator serve`), oldest first."""

    def cloud_texts(self, slot: int) -> list[str]:
        """What a slot's word cloud weighs: its notes and the words sent for it."""
        texts = [note.text for note in self.notes if note.slot == slot]
        return texts + [word.text for word in self.words if word.slot == slot]

    @property
    def notes(self) -> list[Note]:
        """Every live note of every writer, one per id (the newest), oldest first."""
        merged = merge_notes(note for file in self.notes_files for note in file.notes)
        found = [note for note in merged.values() if not note.deleted]
        return sorted(found, key=lambda note: (note.created, note.id))

    def warnings(self) -> list[str]:
        """What a reader should know about the notes: files that could not be read, and
        conflict copies that were merged in."""
        found = [problem.message for problem in self.problems]
        if self.copies:
            names = ", ".join(path.name for path in self.copies)
            found.append(t("notes.copies_found", files=names))
        return found


def load_folder(
    store: SessionStore, session_id: str, session: Session | None = None
) -> LoadedSession:
    """A session folder: its session.toml (unless already read) and every readable notes
    file, conflict copies merged in: one file per writer, one note per id."""
    session = session or store.load(session_id)
    reader = NotesReader(store.folder(session_id))
    reader.refresh()
    copies = reader.copies()
    by_writer: dict[str, list[Note]] = {}
    names: dict[str, str | None] = {}
    for path, file in sorted(reader.files().items()):
        by_writer.setdefault(file.writer, [])
        if path not in copies or file.writer not in names:
            names[file.writer] = file.name
    for note in reader.merged().values():
        by_writer.setdefault(note.writer, []).append(note)
    files = tuple(
        NotesFile(writer=writer, name=names.get(writer), session=session.id, notes=notes)
        for writer, notes in sorted(by_writer.items())
    )
    folder = store.folder(session_id)
    return LoadedSession(
        session,
        files,
        tuple(reader.problems.values()),
        folder,
        tuple(copies),
        tuple(all_words(folder)),
    )


def archive_data(loaded: LoadedSession) -> dict[str, Any]:
    """The archive's content, ready for TOML."""
    session = loaded.session.model_dump(by_alias=True, exclude_none=True)
    session["agenda"] = loaded.session.agenda.to_toml_data()
    return {
        "format": ARCHIVE_FORMAT,
        "version": ARCHIVE_VERSION,
        "session": session,
        "notes": [file.model_dump(by_alias=True, exclude_none=True) for file in loaded.notes_files],
        "words": [word.model_dump() for word in loaded.words],
    }


def archive_text(loaded: LoadedSession) -> str:
    """The archive as TOML text."""
    return dump_toml(archive_data(loaded))


def load_archive(path: Path) -> LoadedSession:
    """Read an archive file; SessionError names the file and what is wrong."""
    data = read_toml(path, SessionError, what=t("what.archive"))
    if data.get("format") != ARCHIVE_FORMAT:
        raise SessionError(t("session.not_archive", path=path, format=ARCHIVE_FORMAT))
    try:
        session = Session.model_validate(data.get("session"))
        files = tuple(NotesFile.model_validate(item) for item in data.get("notes", []))
        words = tuple(Word.model_validate(item) for item in data.get("words", []))
    except ValidationError as error:
        raise SessionError(validation_message(path, error)) from None
    return LoadedSession(session, files, (), path, words=words)


class ReviewedSession:
    """A session opened for review: the session itself, read and checked at once, and the
    rest (every writer's notes, the words sent), read when first wanted. The timeline needs
    only the session, so it is on the screen before a day's thousands of notes are read."""

    def __init__(self, session: Session, load: Callable[[], LoadedSession]) -> None:
        self.session = session
        self._load = load

    @classmethod
    def of(cls, loaded: LoadedSession) -> ReviewedSession:
        """A session already read whole (an archive file)."""
        return cls(loaded.session, lambda: loaded)

    @classmethod
    def in_folder(cls, store: SessionStore, session_id: str) -> ReviewedSession:
        """A session folder's session; its notes files are read when first wanted (they
        are never refused: a file that cannot be read is reported among the warnings)."""
        session = store.load(session_id)
        return cls(session, partial(load_folder, store, session_id, session))

    @cached_property
    def loaded(self) -> LoadedSession:
        """The session with all its notes."""
        return self._load()


def open_any(store: SessionStore, name: str) -> ReviewedSession:
    """A session by id, by folder path (see `SessionStore.locate`), or an archive file;
    SessionError if there is none or it cannot be read."""
    if is_archive(name):
        return ReviewedSession.of(load_archive(Path(name)))
    found = store.locate(name)
    if found is None:
        raise SessionError(t("session.no_source", name=name, root=store.root))
    return ReviewedSession.in_folder(*found)


def load_any(store: SessionStore, name: str) -> LoadedSession:
    """A session by id, by folder path or an archive file (see `open_any`), read whole."""
    return open_any(store, name).loaded
