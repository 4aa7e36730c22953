"""The state of a session now, as `facilitator status` reports it: read from its file only,
so that it works beside a running host console and takes no lock.

`DayStatus` holds the day's state at one moment and the re-plan `r` would propose then;
`status_data` is the JSON form that docs/status.md describes (format 1).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from facilitator.i18n.rounding import whole_minutes
from facilitator.session.model import Session
from facilitator.timing.clock import Clock
from facilitator.timing.replan import Proposal, propose
from facilitator.timing.timeline import DayState, Phase, SlotState

STATUS_FORMAT = 1
"""The version of the JSON form; a change that breaks a reader raises it."""


@dataclass(frozen=True)
class DayStatus:
    """A session's day at `now` (the virtual time of a rehearsal)."""

    session: Session
    state: DayState
    proposal: Proposal | None
    """The re-plan `r` would propose now; None when the console would not offer one."""

    @property
    def now(self) -> datetime:
        """The moment the status is for."""
        return self.state.now


def day_status(session: Session, base: Clock) -> DayStatus:
    """The status of `session` now, by `base` (or the rehearsal's clock that it drives)."""
    timeline = session.timeline()
    now = session.clock(base).now()
    state = timeline.state(now)
    proposal = propose(timeline, now) if state.replan_helps else None
    return DayStatus(session, state, proposal)


def slot_end(state: DayState, slot: SlotState) -> datetime | None:
    """When a slot ended or is expected to end: a done slot when it was left (None when it
    was skipped), the others their expected start plus the time they have left."""
    if slot.phase is Phase.DONE:
        return slot.actual_end
    start = (
        state.now if slot.index == state.current and slot.actual_start else (slot.expected_start)
    )
    return start + timedelta(seconds=max(slot.remaining, 0.0))


def _moment(moment: datetime | None) -> str | None:
    """Local time with its offset, to the nearest second."""
    if moment is None:
        return None
    return (
        (moment + timedelta(microseconds=500_000))
        .replace(microsecond=0)
        .astimezone()
        .isoformat(timespec="seconds")
    )


def _seconds(seconds: float) -> int:
    """Whole seconds, halves up, as the countdown rounds them."""
    return math.floor(seconds + 0.5)


def status_data(status: DayStatus) -> dict[str, Any]:
    """The status as JSON-ready data (docs/status.md)."""
    session, state = status.session, status.state
    agenda = session.agenda
    current = state.current_slot
    return {
        "format": STATUS_FORMAT,
        "session": {
            "id": session.id,
            "title": agenda.title,
            "day": session.day.isoformat(),
            "rehearsal": {"speed": session.rehearsal.speed} if session.rehearsal else None,
        },
        "now": _moment(state.now),
        "started": state.started,
        "finished": state.finished,
        "offset_seconds": _seconds(state.offset),
        "offset_minutes": whole_minutes(state.offset),
        "relative": state.relative,
        "expected_end": _moment(state.expected_end),
        "current": {
            "number": current.index + 1,
            "title": agenda.slots[current.index].title,
            "phase": Phase.DONE.value if state.finished else current.phase.value,
            "remaining_seconds": current.display_seconds,
            "elapsed_seconds": _seconds(current.elapsed),
            "length_seconds": _seconds(current.planned_duration + current.adjustment),
        },
        "slots": [_slot(status, slot) for slot in state.slots],
        "fixed": [
            {
                "number": risk.index + 1,
                "title": agenda.slots[risk.index].title,
                "planned_start": _moment(state.slots[risk.index].planned_start),
                "expected_start": _moment(state.slots[risk.index].expected_start),
                "held": risk.held,
                "late_seconds": _seconds(risk.seconds),
                "late_minutes": whole_minutes(risk.seconds),
            }
            for risk in ([] if state.finished else state.fixed_risks)
        ],
        "replan": _replan(status),
    }


def _slot(status: DayStatus, slot: SlotState) -> dict[str, Any]:
    state, agenda_slot = status.state, status.session.agenda.slots[slot.index]
    return {
        "number": slot.index + 1,
        "title": agenda_slot.title,
        "kind": agenda_slot.kind.value,
        "fixed": agenda_slot.fixed,
        "phase": Phase.DONE.value if state.finished else slot.phase.value,
        "planned_start": _moment(slot.planned_start),
        "planned_seconds": slot.agenda_duration,
        "length_seconds": slot.planned_duration,
        "adjustment_seconds": _seconds(slot.adjustment),
        "expected_start": _moment(slot.expected_start),
        "expected_end": _moment(slot_end(state, slot)),
        "actual_start": _moment(slot.actual_start),
        "actual_end": _moment(slot.actual_end),
    }


def _replan(status: DayStatus) -> dict[str, Any] | None:
    proposal = status.proposal
    if proposal is None:
        return None
    need, agenda = proposal.need, status.session.agenda
    target = (
        None
        if need.target is None
        else {"number": need.target + 1, "title": agenda.slots[need.target].title}
    )
    return {
        "target": target,
        "target_planned": _moment(proposal.target_planned),
        "target_expected": _moment(proposal.target_expected),
        "late_seconds": _seconds(need.seconds),
        "late_minutes": whole_minutes(need.seconds),
        "cut_seconds": proposal.cut,
        "unsaved_seconds": _seconds(proposal.unsaved),
        "expected_end": _moment(proposal.expected_end),
        "slots": [
            {
                "number": slot.index + 1,
                "title": agenda.slots[slot.index].title,
                "length_seconds": slot.planned,
                "new_seconds": slot.proposed,
                "shortest_seconds": slot.shortest,
                "may_change": slot.movable,
                "expected_start": _moment(slot.expected_start),
                "expected_end": _moment(slot.expected_end),
            }
            for slot in proposal.slots
        ],
    }
