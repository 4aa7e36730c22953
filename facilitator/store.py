"""The sessions folder on disk: atomic writes, loading, listing, the host lock, change polling.

Each file has one writer. A file that cannot be read is reported and never overwritten.
"""

from __future__ import annotations

import contextlib
import os
import socket
import tempfile
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import tomli_w
from pydantic import ValidationError

from facilitator.agenda import read_toml
from facilitator.catalogue import clock_text, t
from facilitator.errors import SessionError, SessionLocked
from facilitator.session import Session, new_session_id

SESSION_FILE = "session.toml"
LOCK_FILE = "host.lock"


def atomic_write(path: Path, text: str) -> None:
    """Write `text` so that `path` holds either the old or the whole new content, on disk."""
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, fsync it, and rename it over `path`."""
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable; not every platform can open a folder."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def dump_toml(data: dict[str, Any]) -> str:
    """TOML text for model data; tomli-w cannot write None, so such keys are dropped."""
    return tomli_w.dumps(_drop_none(data))


def _drop_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _drop_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_none(item) for item in value]
    return value


def validation_message(path: Path, error: ValidationError) -> str:
    """A pydantic error on a stored file as 'path: field.path: problem' lines."""
    lines = []
    for item in error.errors()[:5]:
        where = ".".join(str(part) for part in item["loc"])
        if item["type"] == "missing":
            problem = t("file.field_missing")
        elif item["type"] == "extra_forbidden":
            problem = t("file.field_unknown")
        else:  # pydantic's own words say what the value should have been
            problem = t("file.field_invalid", value=item.get("input"), reason=item["msg"])
        lines.append(t("file.invalid", path=path, where=where or "-", problem=problem))
    return "\n".join(lines)


@dataclass(frozen=True)
class SessionEntry:
    """A session folder in a listing: its session, or why it could not be read."""

    id: str
    path: Path
    session: Session | None
    error: str | None
    modified: float


class SessionStore:
    """The folder that holds one sub-folder per session."""

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)

    def folder(self, session_id: str) -> Path:
        """The folder of one session."""
        return self.root / session_id

    def create(self, session: Session) -> Session:
        """Write a new session in a folder of its own; its id gets a suffix if taken."""
        self.root.mkdir(parents=True, exist_ok=True)
        base, number = session.id, 1
        while True:
            try:
                self.folder(session.id).mkdir()
                break
            except FileExistsError:
                number += 1
                session = session.model_copy(update={"id": f"{base}-{number}"})
        self.save(session)
        return session

    def save(self, session: Session) -> None:
        """Write `session.toml` atomically."""
        data = session.model_dump(by_alias=True, exclude_none=True)
        data["agenda"] = session.agenda.to_toml_data()
        try:
            atomic_write(self.folder(session.id) / SESSION_FILE, dump_toml(data))
        except OSError as error:
            raise SessionError(t("file.not_written", path=self.folder(session.id) / SESSION_FILE,
                                 reason=error.strerror)) from None

    def load(self, session_id: str) -> Session:
        """Read one session; SessionError names the file and the problem."""
        path = self.folder(session_id) / SESSION_FILE
        data = read_toml(path, SessionError, what=t("what.session"))
        try:
            return Session.model_validate(data)
        except ValidationError as error:
            raise SessionError(validation_message(path, error)) from None

    def entries(self) -> list[SessionEntry]:
        """Every session folder, newest first; unreadable ones carry their error."""
        if not self.root.is_dir():
            return []
        found = []
        for folder in self.root.iterdir():
            if not folder.is_dir() or folder.name.startswith("."):
                continue
            path = folder / SESSION_FILE
            try:
                modified = path.stat().st_mtime
            except OSError:
                modified = 0.0
            try:
                session, error = self.load(folder.name), None
            except SessionError as problem:
                session, error = None, str(problem)
            found.append(SessionEntry(folder.name, folder, session, error, modified))
        return sorted(found, key=lambda entry: (entry.modified, entry.id), reverse=True)

    def session_files(self) -> list[Path]:
        """The session.toml path of every folder in the sessions folder, read or not."""
        try:
            return [folder / SESSION_FILE for folder in self.root.iterdir() if folder.is_dir()]
        except OSError:
            return []

    def newest_first(self) -> Iterator[Session]:
        """Readable sessions, the most recently written first, each read only when reached,
        so that finding the latest does not read a folder of past days."""
        stamped = []
        for path in self.session_files():
            try:
                stamped.append((path.stat().st_mtime, path.parent.name))
            except OSError:
                continue
        for _modified, name in sorted(stamped, reverse=True):
            try:
                yield self.load(name)
            except SessionError:
                continue

    def newest(self) -> Session | None:
        """The most recently written readable session."""
        return next(self.newest_first(), None)

    def newest_unfinished(
        self, agenda_file: str | None = None, rehearsal: bool | None = None
    ) -> Session | None:
        """The most recently written unfinished session, optionally of one agenda file and kind."""
        for session in self.newest_first():
            if session.finished:
                continue
            if agenda_file is not None and session.agenda_file != agenda_file:
                continue
            if rehearsal is not None and session.is_rehearsal != rehearsal:
                continue
            return session
        return None

    def resolve(self, name: str | None) -> Session:
        """A session by id or folder path, or the newest unfinished one when `name` is None."""
        if name is None:
            session = self.newest_unfinished()
            if session is None:
                raise SessionError(t("session.none_unfinished", root=self.root))
            return session
        as_path = Path(name)
        if (as_path / SESSION_FILE).is_file():
            return SessionStore(as_path.parent).load(as_path.name)
        if not (self.folder(name) / SESSION_FILE).exists():
            raise SessionError(t("session.no_such", path=self.folder(name), root=self.root))
        return self.load(name)

    def lock(self, session_id: str, take_over: bool = False) -> SessionLock:
        """Hold the session for this host console; SessionLocked if another holds it."""
        return SessionLock.acquire(self.folder(session_id) / LOCK_FILE, take_over)


def new_session(store: SessionStore, **fields: Any) -> Session:
    """Create and write a session from its fields; the id comes from title, time and kind."""
    session_id = new_session_id(
        fields["agenda"].title, fields["created"], fields.get("rehearsal") is not None
    )
    return store.create(Session(id=session_id, **fields))


class SessionLock:
    """A lock file naming the process that holds a session: pid, host name and since when."""

    def __init__(self, path: Path, owner: dict[str, Any]) -> None:
        self.path = path
        self.owner = owner

    @classmethod
    def acquire(
        cls, path: Path, take_over: bool = False, what: str | None = None
    ) -> SessionLock:
        """Create the lock; a stale lock of a dead process on this host is replaced."""
        owner = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "since": datetime.now(UTC),
            # Tells two holders in one process apart, and a lock from its taken-over copy.
            "token": uuid.uuid4().hex,
        }
        text = dump_toml(owner)
        if take_over:
            atomic_write(path, text)
            return cls(path, owner)
        for _attempt in range(2):
            try:
                fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                holder = cls._holder(path)
                if holder is not None and not cls._is_stale(holder):
                    raise SessionLocked(cls._locked_message(path, holder, what)) from None
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
                continue
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            return cls(path, owner)
        raise SessionLocked(t("lock.busy", path=path))

    @staticmethod
    def _holder(path: Path) -> dict[str, Any] | None:
        try:
            return read_toml(path, SessionError, what=t("what.lock"))
        except SessionError:
            return None  # a half-written or mangled lock holds nothing

    @staticmethod
    def _is_stale(holder: dict[str, Any]) -> bool:
        """A lock is stale when its process is gone; only a lock of this host can be checked."""
        if holder.get("host") != socket.gethostname():
            return False
        pid = holder.get("pid")
        if not isinstance(pid, int):
            return True
        if pid == os.getpid():
            return False
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        except PermissionError:
            return False
        return False

    @staticmethod
    def _locked_message(path: Path, holder: dict[str, Any], what: str | None) -> str:
        since = holder.get("since")
        when = clock_text(since) if isinstance(since, datetime) else "?"
        return t("lock.held", folder=path.parent, what=what or t("lock.host"),
                 pid=holder.get("pid"), host=holder.get("host"), since=when)

    def held(self) -> bool:
        """Whether the lock file still names this process (another may have taken over)."""
        holder = self._holder(self.path)
        return holder is not None and holder.get("token") == self.owner["token"]

    def release(self) -> None:
        """Remove the lock if it is still ours."""
        if self.held():
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()


class FileWatcher:
    """Notices changed files by polling their modification time and size."""

    def __init__(self, paths: Iterable[Path] = ()) -> None:
        self._seen: dict[Path, tuple[int, int] | None] = {}
        for path in paths:
            self._seen[path] = _signature(path)

    def changed(self, paths: Iterable[Path]) -> list[Path]:
        """Those of `paths` that are new or changed since the last call."""
        result = []
        for path in paths:
            signature = _signature(path)
            if self._seen.get(path, ()) != signature:
                self._seen[path] = signature
                result.append(path)
        return result


def _signature(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size)
