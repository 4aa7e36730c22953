"""The agenda of a day: pydantic models, and `load_agenda` whose errors name file, slot, field."""

from __future__ import annotations

import datetime as dt
import difflib
import math
from datetime import time
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    ValidationError,
    field_validator,
    model_validator,
)

from facilitator.agenda.durations import format_clock, format_duration, parse_clock, parse_duration
from facilitator.clean import CleanText
from facilitator.errors import AgendaError, one_line
from facilitator.files import read_toml
from facilitator.i18n import t

ClockTime = Annotated[time, BeforeValidator(parse_clock), PlainSerializer(format_clock)]
"""A time of day: "08:45", "8.45" or a TOML local time; written back as "08:45"."""

Seconds = Annotated[int, BeforeValidator(parse_duration), PlainSerializer(format_duration)]
"""A positive duration: "90s", "5m", "1h30m"; held as whole seconds."""

DEFAULT_WARNING = 120
DEFAULT_TABLES = 8

FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date(8999, 12, 31)
"""The days the program works with: far enough from the years 1 and 9999, where Python's
datetime ends, that no sum of a day's times and offsets can overflow."""


class SlotKind(StrEnum):
    """What happens in a slot; decides its colour, and whether notes are taken in it."""

    WELCOME = "welcome"
    TALK = "talk"
    CASE = "case"
    DIALOGUE = "dialogue"
    SUMMARY = "summary"
    BREAK = "break"
    MEAL = "meal"
    ELECTION = "election"
    OTHER = "other"


SHORTEST_SHARE: dict[SlotKind, float] = {
    SlotKind.WELCOME: 0.4,
    SlotKind.TALK: 0.75,
    SlotKind.CASE: 0.75,
    SlotKind.DIALOGUE: 0.5,
    SlotKind.SUMMARY: 0.5,
    SlotKind.BREAK: 0.75,
    SlotKind.MEAL: 1.0,
    SlotKind.ELECTION: 1.0,
    SlotKind.OTHER: 0.5,
}
"""The share of its planned length a slot without `min` keeps in a re-plan, by kind (the
one table of these defaults; docs/timing.md explains it). A share of 1 keeps it whole."""


class Slot(BaseModel):
    """One item of the programme, from its start to the next item's start."""

    model_config = ConfigDict(defer_build=True, extra="forbid", frozen=True)

    start: ClockTime
    """When the slot is planned to start."""
    title: CleanText = Field(min_length=1)
    """What the programme calls it."""
    speakers: list[CleanText] = Field(default_factory=list)
    """Who speaks or leads it, in programme order."""
    kind: SlotKind = SlotKind.OTHER
    """What happens in it."""
    duration: Seconds | None = None
    """How long it lasts; absent means until the next slot (or the agenda's end)."""
    warning: Seconds | None = None
    """Remaining time at which the countdown warns; absent means the agenda's default."""
    questions: list[CleanText] = Field(default_factory=list)
    """The printed questions of a table dialogue."""
    tables: int | None = Field(default=None, ge=1, le=500)
    """How many tables report in this slot; absent means the agenda's default."""
    fixed: bool = False
    """A hard start (lunch, a bus): overruns before it must not move it."""
    min: Seconds | None = None
    """The shortest a re-plan may make this slot; absent means its kind's default."""
    keep: bool = False
    """A re-plan never changes this slot's length."""
    approx: bool = False
    """The programme gives the start as "ca." (about)."""
    note: CleanText | None = None
    """The host's own note; never shown on stage."""

    @field_validator("title")
    @classmethod
    def _title_has_text(cls, value: str) -> str:
        if not value.strip():
            raise ValueError(t("agenda.title_empty"))
        return value.strip()


