"""What the notes console shows of a session before the session is validated: the slot it
opens on, its title, start, tables and questions, read from session.toml alone.

The notes console's first frame is drawn from this while pydantic builds the models,
which takes longer than the rest of its start-up together. It is never trusted: the
session is then loaded as always, a file the models refuse is reported as always, and
the console replaces the first frame with what the models say. Anything unusual here (a
value of another type, an action it does not know, a report-back round that may be under
way) gives no preview, and the console starts without a first frame.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from pathlib import Path

from facilitator.agenda.durations import parse_clock
from facilitator.clean import clean_text
from facilitator.session.place import folders_newest_first, session_data

DEFAULT_TABLES = 8
"""The agenda's default number of tables (agenda/model.py DEFAULT_TABLES)."""
NEWEST_LOOKED_AT = 5
"""Sessions read, newest first, for the newest unfinished one; past them, no preview (the
store's index then finds it without reading every file)."""
_SLOT_MOVES = {"next": 1, "previous": -1}
_ROUND_ACTIONS = {"report_start", "report_next", "report_skip", "report_table", "report_end"}
_OTHER_ACTIONS = {"start", "pause", "resume", "adjust", "replan"}


@dataclass(frozen=True)
class NotesPreview:
    """The slot a notes console opens on, as its pickers show it."""

    slot: int
    """Its index, counted from 0."""
    title: str
    start: time
    tables: int
    questions: tuple[str, ...]


@dataclass(frozen=True)
class _Position:
    """Where the host's log stands after an event."""

    current: int = 0
    finished: bool = False
    in_round: bool = False
    """Whether a report-back round may be under way in the current slot."""


def preview_notes(folder: Path) -> NotesPreview | None:
    """The preview of the session in `folder`, or None when its session.toml cannot be
    read, is finished, or has anything this reading does not follow."""
    data = session_data(folder)
    return _preview(data) if data is not None else None


def newest_unfinished(root: Path) -> Path | None:
    """The folder of the newest unfinished session in the sessions folder `root`, as the
    store finds it (the most recently written session.toml first), among the newest few;
    None when none of them is one."""
    for folder in folders_newest_first(root)[:NEWEST_LOOKED_AT]:
        data = session_data(folder)
        position = _position(data.get("event")) if data is not None else None
        if position is not None and not position.finished:
            return folder
    return None


def _preview(data: dict[str, object]) -> NotesPreview | None:
    agenda = data.get("agenda")
    position = _position(data.get("event"))
    if not isinstance(agenda, dict) or position is None or position.finished:
        return None
    if position.in_round:
        return None  # the console may put the editor on the table reporting
    slots = agenda.get("slot")
    if not isinstance(slots, list) or not 0 <= position.current < len(slots):
        return None
    if not all(isinstance(slot, dict) for slot in slots):
        return None
    index = _opening(slots, position.current)
    return _slot(slots[index], index, agenda.get("tables", DEFAULT_TABLES))


def _position(events: object) -> _Position | None:
    """The log folded as the timeline folds it, as far as the current slot goes: every
    event the host wrote applied when it was written, and an undo takes back the one
    before it."""
    if not isinstance(events, list):
        return None
    stack = [_Position()]
    for event in events:
        action = event.get("action") if isinstance(event, dict) else None
        now = stack[-1]
        if action == "undo":
            if len(stack) > 1:
                stack.pop()
            continue
        if action in _SLOT_MOVES:
            now = _Position(now.current + _SLOT_MOVES[action], now.finished)
        elif action == "goto":
            slot = event.get("slot")
            if not isinstance(slot, int) or isinstance(slot, bool):
                return None
            now = _Position(slot, now.finished)
        elif action == "finish":
            now = _Position(now.current, True, now.in_round)
        elif action in _ROUND_ACTIONS:
            now = _Position(now.current, now.finished, action != "report_end")
        elif action not in _OTHER_ACTIONS:
            return None
        stack.append(now)
    return stack[-1]


def _opening(slots: list[dict[str, object]], current: int) -> int:
    """The slot the console opens on (NoteTaking.opening_slot): the latest dialogue at or
    before the current slot, else the day's first dialogue, else the current slot."""
    dialogues = [index for index, slot in enumerate(slots) if slot.get("kind") == "dialogue"]
    earlier = [index for index in dialogues if index <= current]
    return earlier[-1] if earlier else (dialogues[0] if dialogues else current)


def _slot(slot: dict[str, object], index: int, default_tables: object) -> NotesPreview | None:
    title, start = slot.get("title"), slot.get("start")
    tables = slot.get("tables", default_tables)
    questions = slot.get("questions", [])
    if not isinstance(title, str) or not clean_text(title).strip():
        return None
    if not _whole_number(tables):
        return None
    if not isinstance(questions, list) or not all(isinstance(q, str) for q in questions):
        return None
    try:
        clock = parse_clock(start)  # a text or a TOML local time, as the model reads it
    except ValueError:
        return None
    assert isinstance(tables, int)
    cleaned = tuple(clean_text(question) for question in questions)
    return NotesPreview(index, clean_text(title).strip(), clock, tables, cleaned)


def _whole_number(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1
