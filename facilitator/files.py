"""Files on disk for every layer: atomic writes, TOML read and written, change polling.

Every write is atomic: a temporary file beside the target, flushed, fsync'd and renamed
over it, so a reader sees either the old or the whole new content.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import tomli_w
from pydantic import ValidationError

from facilitator.errors import one_line
from facilitator.i18n import t


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
        lines.append(one_line(t("file.invalid", path=path, where=where or "-", problem=problem)))
    return "\n".join(lines)


def read_toml(path: Path, error_type: type[Exception], what: str) -> dict[str, Any]:
    """Read a TOML file, turning every way it can fail into `error_type` with the file's name."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise error_type(t("file.missing", path=path, what=what)) from None
    except IsADirectoryError:
        raise error_type(t("file.folder", path=path, what=what)) from None
    except OSError as error:
        raise error_type(t("file.unreadable", path=path, reason=error.strerror)) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise error_type(t("file.not_utf8", path=path, line=line)) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise error_type(t("file.not_toml", path=path, reason=error)) from None



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
