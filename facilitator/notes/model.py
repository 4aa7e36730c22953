"""What the tables reported: notes, one file of them per writer."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from facilitator.agenda.fields import CleanText
from facilitator.notes.writer_name import HOST_WRITER

__all__ = ["HOST_WRITER", "Note", "NotesFile", "merge_notes", "question_position"]


class Note(BaseModel):
    """One table's report on one question of one slot, as typed by one writer."""

    model_config = ConfigDict(defer_build=True, extra="forbid")

    id: CleanText
    """Unique across writers: the writer's safe name and a random part."""
    slot: int = Field(ge=0)
    """The slot's index, counted from 0."""
    slot_title: CleanText
    """The slot's title when the note was written, for reading the file alone."""
    table: int = Field(ge=1)
    """The table that reported."""
    question: CleanText | None = None
    """The question it answers; None for a general note."""
    text: CleanText
    """What the table said."""
    writer: CleanText
    """Who typed it: the safe name of the notes file's writer."""
    created: AwareDatetime
    """When it was first saved."""
    updated: AwareDatetime
    """When it was last saved."""
    deleted: bool = False
    """A deletion is a tombstone: the note stays in the file, marked."""

    @classmethod
    def new(
        cls,
        writer: str,
        slot: int,
        slot_title: str,
        table: int,
        question: str | None,
        text: str,
        at: datetime,
    ) -> Note:
        """A note written now, with a fresh id."""
        return cls(
            id=f"{writer}-{uuid.uuid4().hex[:12]}",
            slot=slot,
            slot_title=slot_title,
            table=table,
            question=question,
            text=text,
            writer=writer,
            created=at,
            updated=at,
        )


class NotesFile(BaseModel):
    """The content of `notes-<writer>.toml`."""

    model_config = ConfigDict(defer_build=True, extra="forbid", populate_by_name=True)

    writer: CleanText
    """The one writer of this file: the safe name its file is named after."""
    name: CleanText | None = None
    """The writer's name as given (`--as`); absent in files from before it was recorded."""
    session: CleanText
    """The id of the session the notes belong to."""
    notes: list[Note] = Field(default_factory=list, alias="note")
    """Every note the writer saved, tombstones included, in the order first saved."""


def merge_notes(notes: Iterable[Note]) -> dict[str, Note]:
    """One note per id, tombstones included: the newest `updated` wins; on a tie the
    first one given (a writer's own file is given before its conflict copies)."""
    merged: dict[str, Note] = {}
    for note in notes:
        kept = merged.get(note.id)
        if kept is None or note.updated > kept.updated:
            merged[note.id] = note
    return merged


def question_position(question: str | None, questions: list[str]) -> int:
    """Where a note's question comes in its slot: the printed order; a general note, or a
    question the agenda no longer has, after them all."""
    return questions.index(question) if question in questions else len(questions)
