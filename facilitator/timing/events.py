"""Timing actions as they are written to a session's event log."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import AwareDatetime, BaseModel, ConfigDict


class Action(StrEnum):
    """Every timing action a host can take."""

    START = "start"
    PAUSE = "pause"
    RESUME = "resume"
    ADJUST = "adjust"
    NEXT = "next"
    PREVIOUS = "previous"
    GOTO = "goto"
    FINISH = "finish"
    UNDO = "undo"


class Event(BaseModel):
    """One timing action with its UTC timestamp; `seconds` for adjust, `slot` (from 0) for goto."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    at: AwareDatetime
    """When the host took the action."""
    action: Action
    """What the host did."""
    seconds: int | None = None
    """For adjust: seconds added (positive) or taken (negative)."""
    slot: int | None = None
    """For goto: the index of the target slot, counted from 0."""

    @classmethod
    def of(
        cls, action: Action, at: datetime, seconds: int | None = None, slot: int | None = None
    ) -> Event:
        """A new event; a shorthand for the keyword constructor."""
        return cls(at=at, action=action, seconds=seconds, slot=slot)
