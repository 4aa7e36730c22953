"""A cache of facts about each session folder, so that a folder of thousands of sessions is
listed by reading only the sessions that changed.

The index is a JSON file in the sessions folder, `.index-<kind>.json`, one per kind of
facts (the store's own, the review's). Each entry, keyed by the folder's name, holds the
signature of the files its facts were made from (inode, modification time and size of
each: an atomic rewrite makes a new inode) and the facts. An entry is used only while its
signature is the files' signature now, so the index is never trusted over the files: a
missing, corrupt or stale index, or one of another version, only costs the time of reading
the files. It is written atomically (a temporary file renamed over it), so a crash while
writing it leaves the old index or the new one; a write that fails (a read-only folder) is
left at that.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from facilitator.files import atomic_write

INDEX_VERSION = 3
"""Changes whenever the facts of an index change shape; an index of another is ignored."""

Signature = str
"""The files a folder's facts depend on, as `names|stamps`: their names joined by "/" (a
character no file name holds), then the stamp of each file, "inode:mtime-in-ns:size" or
"-" when it is missing, after the folder's own "inode:mtime" when the folder is signed. A
string, compared as one: an index of thousands of folders is read and checked faster so."""

MISSING = "-"
"""The stamp of a file that is not there."""


def files_signature(folder: Path | str, names: list[str]) -> tuple[Signature, int]:
    """The signature of the files `names` in `folder`, and the first one's modification
    time in nanoseconds (-1 when it is missing)."""
    stamps, first = _stamps(os.fspath(folder) + os.sep, names)
    return "/".join(names) + "|" + " ".join(stamps), first


def _stamps(base: str, names: list[str]) -> tuple[list[str], int]:
    stamps = []
    first = -1
    for name in names:
        try:  # os.stat on a string: a listing stats thousands of files
            stat = os.stat(base + name)
        except OSError:
            stamps.append(MISSING)
            continue
        if not stamps:
            first = stat.st_mtime_ns
        stamps.append(f"{stat.st_ino}:{stat.st_mtime_ns}:{stat.st_size}")
    return stamps, first


class SessionIndex:
    """The index of one kind of facts over a sessions folder: for each folder, the
    signature its facts were made from and the facts (any JSON value the kind chooses)."""

    def __init__(self, root: Path, kind: str) -> None:
        self.path = root / f".index-{kind}.json"
        self._entries: dict[str, list[Any]] = {}
        self._used: set[str] = set()
        self._changed = False
        self.reads = 0
        """How many folders had to be read since the index was loaded (for the tests)."""
        self._load()

    def _load(self) -> None:
        try:  # a regular file only: a named pipe would wait for a writer forever
            data = json.loads(self.path.read_bytes()) if self.path.is_file() else None
        except (OSError, ValueError, RecursionError):
            return  # missing or corrupt: every entry is made again
        if not isinstance(data, dict) or data.get("version") != INDEX_VERSION:
            return
        entries = data.get("entries")
        if isinstance(entries, dict):
            self._entries = {
                name: entry
                for name, entry in entries.items()
                if isinstance(entry, list) and len(entry) == 2 and isinstance(entry[0], str)
            }

    def signature(self, name: str) -> Signature | None:
        """The signature folder `name` had when its facts were recorded, if they were."""
        entry = self._entries.get(name)
        return entry[0] if entry is not None else None

    def lookup(self, name: str, signature: Signature) -> Any:
        """The facts of folder `name` if they were made from files of `signature`, else
        None."""
        self._used.add(name)
        entry = self._entries.get(name)
        return entry[1] if entry is not None and entry[0] == signature else None

    def put(self, name: str, signature: Signature, facts: Any) -> None:
        """Record the facts of folder `name`, made from files of `signature`."""
        self.reads += 1
        self._used.add(name)
        self._entries[name] = [signature, facts]
        self._changed = True

    def save(self, prune: bool = True) -> None:
        """Write the index if anything changed; with `prune`, after a look at every folder,
        without the folders not looked up (gone). Never fails."""
        dropped = set(self._entries) - self._used if prune else set()
        if not self._changed and not dropped:
            return
        for name in dropped:
            del self._entries[name]
        data = {"version": INDEX_VERSION, "entries": self._entries}
        try:
            atomic_write(self.path, json.dumps(data, ensure_ascii=False, separators=(",", ":")))
        except (OSError, ValueError):
            return
        self._changed = False


def folder_signature(
    folder: str, known: Signature | None, files: Callable[[str], list[str]]
) -> tuple[Signature, int]:
    """The signature of a folder and of its files that facts depend on (`files(folder)`
    names them), and the first file's modification time in nanoseconds (-1 when it is
    missing).
    The folder's own modification time changes whenever a file in it is added, removed or
    renamed over, so while it is the one `known` records, the files are the ones `known`
    names and the folder need not be listed."""
    try:
        stat = os.stat(folder)
    except OSError:
        return "|" + MISSING, -1
    here = f"{stat.st_ino}:{stat.st_mtime_ns}"
    if known is not None:
        joined, _, known_stamps = known.rpartition("|")
        if known_stamps.partition(" ")[0] != here:
            joined = "/".join(files(folder))
    else:
        joined = "/".join(files(folder))
    stamps, first = _stamps(folder + os.sep, joined.split("/") if joined else [])
    return joined + "|" + " ".join([here, *stamps]), first


def folder_names(root: Path) -> list[str]:
    """The sub-folders of a sessions folder that may be sessions (hidden ones are not)."""
    try:
        with os.scandir(root) as found:
            return [e.name for e in found if not e.name.startswith(".") and e.is_dir()]
    except OSError:
        return []
