"""The sessions folder as the organiser's list: one summary per session, readable or not."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from facilitator.notes.store import count_live_notes
from facilitator.review.analysis import SessionReview, review_session
from facilitator.session.model import Session
from facilitator.session.store import SessionStore


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
    review: SessionReview | None = None


def summarize(session: Session, path: Path, notes: int) -> SessionSummary:
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
        review=review,
    )


def index_sessions(store: SessionStore) -> list[SessionSummary]:
    """Every session folder, newest first; one that cannot be read carries its reason."""
    summaries = []
    for entry in store.entries():
        if entry.session is None:
            summaries.append(SessionSummary(id=entry.id, path=entry.path, error=entry.error))
            continue
        notes = count_live_notes(entry.path)
        summaries.append(summarize(entry.session, entry.path, notes))
    return summaries
