"""The sessions folder as the organiser's list: one summary per session, readable or not,
kept in the review index so that only the sessions that changed are read again."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import Any, NamedTuple

from facilitator.agenda.model import SlotKind
from facilitator.errors import SessionError
from facilitator.notes.store import count_live_notes, notes_file_paths
from facilitator.review.analysis import review_session
from facilitator.session.index import SessionIndex, Signature, folder_names, folder_signature
from facilitator.session.model import Session
from facilitator.session.store import SESSION_FILE, SessionStore


class SlotOver(NamedTuple):
    """How far one slot of a session ran over its plan, for the slots that recur."""

    title: str
    kind: SlotKind
    over: float | None


_KINDS = {kind.value: kind for kind in SlotKind}


@dataclass(frozen=True)
class SessionSummary:
    """One line of the list: what a session was and how it went, or why it cannot be read."""

    id: str
    path: Path
    title: str = ""
    day: date | None = None
    rehearsal: bool = False
    slots: int = 0
    notes: int = 0
    started: datetime | None = None
    ended: datetime | None = None
    over: float | None = None
    finished: bool = False
    error: str | None = None
    slot_facts: tuple[tuple[str, str, float | None], ...] = ()
    """Each slot's title, kind and seconds over, as the index keeps them (see slot_overs)."""
    modified: int = 0
    """When session.toml was last written, in nanoseconds: the list is newest first."""

    @property
    def slot_overs(self) -> tuple[SlotOver, ...]:
        """How far each slot ran over; made when asked (the slots that recur, after the
        list is on screen), not for every session at every listing."""
        return tuple(SlotOver(title, _KINDS[kind], over) for title, kind, over in self.slot_facts)


def summarize(session: Session, path: Path, notes: int, modified: int = 0) -> SessionSummary:
    """The summary of a readable session with `notes` live notes."""
    review = review_session(session)
    return SessionSummary(
        id=session.id,
        path=path,
        title=session.agenda.title,
        day=session.day,
        rehearsal=session.is_rehearsal,
        slots=len(session.agenda.slots),
        notes=notes,
        started=review.started,
        ended=review.ended,
        over=review.over if review.finished else None,
        finished=review.finished,
        slot_facts=tuple((s.title, s.kind.value, s.over) for s in review.slots),
        modified=modified,
    )


def _facts(summary: SessionSummary) -> dict[str, Any]:
    """A summary as JSON data for the index."""
    return {
        "title": summary.title,
        "day": summary.day.isoformat() if summary.day else None,
        "rehearsal": summary.rehearsal,
        "slots": summary.slots,
        "notes": summary.notes,
        "started": summary.started.isoformat() if summary.started else None,
        "ended": summary.ended.isoformat() if summary.ended else None,
        "over": summary.over,
        "finished": summary.finished,
        "slot_overs": [list(slot) for slot in summary.slot_facts],
    }


def _from_facts(name: str, path: Path, facts: dict[str, Any], modified: int) -> SessionSummary:
    """A summary from the index; KeyError, TypeError or ValueError if it is not one."""
    return SessionSummary(
        id=name,
        path=path,
        title=str(facts["title"]),
        day=date.fromisoformat(facts["day"]) if facts["day"] else None,
        rehearsal=bool(facts["rehearsal"]),
        slots=int(facts["slots"]),
        notes=int(facts["notes"]),
        started=datetime.fromisoformat(facts["started"]) if facts["started"] else None,
        ended=datetime.fromisoformat(facts["ended"]) if facts["ended"] else None,
        over=None if facts["over"] is None else float(facts["over"]),
        finished=bool(facts["finished"]),
        slot_facts=_slot_facts(facts["slot_overs"]),
        modified=modified,
    )


def _slot_facts(items: list[Any]) -> tuple[tuple[str, str, float | None], ...]:
    """Slot facts from the index, checked as far as they are used; ValueError if not."""
    facts = tuple((str(title), str(kind), over) for title, kind, over in items)
    if any(
        kind not in _KINDS or not isinstance(over, (int, float, type(None)))
        for _, kind, over in facts
    ):
        raise ValueError("slot facts")
    return facts


def index_sessions(store: SessionStore) -> list[SessionSummary]:
    """Every session folder, newest first; one that cannot be read carries its reason.

    A folder whose session.toml and notes files are as the review index last saw them is
    not read (session/index.py); any other is read, and the index updated.
    """
    index = SessionIndex(store.root, "review")
    summaries = []
    for name in folder_names(store.root):
        path = store.root / name
        signature = folder_signature(
            path,
            index.signature(name),
            partial(_files_of, path),
        )
        modified = signature[1][2] if len(signature) > 1 and len(signature[1]) > 1 else 0
        summary = _indexed(index, name, path, signature, modified)
        if summary is None:
            summary = _read(store, name, path, modified)
            if summary.error is None:  # an error is said in the language in use: read anew
                index.put(name, signature, _facts(summary))
        summaries.append(summary)
    index.save()
    return sorted(summaries, key=lambda s: (s.modified, s.id), reverse=True)


def _files_of(folder: Path) -> list[str]:
    """The files a summary is made from: session.toml and every notes file."""
    return [SESSION_FILE, *(path.name for path in notes_file_paths(folder))]


def _indexed(
    index: SessionIndex, name: str, path: Path, signature: Signature, modified: int
) -> SessionSummary | None:
    facts = index.lookup(name, signature)
    if facts is None:
        return None
    try:
        return _from_facts(name, path, facts, modified)
    except (KeyError, TypeError, ValueError):
        return None


def _read(store: SessionStore, name: str, path: Path, modified: int) -> SessionSummary:
    try:
        session = store.load(name)
    except SessionError as problem:
        return SessionSummary(id=name, path=path, error=str(problem), modified=modified)
    return summarize(session, path, count_live_notes(path), modified)
