"""The lock that lets one process at a time write a file: pid, host name, since when, token.

Held by the host console on a session and by each notes writer on its notes file; a lock
of a process that is gone from this host is stale and replaced. A holder checks the lock
and writes within `guard`, and a take-over replaces the lock within it, so on one machine
a write that passed its check always lands before the take-over completes.
"""

from __future__ import annotations

import contextlib
import os
import socket
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

try:
    import fcntl
except ImportError:  # pragma: no cover - not on POSIX: the token check alone remains
    fcntl = None  # type: ignore[assignment]

from facilitator.errors import SessionError, SessionLocked
from facilitator.files import atomic_write, dump_toml, read_toml
from facilitator.i18n import clock_text, t

LOCK_FILE = "host.lock"


class SessionLock:
    """A lock file naming the process that holds a session: pid, host name and since when."""

    def __init__(self, path: Path, owner: dict[str, Any]) -> None:
        self.path = path
        self.owner = owner

    @classmethod
    def acquire(cls, path: Path, take_over: bool = False, what: str | None = None) -> SessionLock:
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
            with guard(path.parent):
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

    @classmethod
    def holder_of(cls, path: Path) -> dict[str, Any] | None:
        """Who holds the lock at `path` (pid, host, since), if a live process does; a
        stale, mangled or missing lock holds nothing."""
        holder = cls._holder(path)
        return holder if holder is not None and not cls._is_stale(holder) else None

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
        return _ended(pid)

    @staticmethod
    def _locked_message(path: Path, holder: dict[str, Any], what: str | None) -> str:
        since = holder.get("since")
        when = clock_text(since) if isinstance(since, datetime) else "?"
        return t(
            "lock.held",
            folder=path.parent,
            what=what or t("lock.host"),
            pid=holder.get("pid"),
            host=holder.get("host"),
            since=when,
        )

    def holder(self) -> dict[str, Any] | None:
        """What the lock file records now: pid, host, since and token; None without one."""
        return self._holder(self.path)

    def holder_text(self) -> str:
        """Who holds the lock now, for a message: "pid 4242 on laptop-2, since 10:02"."""
        holder = self.holder()
        if holder is None:
            return t("lock.holder_gone")
        since = holder.get("since")
        when = clock_text(since) if isinstance(since, datetime) else "?"
        return t("lock.holder", pid=holder.get("pid"), host=holder.get("host"), since=when)

    def held(self) -> bool:
        """Whether the lock file still names this process (another may have taken over)."""
        holder = self.holder()
        return holder is not None and holder.get("token") == self.owner["token"]

    def guard(self) -> contextlib.AbstractContextManager[None]:
        """Hold while checking `held` and writing, so a take-over cannot come between."""
        return guard(self.path.parent)

    def release(self) -> None:
        """Remove the lock if it is still ours."""
        if self.held():
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()


@contextlib.contextmanager
def guard(folder: Path) -> Iterator[None]:
    """An exclusive advisory lock on `folder` for a moment; where the platform or the file
    system cannot lock a folder (a network share), nothing is held."""
    fd = None
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
    try:
        if fd is not None and fcntl is not None:
            with contextlib.suppress(OSError):
                fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        if fd is not None:
            os.close(fd)  # closing releases the lock


def _ended(pid: int) -> bool:
    """Whether `pid` has ended and only waits for its parent to collect it (a zombie): a
    console killed a moment ago, in a terminal that has not yet noticed, holds nothing."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False  # no /proc (not Linux): a live process as far as can be told
    fields = stat.rpartition(")")[2].split()  # the name in parentheses may hold spaces
    return bool(fields) and fields[0] == "Z"
