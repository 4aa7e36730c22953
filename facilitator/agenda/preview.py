"""What the host console shows of an agenda before the agenda is validated: the day's
title and its first slot, read from the TOML alone.

The host's first frame is drawn from this while pydantic builds the models, which takes
longer than the rest of the start-up together. It is never trusted: the agenda is then
validated as always, and a file the models refuse is reported as always (the console
closes with the message and exit status 2). Anything unusual here, a value of another type
or a length it cannot tell, gives no preview, and the console starts without a first frame.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from facilitator.agenda.durations import parse_clock, parse_duration, seconds_of_day
from facilitator.agenda.kinds import SlotKind
from facilitator.clean import clean_text
from facilitator.files import peek_toml

DAY_SECONDS = 24 * 3600
"""The longest slot a preview shows; a longer one is for the models to refuse."""
KINDS = frozenset(kind.value for kind in SlotKind)
"""The slot kinds the models know."""


@dataclass(frozen=True)
class SlotPreview:
    """One slot as the host's panel names it."""

    title: str
    kind: str
    speakers: tuple[str, ...]
    seconds: int
    """Its planned length."""


@dataclass(frozen=True)
class AgendaPreview:
    """The day's title, its language, how many slots it has, and its first slot."""

    title: str
    language: str | None
    slot_count: int
    first: SlotPreview


def preview_agenda(path: Path) -> AgendaPreview | None:
    """The preview of the agenda file at `path`, or None when it cannot be read or has
    anything this reading does not follow."""
    data = peek_toml(path)
    try:
        return _preview(data) if data is not None else None
    except (ValueError, TypeError):
        return None


def _preview(data: dict[str, object]) -> AgendaPreview | None:
    slots = data.get("slot")
    title = title_text(data.get("title"))  # kept as written, as the model keeps it
    language = data.get("language")
    if not isinstance(slots, list) or not slots or not title or language not in (None, "da", "en"):
        return None
    first = _slot(slots[0], planned_length(slots, 0, data.get("end")))
    return AgendaPreview(title, language, len(slots), first) if first else None


def _slot(data: object, seconds: int | None) -> SlotPreview | None:
    if not isinstance(data, dict) or seconds is None or not 0 < seconds <= DAY_SECONDS:
        return None
    title = title_text(data.get("title"))
    title = title.strip() if title else None  # a slot's title is stripped by the model
    kind = data.get("kind", "other")
    speakers = data.get("speakers", [])
    if not title or kind not in KINDS or not isinstance(speakers, list):
        return None
    if not all(isinstance(name, str) for name in speakers):
        return None
    names = tuple(clean_text(name) for name in speakers)
    return SlotPreview(title, str(kind), names, seconds)


def planned_length(slots: list[object], index: int, end: object) -> int | None:
    """The planned length of slot `index`, by the rule of Agenda.duration_of: its own
    `duration`, else until the next slot's start (the day's `end` for the last)."""
    slot = slots[index]
    if not isinstance(slot, dict) or "start" not in slot:
        return None
    if slot.get("duration") is not None:
        return parse_duration(slot["duration"])
    following = slots[index + 1] if index + 1 < len(slots) else None
    until = following.get("start") if isinstance(following, dict) else end
    if until is None:
        return None
    return seconds_of_day(parse_clock(until)) - seconds_of_day(parse_clock(slot["start"]))


def title_text(value: object) -> str | None:
    """A title as the models read it: cleaned; None for anything else or a blank one
    (a slot's title is stripped besides)."""
    if not isinstance(value, str) or not clean_text(value).strip():
        return None
    return clean_text(value)
