"""A session: the agenda as loaded, the event log and the stage messages of one run of a day."""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from facilitator.agenda.fields import CleanText
from facilitator.agenda.model import FIRST_DAY, LAST_DAY, Agenda
from facilitator.i18n import t
from facilitator.names import is_folder_name, safe_name
from facilitator.session.glance import Glance
from facilitator.session.questions import StageQuestion
from facilitator.session.stage_show import StageMessage, StageMode, message_in_force
from facilitator.timing.clock import MAX_SPEED, Clock, RehearsalClock
from facilitator.timing.events import Event, Moment
from facilitator.timing.timeline import Timeline


class Rehearsal(BaseModel):
    """How a rehearsal's virtual clock maps to real time, so every process agrees on it."""

    model_config = ConfigDict(defer_build=True, extra="forbid")

    virtual_start: Moment
    """The virtual time at `real_start`."""
    real_start: Moment
    """The real moment the mapping was made."""
    speed: float = Field(gt=0, le=MAX_SPEED)
    """How many virtual seconds pass in one real second, as `--speed` accepts it."""

    def clock(self, base: Clock) -> RehearsalClock:
        """The rehearsal clock this mapping describes, driven by the real clock `base`."""
        return RehearsalClock(self.virtual_start, self.real_start, self.speed, base)


class Session(BaseModel):
    """One run of a day, as `session.toml` holds it; written only by the host console."""

    model_config = ConfigDict(defer_build=True, extra="forbid", populate_by_name=True)

    id: CleanText
    """The folder's name: date, time and the day's title; a session is its folder."""
    created: Moment
    """When the session was created (the first start)."""
    day: date
    """The date the agenda's clock times refer to."""
    agenda_file: CleanText | None = None
    """The agenda file the session was started from, to offer its resumption."""
    rehearsal: Rehearsal | None = None
    """Present when the session is a rehearsal on a virtual clock."""
    agenda: Agenda
    """A snapshot of the agenda as it was loaded."""
    events: list[Event] = Field(default_factory=list, alias="event")
    """The event log, in order."""
    messages: list[StageMessage] = Field(default_factory=list, alias="message")
    """Messages sent to the stage, in order."""
    stage_cloud: int | None = None
    """The slot whose word cloud the stage shows, while the host has it on; else None."""
    stage_question: StageQuestion | None = None
    """The question of the running slot the host has marked on the stage; else None."""
    stage_mode: StageMode = StageMode.NORMAL
    """What the stage shows: the day, only the clock, or nothing (blackout)."""
    stage_join: bool = False
    """Whether the stage shows how to join `facilitator serve` (its QR code)."""
    glance: Glance | None = None
    """The stage's countdown as of this write, for a stage's first frame (glance.py)."""

    @field_validator("id")
    @classmethod
    def _a_folder_name(cls, value: str) -> str:
        if not is_folder_name(value):
            raise ValueError(t("session.id_not_a_name"))
        return value

    @field_validator("day")
    @classmethod
    def _a_day_in_range(cls, value: date) -> date:
        if not FIRST_DAY <= value <= LAST_DAY:
            raise ValueError(t("time.day_range", value=value, first=FIRST_DAY, last=LAST_DAY))
        return value

    @field_validator("events")
    @classmethod
    def _event_slots_in_agenda(cls, events: list[Event], info: ValidationInfo) -> list[Event]:
        count = _slot_count(info)
        if count is None:
            return events
        for number, event in enumerate(events, start=1):
            # goto's target, and every slot a re-plan gives a new length.
            slots = [event.slot] if event.slot is not None else []
            slots += sorted(event.lengths or ())
            for slot in slots:
                if slot >= count:
                    raise ValueError(
                        t("session.event_slot", number=number, slot=slot, last=count - 1)
                    )
        return events

    @field_validator("stage_cloud")
    @classmethod
    def _cloud_slot_in_agenda(cls, value: int | None, info: ValidationInfo) -> int | None:
        count = _slot_count(info)
        if value is not None and count is not None and not 0 <= value < count:
            raise ValueError(t("session.slot_range", slot=value, last=count - 1))
        return value

    @field_validator("stage_question")
    @classmethod
    def _question_in_agenda(
        cls, value: StageQuestion | None, info: ValidationInfo
    ) -> StageQuestion | None:
        agenda = info.data.get("agenda")
        if value is None or not isinstance(agenda, Agenda):
            return value
        count = len(agenda.slots)
        if value.slot >= count:
            raise ValueError(t("session.slot_range", slot=value.slot, last=count - 1))
        questions = len(agenda.slots[value.slot].questions)
        if value.index >= questions:
            raise ValueError(t("session.question_range", index=value.index, count=questions))
        return value

    @property
    def is_rehearsal(self) -> bool:
        """Whether the session ran on a virtual clock."""
        return self.rehearsal is not None

    def timeline(self, tz: tzinfo | None = None) -> Timeline:
        """The timing engine over this session's agenda and log."""
        return Timeline(self.agenda, day=self.day, tz=tz, events=self.events)

    @property
    def finished(self) -> bool:
        """Whether the host finished the day."""
        return self.timeline().log.finished_at is not None

    @property
    def stage_message(self) -> StageMessage | None:
        """The message the stage shows now, if any (see `message_in_force`)."""
        log = self.timeline().log
        return message_in_force(self.messages, log.current, log.finished_at is not None)

    def clock(self, base: Clock) -> Clock:
        """The clock this session runs on: `base`, or its rehearsal clock."""
        return self.rehearsal.clock(base) if self.rehearsal else base


def _slot_count(info: ValidationInfo) -> int | None:
    """The number of slots of the agenda validated before this field, if it was valid."""
    agenda = info.data.get("agenda")
    return len(agenda.slots) if isinstance(agenda, Agenda) else None


def new_session_id(title: str, created: datetime, rehearsal: bool) -> str:
    """ "2024-11-26-0845-hovedudvalgets-arbejdsmiljodag", with "-rehearsal" for a rehearsal."""
    stamp = created.astimezone().strftime("%Y-%m-%d-%H%M%S")
    # ASCII, so the folder name reads the same in every shell, URL and archive tool.
    slug = safe_name(title, ascii_only=True) or "day"
    return f"{stamp}-{slug}" + ("-rehearsal" if rehearsal else "")
