"""Timing actions as they are written to a session's event log."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field, PlainSerializer

from facilitator.agenda.model import FIRST_DAY, LAST_DAY, MAX_TABLES
from facilitator.i18n import t

MAX_ADJUST = 86400
"""The most one adjust event adds or takes: a day."""

MAX_SLOT_SECONDS = 86400
"""The longest a slot can be made, by adjusting or re-planning it: a day."""


def _in_range(moment: datetime) -> datetime:
    """A moment on a day the program works with; far-off ones would overflow arithmetic."""
    try:
        day = moment.astimezone(UTC).date()
    except OverflowError:  # an offset that takes the year 1 or 9999 out of range
        day = moment.date()
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValueError(t("time.range", value=moment.isoformat(), first=FIRST_DAY, last=LAST_DAY))
    return moment


Moment = Annotated[AwareDatetime, AfterValidator(_in_range)]
"""A timezone-aware time on a day from FIRST_DAY to LAST_DAY."""


class Action(StrEnum):
    """Every timing action a host can take."""

    START = "start"
    PAUSE = "pause"
    RESUME = "resume"
    ADJUST = "adjust"
    NEXT = "next"
    PREVIOUS = "previous"
    GOTO = "goto"
    REPLAN = "replan"
    FINISH = "finish"
    UNDO = "undo"
    # The report-back round (report_back.py): start, the next table, skip one, one out of
    # turn (`table`), end.
    REPORT_START = "report_start"
    REPORT_NEXT = "report_next"
    REPORT_SKIP = "report_skip"
    REPORT_TABLE = "report_table"
    REPORT_END = "report_end"


def _keys_as_text(lengths: dict[int, int]) -> dict[str, int]:
    # TOML keys are text; pydantic reads "3" back as the slot index 3.
    return {str(index): seconds for index, seconds in sorted(lengths.items())}


Lengths = Annotated[
    dict[Annotated[int, Field(ge=0)], Annotated[int, Field(gt=0, le=MAX_SLOT_SECONDS)]],
    PlainSerializer(_keys_as_text),
]
"""New planned lengths in whole seconds by slot index (from 0): `{ 3 = 420, 4 = 300 }`."""


class Event(BaseModel):
    """One timing action with its UTC timestamp; `seconds` for adjust, `slot` (from 0) for
    goto, `lengths` for replan."""

    model_config = ConfigDict(defer_build=True, extra="forbid", frozen=True)

    at: Moment
    """When the host took the action."""
    action: Action
    """What the host did."""
    seconds: int | None = Field(default=None, ge=-MAX_ADJUST, le=MAX_ADJUST)
    """For adjust: seconds added (positive) or taken (negative), at most a day."""
    slot: int | None = Field(default=None, ge=0)
    """For goto: the index of the target slot, counted from 0."""
    lengths: Lengths | None = None
    """For replan: each changed slot's new planned length in seconds, by index from 0."""
    table: int | None = Field(default=None, ge=1, le=MAX_TABLES)
    """For report_table: the table (from 1) taken out of turn."""

    @classmethod
    def of(
        cls,
        action: Action,
        at: datetime,
        seconds: int | None = None,
        slot: int | None = None,
        lengths: Mapping[int, int] | None = None,
        table: int | None = None,
    ) -> Event:
        """A new event; a shorthand for the keyword constructor."""
        return cls(
            at=at,
            action=action,
            seconds=seconds,
            slot=slot,
            lengths=dict(lengths) if lengths is not None else None,
            table=table,
        )