class Agenda(BaseModel):
    """A whole day: its title and details, and its slots in order of start."""

    model_config = ConfigDict(defer_build=True, extra="forbid", frozen=True, populate_by_name=True)

    title: CleanText = Field(min_length=1)
    """The day's name, shown in the header and on reports."""
    date: dt.date | None = None
    """The day's date; absent means the day the session is held."""
    venue: CleanText | None = None
    """Where it is held."""
    language: Literal["da", "en"] | None = None
    """The language of the console for this day."""
    timezone: CleanText | None = None
    """The venue's IANA time zone ("Europe/Copenhagen") for calendar exports."""
    end: ClockTime | None = None
    """When the last slot ends, unless the last slot has a duration."""
    warning: Seconds = DEFAULT_WARNING
    """The default warning threshold of every slot."""
    tables: int = Field(default=DEFAULT_TABLES, ge=1, le=500)
    """The default number of tables that report in a dialogue."""
    stopwords: list[CleanText] = Field(default_factory=list)
    """Extra words the word cloud leaves out, on top of the shipped lists."""
    slots: list[Slot] = Field(alias="slot", min_length=1)
    """The programme, in order of start."""

    @field_validator("date")
    @classmethod
    def _a_day_in_range(cls, value: dt.date | None) -> dt.date | None:
        if value is not None and not FIRST_DAY <= value <= LAST_DAY:
            raise ValueError(t("time.day_range", value=value, first=FIRST_DAY, last=LAST_DAY))
        return value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(t("agenda.timezone", value=value)) from None
        return value

    @model_validator(mode="after")
    def _check_day(self) -> Agenda:
        problems = list(_order_problems(self))
        if problems:
            raise ValueError("\n".join(problems))
        return self

    def duration_of(self, index: int) -> int:
        """The planned length of slot `index` in seconds."""
        slot = self.slots[index]
        if slot.duration is not None:
            return slot.duration
        following = self.slots[index + 1].start if index + 1 < len(self.slots) else self.end
        assert following is not None, "validated: the last slot has an end"
        return _seconds_of_day(following) - _seconds_of_day(slot.start)

    def kept(self, index: int) -> bool:
        """Whether a re-plan leaves slot `index` as it is: `keep = true`, or without a `min`
        a fixed slot or a kind whose default share is the whole slot (a meal, an election)."""
        slot = self.slots[index]
        if slot.keep:
            return True
        return slot.min is None and (slot.fixed or SHORTEST_SHARE[slot.kind] >= 1)

    def shortest_of(self, index: int) -> int:
        """The shortest slot `index` may become in a re-plan, in seconds: its `min`; its
        whole length when kept; else its kind's share of it, up to a whole minute."""
        length = self.duration_of(index)
        slot = self.slots[index]
        if slot.min is not None and not slot.keep:
            return slot.min
        if self.kept(index):
            return length
        return min(length, math.ceil(length * SHORTEST_SHARE[slot.kind] / 60) * 60)

    def warning_of(self, index: int) -> int:
        """The warning threshold of slot `index` in seconds."""
        own = self.slots[index].warning
        return own if own is not None else self.warning

    def tables_of(self, index: int) -> int:
        """How many tables report in slot `index`."""
        own = self.slots[index].tables
        return own if own is not None else self.tables

    def latest_dialogue(self, upto: int) -> int | None:
        """The last dialogue slot at or before slot `upto`, else the day's first dialogue:
        the one whose notes a round-up or a note-taker is about."""
        dialogues = [i for i, slot in enumerate(self.slots) if slot.kind is SlotKind.DIALOGUE]
        earlier = [i for i in dialogues if i <= upto]
        return earlier[-1] if earlier else (dialogues[0] if dialogues else None)

    def to_toml_data(self) -> dict[str, Any]:
        """The agenda as TOML-ready data that `Agenda.model_validate` reads back."""
        return self.model_dump(by_alias=True, exclude_none=True, exclude_defaults=True)


def slot_label(index: int, slot: Slot | dict[str, Any] | None) -> str:
    """'slot 3 "Dialog ved bordene"': how every message names a slot (numbered from 1)."""
    title = slot.title if isinstance(slot, Slot) else (slot or {}).get("title")
    if isinstance(title, str) and title.strip():
        return t("agenda.slot_label", number=index + 1, title=title.strip())
    return t("agenda.slot_number", number=index + 1)


def _seconds_of_day(value: time) -> int:
    return value.hour * 3600 + value.minute * 60 + value.second


def _order_problems(agenda: Agenda) -> list[str]:
    """Problems that involve more than one slot: order, overlaps and the day's end."""
    problems = []
    slots = agenda.slots
    for index in range(1, len(slots)):
        before, slot = slots[index - 1], slots[index]
        if slot.start <= before.start:
            problems.append(
                t(
                    "agenda.start_order",
                    slot=slot_label(index, slot),
                    start=format_clock(slot.start),
                    before=format_clock(before.start),
                    before_slot=slot_label(index - 1, before),
                )
            )
        elif before.duration is not None and (
            _seconds_of_day(before.start) + before.duration > _seconds_of_day(slot.start)
        ):
            problems.append(
                t(
                    "agenda.overlap",
                    slot=slot_label(index - 1, before),
                    duration=format_duration(before.duration),
                    next_start=format_clock(slot.start),
                )
            )
    problems += _shortest_problems(agenda)
    last_index = len(slots) - 1
    last = slots[last_index]
    if last.duration is None and agenda.end is None:
        problems.append(t("agenda.last_needs_end", slot=slot_label(last_index, last)))
    elif last.duration is None and agenda.end is not None and agenda.end <= last.start:
        problems.append(
            t(
                "agenda.end_before_last",
                end=format_clock(agenda.end),
                start=format_clock(last.start),
                slot=slot_label(last_index, last),
            )
        )
    elif last.duration is not None and _seconds_of_day(last.start) + last.duration > 86400:
        problems.append(t("agenda.past_midnight", slot=slot_label(last_index, last)))
    return problems


