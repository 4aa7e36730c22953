"""Files on disk for every layer: atomic writes, TOML read and written, change polling.

Every write is atomic: a temporary file beside the target, flushed, fsync'd and renamed
over it, so a reader sees either the old or the whole new content.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tomli_w

from facilitator.errors import WriteError, one_line
from facilitator.i18n import t

if TYPE_CHECKING:  # the models load pydantic; a console's first frame comes before them
    from pydantic import ValidationError


def atomic_write(path: Path, text: str) -> None:
    """Write `text` so that `path` holds either the old or the whole new content, on disk."""
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, fsync it, and rename it over `path`.

    A new file gets the mode the umask gives (as `open` would give it), so a colleague on a
    shared folder can read it where the umask allows; a rewritten file keeps its mode.
    """
    mode = _mode_to_keep(path)
    fd, temporary = _create_beside(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            if mode is not None:
                os.fchmod(handle.fileno(), mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _fsync_folder(path.parent)


def _mode_to_keep(path: Path) -> int | None:
    """The permission bits of the regular file at `path`, or None when there is none."""
    try:
        status = path.stat()
    except OSError:
        return None
    return stat.S_IMODE(status.st_mode) if stat.S_ISREG(status.st_mode) else None


def _create_beside(path: Path) -> tuple[int, str]:
    """A new temporary file in `path`'s folder, created 0666 so that the umask applies
    (mkstemp would make it 0600 whatever the umask)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    while True:
        name = str(path.parent / f".{path.name}.{os.urandom(4).hex()}.tmp")
        try:
            return os.open(name, flags, 0o666), name
        except FileExistsError:
            continue


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
        where = ".".join(str(part) if part != "" else '""' for part in item["loc"])
        if item["type"] == "missing":
            problem = t("file.field_missing")
        elif item["type"] == "extra_forbidden":
            problem = t("file.field_unknown")
        elif item["type"] == "value_error":  # our own validators name the value
            problem = str(item["msg"]).removeprefix("Value error, ")
        else:  # pydantic's own words say what the value should have been
            problem = t("file.field_invalid", value=_short(item.get("input")), reason=item["msg"])
        lines.append(one_line(t("file.invalid", path=path, where=where or "-", problem=problem)))
    return "\n".join(lines)


def _short(value: Any) -> str:
    """A value as a message quotes it: a long list or text cut short."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def read_file(path: Path, error_type: type[Exception], what: str) -> bytes:
    """The bytes of a file, every way reading can fail turned into `error_type` naming it.
    Only a regular file (or a link to one) is read: a named pipe would wait for a writer
    forever, and a device such as /dev/zero never ends."""
    try:
        mode = path.stat().st_mode
        if stat.S_ISREG(mode):
            return path.read_bytes()
    except FileNotFoundError:
        raise error_type(t("file.missing", path=path, what=what)) from None
    except IsADirectoryError:
        raise error_type(t("file.folder", path=path, what=what)) from None
    except OSError as error:
        raise error_type(t("file.unreadable", path=path, reason=error.strerror)) from None
    if stat.S_ISDIR(mode):
        raise error_type(t("file.folder", path=path, what=what))
    kind = next((key for is_kind, key in _KINDS if is_kind(mode)), "file.kind.device")
    raise error_type(t("file.not_a_file", path=path, kind=t(kind), what=what))


def read_toml(path: Path, error_type: type[Exception], what: str) -> dict[str, Any]:
    """Read a TOML file, turning every way it can fail into `error_type` with the file's name."""
    raw = read_file(path, error_type, what)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise error_type(t("file.not_utf8", path=path, line=line)) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise error_type(t("file.not_toml", path=path, reason=error)) from None
    except RecursionError:  # arrays or tables nested hundreds deep
        raise error_type(t("file.not_toml", path=path, reason=t("file.nested"))) from None


class _Refused(Exception):
    """A file `peek_toml` passes over."""


def peek_toml(path: Path) -> dict[str, Any] | None:
    """The data of the TOML file at `path`, or None for anything `read_toml` refuses: what
    a first frame or the console's language is read from, before the models say why a
    file is refused."""
    try:
        return read_toml(path, _Refused, "")
    except _Refused:
        return None


_KINDS = (
    (stat.S_ISLNK, "file.kind.link"),
    (stat.S_ISFIFO, "file.kind.fifo"),
    (stat.S_ISCHR, "file.kind.device"),
    (stat.S_ISBLK, "file.kind.device"),
    (stat.S_ISSOCK, "file.kind.socket"),
)


def check_output(path: Path, force: bool, error_type: type[Exception]) -> None:
    """Refuse an output path that exists (unless `force`) or is anything but a regular file.

    `--force` replaces a file; a folder, a symbolic link, a FIFO or a device is never
    replaced, since writing there is surely not what was meant.
    """
    try:
        mode = path.lstat().st_mode
    except OSError:
        return  # nothing there: a missing folder or no permission shows when writing
    if stat.S_ISDIR(mode):
        raise error_type(t("file.is_folder", path=path))
    for is_kind, key in _KINDS:
        if is_kind(mode):
            raise error_type(t("file.not_regular", path=path, kind=t(key)))
    if not force:
        raise error_type(t("file.exists", path=path))


def write_stdout(data: bytes) -> None:
    """Write `data` to standard output; WriteError when it cannot (a full disk, a closed
    pipe), with nothing more written, so that Python's own flush at exit stays quiet."""
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    except OSError as error:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, sys.stdout.fileno())
            os.close(null)
        reason = error.strerror or str(error)
        raise WriteError(t("file.stdout_not_written", reason=reason)) from None


class FileWatcher:
    """Notices changed files by polling their modification time and size."""

    def __init__(self, paths: Iterable[Path] = ()) -> None:
        self._seen: dict[Path, tuple[int, int, int] | None] = {}
        for path in paths:
            self._seen[path] = file_signature(path)

    def mark(self, path: Path, signature: tuple[int, int, int] | None) -> None:
        """Take `path` as seen at `signature` (this process wrote it)."""
        self._seen[path] = signature

    def changed(self, paths: Iterable[Path]) -> list[Path]:
        """Those of `paths` that are new or changed since the last call."""
        result = []
        for path in paths:
            signature = file_signature(path)
            if self._seen.get(path, ()) != signature:
                self._seen[path] = signature
                result.append(path)
        return result


def file_signature(path: Path) -> tuple[int, int, int] | None:
    """What changes when a file is rewritten: its inode (an atomic write makes a new one),
    modification time and size; None when there is no file."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_ino, stat.st_mtime_ns, stat.st_size)
