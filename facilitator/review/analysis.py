"""A session looked back on: planned against actual per slot, where the delay came from,
and averages over many days for planning the next one."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from facilitator.agenda.model import SlotKind
from facilitator.notes.model import Note
from facilitator.review.recurring import RecurringSlot, noticeable, recurring_runs
from facilitator.session.model import Session
from facilitator.timing.report_back import Round, end
from facilitator.timing.timeline import Replanned


@dataclass(frozen=True)
class SlotReview:
    """One slot, planned against actual."""

    index: int
    title: str
    kind: SlotKind
    planned_start: datetime
    planned_duration: int
    """The agenda's length: over and under are measured against the plan as printed."""
    actual_start: datetime | None
    actual_duration: float | None
    """Wall time spent in the slot, pauses included; None if it never ran."""
    delay_after: float | None
    """How far behind the plan (positive) or ahead the day was when the slot ended."""
    replanned: int | None = None
    """The planned length a re-plan gave it (the last one), when one changed it."""
    reported: tuple[int, ...] | None = None
    """The tables that reported in its report-back round, in order; None without one."""
    not_reported: tuple[int, ...] = ()
    """The tables of its report-back round that did not report (skipped or never called)."""

    @property
    def over(self) -> float | None:
        """Seconds over (positive) or under the planned duration, pauses included (unlike
        the timeline's `SlotState.overrun`); None if it never ran."""
        if self.actual_duration is None:
            return None
        return self.actual_duration - self.planned_duration

    @property
    def skipped(self) -> bool:
        """Whether the slot never ran."""
        return self.actual_start is None


@dataclass(frozen=True)
class SessionReview:
    """A whole session: its slots, its start and end, its notes."""

    session: Session
    slots: tuple[SlotReview, ...]
    started: datetime | None
    ended: datetime | None
    planned_end: datetime
    finished: bool
    notes: tuple[Note, ...] = field(default=())
    replans: tuple[Replanned, ...] = field(default=())
    """Every re-plan applied (and not undone): when, during which slot, what it changed."""

    @property
    def over(self) -> float | None:
        """Seconds the day ended after (positive) or before its planned end."""
        return None if self.ended is None else (self.ended - self.planned_end).total_seconds()

    @property
    def delay_sources(self) -> list[SlotReview]:
        """Slots that ran noticeably over, most over first."""
        over = [slot for slot in self.slots if noticeable(slot.over) > 0]
        return sorted(over, key=lambda slot: -(slot.over or 0))

    @property
    def absorbers(self) -> list[SlotReview]:
        """Slots that ran noticeably short and so took up delay, shortest first."""
        under = [slot for slot in self.slots if noticeable(slot.over) < 0]
        return sorted(under, key=lambda slot: slot.over or 0)


def review_session(session: Session, notes: Iterable[Note] = ()) -> SessionReview:
    """Planned against actual for every slot, as the log gives it.

    An unfinished session is reviewed as it stood at its last action, so looking at it
    later does not make its last slot grow.
    """
    timeline = session.timeline()
    log = timeline.log
    end_of_log = log.finished_at or (session.events[-1].at if session.events else None)
    moment = end_of_log or timeline.planned_start(0)
    state = timeline.state(moment)
    # Each slot's stays: from entering it to leaving it, so a pause (even one the host
    # left the slot in) is time in that slot and every moment of the day is in one slot.
    segments = timeline.stays(moment)
    all_segments = [(i, seg) for i, segs in enumerate(segments) for seg in segs]
    slots = []
    for slot_state, agenda_slot in zip(state.slots, session.agenda.slots, strict=True):
        own = segments[slot_state.index]
        duration = sum((end - start).total_seconds() for start, end in own) if own else None
        end = own[-1][1] if own else None
        planned = slot_state.agenda_duration
        planned_end = slot_state.planned_start + timedelta(seconds=planned)
        slots.append(
            SlotReview(
                index=slot_state.index,
                title=agenda_slot.title,
                kind=agenda_slot.kind,
                planned_start=slot_state.planned_start,
                planned_duration=planned,
                actual_start=own[0][0] if own else None,
                actual_duration=duration,
                delay_after=(end - planned_end).total_seconds() if end else None,
                replanned=slot_state.planned_duration
                if slot_state.replanned_from is not None
                else None,
                **_round_of(log.rounds[slot_state.index]),
            )
        )
    starts = [seg[0] for _, seg in all_segments]
    last = state.slots[-1]
    return SessionReview(
        session=session,
        slots=tuple(slots),
        started=min(starts) if starts else None,
        ended=log.finished_at or (max(seg[1] for _, seg in all_segments) if starts else None),
        planned_end=last.planned_start + timedelta(seconds=last.agenda_duration),
        finished=log.finished_at is not None,
        notes=tuple(notes),
        replans=log.replans,
    )


def _round_of(found: Round | None) -> dict[str, tuple[int, ...]]:
    """A slot's report-back round for its review: who reported and who did not."""
    if found is None:
        return {}
    done = end(found)  # a round still under way at the last action: that table reported
    return {"reported": done.reported, "not_reported": done.missing}


def recurring_slots(reviews: Iterable[SessionReview], min_days: int = 2) -> list[RecurringSlot]:
    """Slots that ran in at least `min_days` sessions, by title, most over first."""
    return recurring_runs(((review.session.id, review.slots) for review in reviews), min_days)
