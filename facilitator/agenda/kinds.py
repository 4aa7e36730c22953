"""The kinds of slot, apart from the agenda's models: the review list and the index of
sessions name them without loading pydantic."""

from __future__ import annotations

from enum import StrEnum


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
