"""Words for the word cloud sent from phones: one file per writer (`words-<writer>.toml`)
in the session folder, written whole and atomically, and every writer's words read back.

A word is one to three words of one slot; the stage's cloud and the review weigh them
with the notes of that slot. The file has one writer (the `facilitator serve` process
holding its lock), so each send is a rewrite of that writer's file only.
"""

from __future__ import annotations

import threading
import uuid
from datetime import datetime
from pathlib import Path

import tomli_w
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError

from facilitator.agenda.fields import CleanText
from facilitator.errors import SessionError
from facilitator.files import FileWatcher, atomic_write, read_toml, validation_message
from facilitator.i18n import t
from facilitator.names import safe_name
from facilitator.notes.folder import files_named
from facilitator.session.lock import SessionLock

WORDS_PREFIX = "words-"
WORDS_SUFFIX = ".toml"
MAX_WORD_CHARS = 40
"""The longest text one send may carry."""
MAX_WORDS = 3
"""How many words one send may carry."""


class Word(BaseModel):
    """One send for the cloud: one to three words about one slot."""

    model_config = ConfigDict(extra="forbid")

    id: CleanText
    slot: int = Field(ge=0)
    """The slot whose cloud the words belong to, counted from 0."""
    text: CleanText
    at: AwareDatetime
    """When it was sent, on the session's clock."""


class WordsFile(BaseModel):
    """The content of `words-<writer>.toml`."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    writer: CleanText
    session: CleanText
    words: list[Word] = Field(default_factory=list, alias="word")


def words_path(folder: Path, writer: str) -> Path:
    """The file of one writer's words in a session folder."""
    return folder / f"{WORDS_PREFIX}{writer}{WORDS_SUFFIX}"


def words_file_paths(folder: Path) -> list[Path]:
    """Every `words-*.toml` in a session folder, sorted."""
    return files_named(folder, WORDS_PREFIX, WORDS_SUFFIX)


def words_problem(text: str) -> str | None:
    """Why `text` cannot be sent as words for the cloud, or None when it can."""
    words = text.split()
    if not words:
        return t("words.empty")
    if len(text) > MAX_WORD_CHARS:
        return t("words.too_long", limit=MAX_WORD_CHARS)
    if len(words) > MAX_WORDS:
        return t("words.too_many", limit=MAX_WORDS)
    return None


def load_words_file(path: Path) -> WordsFile:
    """One words file; SessionError names the file and what is wrong with it."""
    data = read_toml(path, SessionError, what=t("what.words"))
    try:
        return WordsFile.model_validate(data)
    except ValidationError as error:
        raise SessionError(validation_message(path, error)) from None


class WordsWriter:
    """The one process that writes a writer's words file; a file it cannot read is never
    overwritten. `add` is safe to call from several threads; `stage` and `flush` leave the
    locking to their caller (a group commit)."""

    def __init__(self, folder: Path, session_id: str, writer: str) -> None:
        self.writer = safe_name(writer)
        if not self.writer:
            raise SessionError(t("notes.writer_empty", value=writer))
        self.session_id = session_id
        self.path = words_path(folder, self.writer)
        self._texts: list[str] = []
        self._pending: list[str] = []
        self._mutex = threading.Lock()
        self.lock = SessionLock.acquire(
            folder / f"{WORDS_PREFIX}{self.writer}.lock", what=t("lock.words", writer=self.writer)
        )
        try:
            if self.path.exists():
                existing = load_words_file(self.path)
                self._texts = [_word_toml(word) for word in existing.words]
        except BaseException:
            self.lock.release()
            raise

    def add(self, slot: int, text: str, at: datetime) -> Word:
        """Write one send; returns once it is on disk, SessionError if it could not be."""
        with self._mutex:
            word = self.stage(slot, text, at)
            self.flush()
        return word

    def stage(self, slot: int, text: str, at: datetime) -> Word:
        """Keep one send in memory for the next `flush` (the caller keeps the two apart)."""
        word = Word(id=uuid.uuid4().hex[:12], slot=slot, text=" ".join(text.split()), at=at)
        self._pending.append(_word_toml(word))
        return word

    def flush(self) -> None:
        """Write the file with every send kept so far; SessionError if it could not be
        written (the sends stay for the next try)."""
        if not self._pending:
            return
        header = tomli_w.dumps({"writer": self.writer, "session": self.session_id})
        texts = self._texts + self._pending
        try:
            atomic_write(self.path, header + "\n" + "\n".join(texts))
        except OSError as error:
            raise SessionError(
                t("file.not_written", path=self.path, reason=error.strerror)
            ) from None
        self._texts = texts
        self._pending = []

    def close(self) -> None:
        """Release the writer's lock."""
        self.lock.release()


def _word_toml(word: Word) -> str:
    # Written as a table of its own, so that each word's text can be appended to the others
    # (tomli_w would write a short array of tables inline, as one key).
    return "[[word]]\n" + tomli_w.dumps(word.model_dump())


class WordsReader:
    """Every writer's words in a session folder, re-read only when a file changed; a file
    that cannot be read is skipped (its words come back once it can be)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._watcher = FileWatcher()
        self._files: dict[Path, list[Word]] = {}

    def refresh(self) -> bool:
        """Re-read what changed; True if anything did."""
        paths = words_file_paths(self.folder)
        changed = self._watcher.changed(paths)
        gone = [path for path in self._files if path not in paths]
        for path in gone:
            del self._files[path]
        for path in changed:
            try:
                self._files[path] = load_words_file(path).words
            except SessionError:
                self._files.pop(path, None)
        return bool(changed or gone)

    def words(self, slot: int | None = None) -> list[Word]:
        """The words of one slot, or all, oldest first."""
        found = [
            word
            for words in self._files.values()
            for word in words
            if slot is None or word.slot == slot
        ]
        return sorted(found, key=lambda word: word.at)  # stable: sent order within a file


def all_words(folder: Path) -> list[Word]:
    """Every word sent in a session folder."""
    reader = WordsReader(folder)
    reader.refresh()
    return reader.words()
