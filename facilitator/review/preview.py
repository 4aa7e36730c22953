"""What the review shows of a session before the session is validated: its heading and
each slot's plan (title and planned length), read from the TOML alone. The planned start
is left to the models: the session's time zone and the day's actual start can move it.

A session named on the command line is drawn from this while pydantic builds the models
and the log is replayed for what actually happened, which fills in a moment later. The
preview is never trusted: the session is then read as always, and a file the models refuse
is reported as always (the console closes with the message and exit status 2). Anything
unusual gives no preview, and the review starts without a first frame.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from facilitator.agenda.durations import FIRST_DAY, LAST_DAY
from facilitator.agenda.preview import DAY_SECONDS, planned_length, title_text
from facilitator.session.place import session_data


@dataclass(frozen=True)
class PlannedSlot:
    """One slot as the agenda planned it."""

    title: str
    seconds: int
    """Its planned length, by the rule of Agenda.duration_of."""


@dataclass(frozen=True)
class SessionPreview:
    """A session's heading and its slots as planned."""

    id: str
    title: str
    day: date
    rehearsal: bool
    slots: tuple[PlannedSlot, ...]


def preview_session(folder: Path) -> SessionPreview | None:
    """The preview of the session in `folder`, or None (see the module)."""
    data = session_data(folder)
    try:
        return _preview(data, folder.name) if data is not None else None
    except (ValueError, TypeError):
        return None


def _preview(data: dict[str, object], folder_name: str) -> SessionPreview | None:
    agenda, day = data.get("agenda"), data.get("day")
    if type(day) is not date or not isinstance(agenda, dict):  # a day, not a moment
        return None
    if not FIRST_DAY <= day <= LAST_DAY:  # the models refuse it, and say why
        return None
    title, slots = title_text(agenda.get("title")), agenda.get("slot")
    if not title or not isinstance(slots, list) or not slots:
        return None
    planned = [_slot(slots, index, agenda.get("end")) for index in range(len(slots))]
    if any(slot is None for slot in planned):
        return None
    return SessionPreview(
        folder_name,
        title,
        day,
        data.get("rehearsal") is not None,
        tuple(slot for slot in planned if slot is not None),
    )


def _slot(slots: list[object], index: int, end: object) -> PlannedSlot | None:
    slot = slots[index]
    if not isinstance(slot, dict):
        return None
    title = title_text(slot.get("title"))
    seconds = planned_length(slots, index, end)
    if not title or not title.strip() or seconds is None or not 0 < seconds <= DAY_SECONDS:
        return None
    return PlannedSlot(title.strip(), seconds)
