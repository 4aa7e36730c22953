"""Following sessions that another console writes: one session re-read when its file changes,
the last good copy kept when a re-read fails; and a session that starts later, noticed so
that a stage or a note-taker can move to it. The stage, a host console that does not hold
the session, and a notes console started without a session follow them this way.
"""

from __future__ import annotations

import os
from pathlib import Path

from facilitator.errors import SessionError
from facilitator.files import FileWatcher
from facilitator.session.model import Session
from facilitator.session.store import SESSION_FILE, SessionStore


def load_folder_session(folder: Path) -> Session:
    """The session in `folder`, wherever that folder is; SessionError if it cannot be read."""
    return SessionStore(folder.parent).load(folder.name)


class FollowedSession:
    """One session read from disk whenever its `session.toml` changes (a stat per look)."""

    def __init__(self, folder: Path, session: Session, stale: bool = False) -> None:
        self.folder = folder
        """The session's folder."""
        self.session = session
        """The last copy that could be read."""
        self.path = folder / SESSION_FILE
        # A stale copy is replaced at the first look; a fresh one when the file changes.
        self._watch = FileWatcher([] if stale else [self.path])

    def refresh(self) -> bool:
        """Re-read the session if its file changed; True if a new copy was read.

        SessionError if the file could not be read: the last good copy stays, and the
        file is read again only once it changes (a half-synced file is usually fixed soon).
        """
        if not self._watch.changed([self.path]):
            return False
        self.session = load_folder_session(self.folder)
        return True


class NewestSession:
    """Notices an unfinished session that starts after the one followed (a rehearsal
    finished, the real day begun).

    A look lists the sessions folder (a directory's time stamp is too coarse on some file
    systems to show a folder that came) and stats the session file of each folder that came
    since; that file is read once it appears or changes, so a folder synced before its file
    is noticed when the file arrives.
    """

    def __init__(self, store: SessionStore) -> None:
        self.store = store
        self._known = self._folders()
        self._fresh: set[Path] = set()
        self._watch = FileWatcher()
        self._newer: dict[Path, Session] = {}

    def _folders(self) -> set[Path]:
        try:
            names = os.listdir(self.store.root)
        except OSError:
            return set()
        return {self.store.root / name for name in names if not name.startswith(".")}

    def look(self) -> Session | None:
        """The newest unfinished session that started since this watch began, if any."""
        folders = self._folders()
        if folders != self._known:
            self._fresh |= {folder for folder in folders - self._known if folder.is_dir()}
            self._known = folders
        for path in self._watch.changed([folder / SESSION_FILE for folder in self._fresh]):
            try:
                session = load_folder_session(path.parent)
            except SessionError:
                continue  # half written or not yet synced: read again when it changes
            if session.finished:
                self._newer.pop(path.parent, None)
            else:
                self._newer[path.parent] = session
        if not self._newer:
            return None
        return max(self._newer.values(), key=lambda session: session.created)

    def moved_to(self, session: Session) -> None:
        """The follower now follows `session`: only a session starting later is newer."""
        for folder, candidate in list(self._newer.items()):
            if candidate.created <= session.created:
                self._newer.pop(folder)
                self._fresh.discard(folder)
