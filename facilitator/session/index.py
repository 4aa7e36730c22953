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

INDEX_VERSION = 1
"""Changes whenever the facts of an index change shape; an index of another is ignored."""

Signature = list[list[Any]]
"""Each file a folder's facts depend on, with its name, inode, mtime in ns and size."""


def files_signature(folder: Path, names: list[str]) -> Signature:
    """The signature of the files `names` in `folder` (a missing one signed as missing)."""
    signed: Signature = []
    base = str(folder)
    for name in names:
        try:  # os.stat on a string: a listing stats thousands of files
            stat = os.stat(os.path.join(base, name))
        except OSError:
            signed.append([name])
            continue
        signed.append([name, stat.st_ino, stat.st_mtime_ns, stat.st_size])
    return signed


class SessionIndex:
    """The index of one kind of facts over a sessions folder."""

    def __init__(self, root: Path, kind: str) -> None:
        self.path = root / f".index-{kind}.json"
        self._entries: dict[str, dict[str, Any]] = {}
        self._used: set[str] = set()
        self._changed = False
        self.reads = 0
        """How many folders had to be read since the index was loaded (for the tests)."""
        self._load()

    def _load(self) -> None:
        try:
            data = json.loads(self.path.read_bytes())
        except (OSError, ValueError):
            return  # missing or corrupt: every entry is made again
        if not isinstance(data, dict) or data.get("version") != INDEX_VERSION:
            return
        entries = data.get("entries")
        if isinstance(entries, dict):
            self._entries = {
                name: entry
                for name, entry in entries.items()
                if isinstance(entry, dict) and "signature" in entry and "facts" in entry
            }

    def signature(self, name: str) -> Signature | None:
        """The signature folder `name` had when its facts were recorded, if they were."""
        entry = self._entries.get(name)
        found = entry["signature"] if entry is not None else None
        return found if isinstance(found, list) and found else None

    def lookup(self, name: str, signature: Signature) -> dict[str, Any] | None:
        """The facts of folder `name` if they were made from files of `signature`."""
        self._used.add(name)
        entry = self._entries.get(name)
        if entry is None or entry["signature"] != signature:
            return None
        facts = entry["facts"]
        return facts if isinstance(facts, dict) else None

    def put(self, name: str, signature: Signature, facts: dict[str, Any]) -> None:
        """Record the facts of folder `name`, made from files of `signature`."""
        self.reads += 1
        self._used.add(name)
        self._entries[name] = {"signature": signature, "facts": facts}
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
    folder: Path, known: Signature | None, files: Callable[[], list[str]]
) -> Signature:
    """The signature of a folder and of its files that facts depend on (`files()` names
    them). The folder's own modification time changes whenever a file in it is added,
    removed or renamed over, so while it is the one `known` records, the files are the
    ones `known` names and the folder need not be listed."""
    try:
        stat = os.stat(folder)
    except OSError:
        return [["."]]
    here: list[Any] = [".", stat.st_ino, stat.st_mtime_ns]
    if known is not None and known[0] == here:
        names = [str(item[0]) for item in known[1:]]
    else:
        names = files()
    return [here, *files_signature(folder, names)]


def folder_names(root: Path) -> list[str]:
    """The sub-folders of a sessions folder that may be sessions (hidden ones are not)."""
    try:
        with os.scandir(root) as found:
            return [e.name for e in found if not e.name.startswith(".") and e.is_dir()]
    except OSError:
        return []