def _shortest_problems(agenda: Agenda) -> list[str]:
    """A `min` longer than its slot, or given together with `keep = true`."""
    problems = []
    for index, slot in enumerate(agenda.slots):
        if slot.min is None:
            continue
        if slot.keep:
            problems.append(t("agenda.min_and_keep", slot=slot_label(index, slot)))
            continue
        if not _has_length(agenda, index):
            continue  # the missing end or the overlap is reported on its own
        length = agenda.duration_of(index)
        if slot.min > length:
            problems.append(
                t(
                    "agenda.min_too_long",
                    slot=slot_label(index, slot),
                    min=format_duration(slot.min),
                    length=format_duration(length),
                )
            )
    return problems


def _has_length(agenda: Agenda, index: int) -> bool:
    """Whether slot `index` has a positive length to compare with (the order is valid)."""
    slots = agenda.slots
    if slots[index].duration is not None:
        return True
    if index + 1 < len(slots):
        return slots[index + 1].start > slots[index].start
    return agenda.end is not None and agenda.end > slots[index].start


def load_agenda(path: Path | str) -> Agenda:
    """Read and validate an agenda file; raise AgendaError with a message a user can act on."""
    path = Path(path)
    data = read_toml(path, AgendaError, what=t("what.agenda"))
    return parse_agenda(data, source=str(path))


def parse_agenda(data: dict[str, Any], source: str) -> Agenda:
    """Validate TOML data as an agenda; `source` names the file in every message."""
    try:
        return Agenda.model_validate(data)
    except ValidationError as error:
        lines = [one_line(_describe(item, data)) for item in error.errors()]
        raise AgendaError("\n".join(f"{source}: {line}" for line in lines)) from None


_FIELD_HINTS = {
    "kind": "hint.kind",
    "questions": "hint.questions",
    "speakers": "hint.speakers",
    "language": "hint.language",
    "date": "hint.date",
    "tables": "hint.tables",
    "fixed": "hint.bool",
    "approx": "hint.bool",
    "title": "hint.title",
    "keep": "hint.bool",
}
"""The catalogue key of what each field expects, for messages about a wrong value."""


def _describe(item: Any, data: dict[str, Any]) -> str:
    """One pydantic error as 'slot 3 "Title": 'field': what is wrong and what is expected'."""
    loc = list(item["loc"])
    where = ""
    if len(loc) >= 2 and loc[0] == "slot" and isinstance(loc[1], int):
        slots = data.get("slot")
        raw = slots[loc[1]] if isinstance(slots, list) and loc[1] < len(slots) else None
        where = slot_label(loc[1], raw if isinstance(raw, dict) else None) + ": "
        loc = loc[2:]
    field = str(loc[0]) if loc else ""
    kind = item["type"]
    if kind == "extra_forbidden":
        known = Slot.model_fields if where else {**Agenda.model_fields, "slot": None}
        names = sorted(name for name in known if name != "slots")
        close = difflib.get_close_matches(field, names, n=1)
        hint = t("agenda.did_you_mean", name=close[0]) if close else ""
        return t("agenda.unknown_key", where=where, field=field, hint=hint, names=", ".join(names))
    if kind == "missing":
        if field == "slot":
            return t("agenda.no_slots")
        if where:
            return t("agenda.missing_slot", where=where, field=field)
        return t("agenda.missing_agenda", field=field)
    if not field and not where:
        return str(item["msg"]).removeprefix("Value error, ")
    message = str(item["msg"]).removeprefix("Value error, ")
    if field in _FIELD_HINTS and kind not in ("value_error",):
        kinds = ", ".join(kind.value for kind in SlotKind)
        message = t(
            "agenda.expected", hint=t(_FIELD_HINTS[field], kinds=kinds), value=item.get("input")
        )
    if field == "slot" and kind in ("too_short", "list_type"):
        return t("agenda.no_slots")
    return t("agenda.field", where=where, field=field, message=message)
