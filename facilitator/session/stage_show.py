"""What the host puts on the stage besides the time: messages with their options, and the
stage's mode. The session holds both, so the stage (another process) follows; the rules
here decide what is in force, for the host console and the stage alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from facilitator.agenda.fields import CleanText
from facilitator.timing.events import Moment


class StageMode(StrEnum):
    """What the stage screen shows: the day as usual, only the time of day, or nothing."""

    NORMAL = "normal"
    CLOCK = "clock"
    BLACKOUT = "blackout"


class StageMessage(BaseModel):
    """A message from the host to the stage screen; an empty text clears it."""

    model_config = ConfigDict(extra="forbid")

    at: Moment
    """When it was sent."""
    text: CleanText
    """What the stage shows."""
    full: bool = False
    """Whether it takes the whole stage, in place of the digits; else it is a line."""
    flash: bool = False
    """Whether it flashes for a few seconds as it appears, to catch the speaker's eye."""
    pinned: bool = False
    """Whether it stays when its slot ends; finishing the day clears it all the same."""
    slot: int | None = Field(default=None, ge=0)
    """The slot under way when it was sent; None in sessions written before it was kept."""


def message_in_force(
    messages: Sequence[StageMessage], current: int, finished: bool
) -> StageMessage | None:
    """The message the stage shows while slot `current` is the day's current slot: the
    last one sent, unless it was a clear, its slot has ended (the host moved to another
    slot) and it is not pinned, or the day is finished.

    Computed from the log rather than recorded as a clear, so that undoing the move to
    the next slot brings the message back with the slot.
    """
    last = messages[-1] if messages else None
    if last is None or not last.text or finished:
        return None
    if last.pinned or last.slot is None or last.slot == current:
        return last
    return None
