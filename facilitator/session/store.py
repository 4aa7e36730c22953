"""The sessions folder: a sub-folder per session, its `session.toml` written and read,
listed newest first, and its lock.

Each file has one writer. A file that cannot be read is reported and never overwritten.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from facilitator.errors import SessionError
from facilitator.files import atomic_write, dump_toml, read_toml, validation_message
from facilitator.i18n import t
from facilitator.names import is_folder_name
from facilitator.session.index import SessionIndex, Signature, files_signature, folder_names
from facilitator.session.place import SESSION_FILE, locate_folder

if TYPE_CHECKING:  # loaded when first used: the review list paints without them
    from facilitator.session.lock import SessionLock
    from facilitator.session.model import Session


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

    def __init__(self, root: Path | str, read_only: bool = False) -> None:
        self.root = Path(root)
        self.read_only = read_only
        """Whether nothing may be written here, not even the index (`facilitator status`)."""

    def folder(self, session_id: str) -> Path:
        """The folder of one session; SessionError for an id that is no folder name, so
        that nothing is ever written outside the sessions folder."""
        if not is_folder_name(session_id):
            raise SessionError(t("session.bad_folder", id=session_id, root=self.root))
        return self.root / session_id

    def create(self, session: Session) -> Session:
        """Write a new session in a folder of its own; its id gets a suffix if taken.
        SessionError when the folder cannot be made (the sessions folder is a file, or
        read-only)."""
        base, number = session.id, 1
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            while True:
                try:
                    self.folder(session.id).mkdir()
                    break
                except FileExistsError:
                    number += 1
                    session = session.model_copy(update={"id": f"{base}-{number}"})
        except OSError as error:
            path = self.folder(session.id)
            raise SessionError(t("file.not_written", path=path, reason=error.strerror)) from None
        self.save(session)
        return session

    def save(self, session: Session) -> None:
        """Write `session.toml` atomically."""
        data = session.model_dump(by_alias=True, exclude_none=True)
        data["agenda"] = session.agenda.to_toml_data()
        try:
            atomic_write(self.folder(session.id) / SESSION_FILE, dump_toml(data))
        except OSError as error:
            raise SessionError(
                t(
                    "file.not_written",
                    path=self.folder(session.id) / SESSION_FILE,
                    reason=error.strerror,
                )
            ) from None

    def load(self, session_id: str) -> Session:
        """Read one session; SessionError names the file and the problem.

        The folder is the truth: a session whose id is not its folder's name is not read,
        since its writes would go to another folder.
        """
        from pydantic import ValidationError

        from facilitator.session.model import Session

        path = self.folder(session_id) / SESSION_FILE
        data = read_toml(path, SessionError, what=t("what.session"))
        try:
            session = Session.model_validate(data)
        except ValidationError as error:
            raise SessionError(validation_message(path, error)) from None
        if session.id != session_id:
            raise SessionError(
                t("session.id_mismatch", path=path, id=session.id, folder=session_id)
            )
        return session

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
        """The most recently written unfinished session, optionally of one agenda file and
        kind. Sessions whose facts the index holds (session/index.py) are not read."""
        index = SessionIndex(self.root, "sessions")
        try:
            for _modified, name, signature in self._signed_newest_first():
                facts = index.lookup(name, signature)
                session = None
                if not isinstance(facts, dict) or facts.keys() != _RESUME_FACTS:
                    try:
                        session = self.load(name)
                    except SessionError:
                        continue
                    facts = _resume_facts(session)
                    index.put(name, signature, facts)
                if facts["finished"]:
                    continue
                if agenda_file is not None and facts["agenda_file"] != agenda_file:
                    continue
                if rehearsal is not None and facts["rehearsal"] != rehearsal:
                    continue
                try:
                    return session or self.load(name)
                except SessionError:
                    continue
            return None
        finally:
            if not self.read_only:
                index.save(prune=False)

    def _signed_newest_first(self) -> list[tuple[int, str, Signature]]:
        """Every folder with a session.toml, its mtime and signature, newest first."""
        signed = []
        for name in folder_names(self.root):
            signature, modified = files_signature(self.root / name, [SESSION_FILE])
            if modified >= 0:
                signed.append((modified, name, signature))
        return sorted(signed, reverse=True)

    def locate(self, name: str) -> tuple[SessionStore, str] | None:
        """The sessions folder and folder name that SESSION names, or None: a session id in
        this folder, else the path of a session folder (or of its session.toml) from
        anywhere. The one rule for a session named on the command line."""
        folder = locate_folder(self.root, name)
        if folder is None:
            return None
        if is_folder_name(name) and folder == self.root / name:
            return self, name
        return SessionStore(folder.parent, self.read_only), folder.name

    def resolve(self, name: str | None) -> tuple[SessionStore, Session]:
        """The session SESSION names (see `locate`) and the sessions folder that holds it,
        or this folder's newest unfinished session when `name` is None."""
        if name is None:
            session = self.newest_unfinished()
            if session is None:
                raise SessionError(t("session.none_unfinished", root=self.root))
            return self, session
        found = self.locate(name)
        if found is None:
            raise SessionError(t("session.no_such", name=name, root=self.root))
        store, session_id = found
        return store, store.load(session_id)

    def lock(self, session_id: str, take_over: bool = False) -> SessionLock:
        """Hold the session for this host console; SessionLocked if another holds it."""
        from facilitator.session.lock import LOCK_FILE, SessionLock

        return SessionLock.acquire(self.folder(session_id) / LOCK_FILE, take_over)


_RESUME_FACTS = {"finished", "agenda_file", "rehearsal"}


def _resume_facts(session: Session) -> dict[str, Any]:
    """What `newest_unfinished` asks of a session, for the index."""
    return {
        "finished": session.finished,
        "agenda_file": session.agenda_file,
        "rehearsal": session.is_rehearsal,
    }


def new_session(store: SessionStore, **fields: Any) -> Session:
    """Create and write a session from its fields; the id comes from title, time and kind."""
    from facilitator.session.model import Session, new_session_id

    session_id = new_session_id(
        fields["agenda"].title, fields["created"], fields.get("rehearsal") is not None
    )
    return store.create(Session(id=session_id, **fields))
