"""The sessions folder as the organiser's list: one summary per session, readable or not,
kept in the review index so that only the sessions that changed are read again.

Two indexes (session/index.py): `review`, the line of each session, read before the list
paints; and `review-slots`, how far each slot ran over, read after it for the slots that
recur. A warm index lists a folder without pydantic: the session model, the notes reader
and the analysis are loaded only when a session has to be read.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from facilitator.agenda.durations import FIRST_DAY, LAST_DAY
from facilitator.agenda.kinds import SlotKind
from facilitator.errors import SessionError
from facilitator.notes.folder import notes_file_paths
from facilitator.session.index import SessionIndex, Signature, folder_names, folder_signature
from facilitator.session.store import SESSION_FILE, SessionStore

if TYPE_CHECKING:
    from facilitator.session.model import Session

SlotFacts = tuple[tuple[str, str, float | None], ...]
"""Each slot's title, kind and seconds over (None if it never ran), as the index keeps them."""


class SlotOver(NamedTuple):
    """How far one slot of a session ran over its plan, for the slots that recur."""

    title: str
    kind: SlotKind
    over: float | None


_KINDS = {kind.value: kind for kind in SlotKind}


@dataclass(slots=True)
class SessionSummary:
    """One line of the list: what a session was and how it went, or why it cannot be read.
    Not frozen, so that making thousands of them from the index costs less; not changed
    once made."""

    id: str
    title: str = ""
    day: date | None = None
    rehearsal: bool = False
    slots: int = 0
    notes: int = 0
    started: datetime | None = None
    ended: datetime | None = None
    over: float | None = None
    finished: bool = False
    language: str | None = None
    """The language the session's agenda asks for, if any."""
    error: str | None = None
    modified: int = 0
    """When session.toml was last written, in nanoseconds: the list is newest first."""
    signature: Signature = field(default="", compare=False, repr=False)
    """The files' signature when the summary was made: its slots are looked up by it."""
    slot_facts: SlotFacts | None = field(default=None, compare=False, repr=False)
    """The slots, when the session was read for this summary; else in `review-slots`."""


def summarize(session: Session, notes: int, modified: int = 0) -> SessionSummary:
    """The summary of a readable session with `notes` live notes."""
    from facilitator.review.analysis import review_session

    review = review_session(session)
    return SessionSummary(
        id=session.id,
        title=session.agenda.title,
        day=session.day,
        rehearsal=session.is_rehearsal,
        slots=len(session.agenda.slots),
        notes=notes,
        started=review.started,
        ended=review.ended,
        over=review.over if review.finished else None,
        finished=review.finished,
        language=session.agenda.language,
        modified=modified,
        slot_facts=tuple((s.title, s.kind.value, s.over) for s in review.slots),
    )


def _facts(summary: SessionSummary) -> list[Any]:
    """A summary as JSON data for the index: a list, which reads faster than a table."""
    return [
        summary.title,
        summary.day.isoformat() if summary.day else None,
        summary.rehearsal,
        summary.slots,
        summary.notes,
        summary.started.isoformat() if summary.started else None,
        summary.ended.isoformat() if summary.ended else None,
        summary.over,
        summary.finished,
        summary.language,
    ]


def _from_facts(name: str, facts: Any, modified: int, signature: Signature) -> SessionSummary:
    """A summary from the index; TypeError or ValueError if it is not one."""
    title, day, rehearsal, slots, notes, started, ended, over, finished, language = facts
    return SessionSummary(  # by position: a listing makes thousands
        name,
        str(title),
        _day(date.fromisoformat(day)) if day else None,
        bool(rehearsal),
        int(slots),
        int(notes),
        _moment(started) if started else None,
        _moment(ended) if ended else None,
        None if over is None else float(over),
        bool(finished),
        None if language is None else str(language),
        None,
        modified,
        signature,
    )


def _day(day: date) -> date:
    """A day from the index as the models would take it; ValueError if they would not
    (such a day would not show: its times overflow)."""
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValueError(day)
    return day


def _moment(text: str) -> datetime:
    """A moment from the index, its day checked as `_day` checks one."""
    moment = datetime.fromisoformat(text)
    _day(moment.date())
    return moment


def _slot_facts(items: list[Any]) -> SlotFacts:
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
    not read (session/index.py); any other is read, and both indexes updated, so that the
    slots that recur need no session read either.
    """
    index = SessionIndex(store.root, "review")
    root = os.fspath(store.root) + os.sep  # strings: a Path per folder costs more than its stat
    summaries, read = [], []
    for name in folder_names(store.root):
        signature, modified = folder_signature(root + name, index.signature(name), _files_of)
        modified = max(modified, 0)
        summary = _indexed(index, name, signature, modified)
        if summary is None:
            summary = _read(store, name, modified, signature)
            if summary.error is None:  # an error is said in the language in use: read anew
                index.put(name, signature, _facts(summary))
                read.append(summary)
        summaries.append(summary)
    index.save()
    if read:
        slots = SessionIndex(store.root, "review-slots")
        for summary in read:
            slots.put(
                summary.id, summary.signature, [list(item) for item in summary.slot_facts or ()]
            )
        slots.save(prune=False)
    return sorted(summaries, key=attrgetter("modified", "id"), reverse=True)


def newest_language(summaries: list[SessionSummary]) -> str | None:
    """The agenda language of the most recently written session that could be read (the
    console's language when none is asked for), or None."""
    readable = [summary for summary in summaries if summary.error is None]
    return max(readable, key=attrgetter("modified", "id")).language if readable else None


def slot_overs(
    store: SessionStore, summaries: list[SessionSummary]
) -> list[tuple[str, tuple[SlotOver, ...]]]:
    """How far each slot of each readable session ran over, by session id: from the
    summary when its session was read for it, else from the `review-slots` index, else
    (an index missing or stale) from the session, read again."""
    index = SessionIndex(store.root, "review-slots")
    found = []
    for summary in summaries:
        if summary.error is not None:
            continue
        facts, indexed = summary.slot_facts, False
        if facts is None:
            facts = _indexed_slots(index, summary)
            indexed = facts is not None
        if facts is None:
            try:
                facts = summarize(store.load(summary.id), 0).slot_facts or ()
            except SessionError:
                continue  # unreadable since it was listed: it has no slots to count
        if not indexed:
            index.put(summary.id, summary.signature, [list(item) for item in facts])
        found.append((summary.id, tuple(SlotOver(t, _KINDS[k], o) for t, k, o in facts)))
    index.save()
    return found


def _indexed_slots(index: SessionIndex, summary: SessionSummary) -> SlotFacts | None:
    facts = index.lookup(summary.id, summary.signature)
    if facts is None:
        return None
    try:
        return _slot_facts(facts)
    except (TypeError, ValueError):
        return None


def _files_of(folder: str) -> list[str]:
    """The files a summary is made from: session.toml and every notes file."""
    return [SESSION_FILE, *(path.name for path in notes_file_paths(Path(folder)))]


def _indexed(
    index: SessionIndex, name: str, signature: Signature, modified: int
) -> SessionSummary | None:
    facts = index.lookup(name, signature)
    if facts is None:
        return None
    try:
        return _from_facts(name, facts, modified, signature)
    except (TypeError, ValueError):
        return None


def _read(store: SessionStore, name: str, modified: int, signature: Signature) -> SessionSummary:
    from facilitator.notes.reader import count_live_notes

    try:
        session = store.load(name)
    except SessionError as problem:
        return SessionSummary(id=name, error=str(problem), modified=modified)
    summary = summarize(session, count_live_notes(store.folder(name)), modified)
    return replace(summary, signature=signature)
