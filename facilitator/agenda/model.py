"""The agenda of a day: pydantic models, and `load_agenda` whose errors name file, slot, field."""

from __future__ import annotations

import datetime as dt
import difflib
import math
from datetime import time
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

from facilitator.agenda.durations import (
    FIRST_DAY,
    LAST_DAY,
    format_clock,
    format_duration,
    parse_clock,
    parse_duration,
    seconds_of_day,
)
from facilitator.agenda.fields import CleanText
from facilitator.agenda.kinds import SlotKind
from facilitator.agenda.steps import Step, Template, describe_step_error
from facilitator.errors import AgendaError, one_line
from facilitator.files import read_toml
from facilitator.i18n import t

ClockTime = Annotated[time, BeforeValidator(parse_clock), PlainSerializer(format_clock)]
"""A time of day: "08:45", "8.45" or a TOML local time; written back as "08:45"."""

Seconds = Annotated[int, BeforeValidator(parse_duration), PlainSerializer(format_duration)]
"""A positive duration: "90s", "5m", "1h30m"; held as whole seconds."""

DEFAULT_WARNING = 120
DEFAULT_TABLES = 8
MAX_TABLES = 500
"""The most tables a slot or an agenda may have."""
MAX_PRESETS = 9
"""Preset stage messages an agenda may hold: the `m` dialog picks them by one digit."""
MESSAGE_LENGTH = 200
"""The longest message the stage shows."""


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

ROUND_KINDS = frozenset({SlotKind.DIALOGUE, SlotKind.SUMMARY})
"""The kinds of slot a report-back round runs in, and so may have a `report_back`."""


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
    tables: int | None = Field(default=None, ge=1, le=MAX_TABLES)
    """How many tables report in this slot; absent means the agenda's default."""
    report_back: Seconds | None = None
    """Each table's turn in a report-back round; absent means the time left split evenly."""
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
    phases: list[Step] = Field(default_factory=list)
    """Phases inside the slot, in order (agenda/steps.py: how they fill the slot)."""
    template: Template | None = None
    """A method whose phases the slot takes: "1-2-4-all" or "world-cafe"."""
    rounds: int | None = Field(default=None, ge=2, le=12)
    """World Café: how many rounds (3 when absent)."""
    round_length: Seconds | None = None
    """World Café: each round's length; absent: the rounds share the slot."""
    table_change: Seconds | None = None
    """World Café: the change of tables between rounds (2m when absent)."""

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
    tables: int = Field(default=DEFAULT_TABLES, ge=1, le=MAX_TABLES)
    """The default number of tables that report in a dialogue."""
    stopwords: list[CleanText] = Field(default_factory=list)
    """Extra words the word cloud leaves out, on top of the shipped lists."""
    messages: list[CleanText] = Field(default_factory=list)
    """Preset messages to the stage ("2 min tilbage – rund af"), picked by number in `m`."""
    slots: list[Slot] = Field(alias="slot", min_length=1)
    """The programme, in order of start."""

    @field_validator("date")
    @classmethod
    def _a_day_in_range(cls, value: dt.date | None) -> dt.date | None:
        if value is not None and not FIRST_DAY <= value <= LAST_DAY:
            raise ValueError(t("time.day_range", value=value, first=FIRST_DAY, last=LAST_DAY))
        return value

    @field_validator("messages")
    @classmethod
    def _presets_fit_the_stage(cls, value: list[str]) -> list[str]:
        if len(value) > MAX_PRESETS:
            raise ValueError(t("agenda.messages_many", count=len(value), most=MAX_PRESETS))
        for number, text in enumerate(value, start=1):
            if not text.strip():
                raise ValueError(t("agenda.message_empty", number=number))
            length = len(text.strip())
            if length > MESSAGE_LENGTH:
                raise ValueError(
                    t("agenda.message_long", number=number, length=length, most=MESSAGE_LENGTH)
                )
        return [text.strip() for text in value]

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
        from facilitator.agenda.day_checks import day_problems  # they read an Agenda

        problems = day_problems(self)
        if problems:  # one per line; a newline inside a title is escaped, not a new line
            raise ValueError("\n".join(one_line(problem) for problem in problems))
        return self

    def duration_of(self, index: int) -> int:
        """The planned length of slot `index` in seconds."""
        slot = self.slots[index]
        if slot.duration is not None:
            return slot.duration
        following = self.slots[index + 1].start if index + 1 < len(self.slots) else self.end
        assert following is not None, "validated: the last slot has an end"
        return seconds_of_day(following) - seconds_of_day(slot.start)

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
        texts = [(item["loc"], _describe(item, data)) for item in error.errors()]
        # The day's own problems come one per line; any other newline is in a title.
        lines = [one_line(x) for loc, text in texts for x in ([text] if loc else text.split("\n"))]
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
    "template": "hint.template",
    "rounds": "hint.rounds",
    "messages": "hint.messages",
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
    if where and field == "phases":
        message = str(item["msg"]).removeprefix("Value error, ")
        return where + describe_step_error(loc, kind, message)
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
