"""The question the host has marked on the stage: which of the running slot's printed
questions the room is talking about now. The host steps through them; the stage reads
the mark from the session file, as it reads the message and the word cloud."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class StageQuestion(BaseModel):
    """A question of a slot marked on the stage: `{ slot = 2, index = 1 }`, both from 0."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    slot: int = Field(ge=0)
    """The slot whose questions the host stepped through."""
    index: int = Field(ge=0)
    """Which of its questions is marked."""


def marked_in(marked: StageQuestion | None, slot: int, count: int) -> int | None:
    """The question of slot `slot` (with `count` questions) marked now; None when the mark
    is another slot's (the host has moved on) or there is none."""
    if marked is None or marked.slot != slot or marked.index >= count:
        return None
    return marked.index


def stepped(marked: StageQuestion | None, slot: int, count: int, step: int) -> StageQuestion | None:
    """The mark after one step (+1 or -1) through slot `slot`'s `count` questions: from
    none, forward marks the first; back from the first marks none again; forward stays
    on the last."""
    current = marked_in(marked, slot, count)
    if count == 0:
        return None
    if current is None:
        return StageQuestion(slot=slot, index=0) if step > 0 else None
    target = current + step
    if target < 0:
        return None
    return StageQuestion(slot=slot, index=min(target, count - 1))
