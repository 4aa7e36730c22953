"""Following a session that another console writes: re-read when its file changes, the
last good copy kept when a re-read fails. The stage, and a host console that does not hold
the session, follow one this way.
"""

from __future__ import annotations

from pathlib import Path

from facilitator.files import FileWatcher
from facilitator.session.model import Session
from facilitator.session.store import SESSION_FILE, SessionStore


class FollowedSession:
    """One session read from disk whenever its `session.toml` changes (a stat per look)."""

    def __init__(self, folder: Path, session: Session) -> None:
        self.folder = folder
        """The session's folder."""
        self.session = session
        """The last copy that could be read."""
        self.path = folder / SESSION_FILE
        self._watch = FileWatcher([self.path])

    def refresh(self) -> bool:
        """Re-read the session if its file changed; True if a new copy was read.

        SessionError if the file could not be read: the last good copy stays, and the
        file is read again only once it changes (a half-synced file is usually fixed soon).
        """
        if not self._watch.changed([self.path]):
            return False
        self.session = SessionStore(self.folder.parent).load(self.folder.name)
        return True
