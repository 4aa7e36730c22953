"""What the pages show, as data: the stage view as JSON for the browser to draw and tick,
the agenda's rows, a table's report. All computed by the roles, never here."""

from __future__ import annotations

import functools
from typing import Any

import segno

from facilitator.notes.model import Note
from facilitator.roles.day_rows import day_rows
from facilitator.roles.stage import StageView
from facilitator.timing.timeline import Phase
from facilitator.web.served import Day

COUNTING = (Phase.RUNNING, Phase.WARNING, Phase.OVERTIME)
"""Phases in which the countdown moves, so the browser ticks it between updates."""


def stage_payload(view: StageView, speed: float) -> dict[str, Any]:
    """The stage view for the browser; `seconds` and `change_in` let it tick alone."""
    return {
        "title": view.title,
        "speakers": view.speakers,
        "digits": view.digits,
        "next": view.next,
        "message": view.message,
        "phase": view.phase.value if view.phase is not None else None,
        "cloud": (
            [[term.term, round(term.weight, 3)] for term in view.cloud]
            if view.cloud is not None
            else None
        ),
        "join": _join_image(view.join_url) if view.join_url else None,
        "join_url": view.join_url,
        "seconds": view.seconds,
        "counting": view.phase in COUNTING,
        "change_in": view.change_in,
        "speed": speed,
    }


@functools.lru_cache(maxsize=4)
def _join_image(url: str) -> str:
    """The join QR code as an SVG data URI (the pages allow images from data: only)."""
    code = segno.make(url, error="m", boost_error=False)
    return str(code.svg_data_uri(scale=8, border=2, dark="#000000", light="#ffffff"))


def stage_key(payload: dict[str, Any]) -> tuple[Any, ...]:
    """What of the stage view the browser cannot work out alone: a change of it is pushed.
    The ticking seconds are left out; a jump in them (an adjustment) is not."""
    ticking = payload["counting"]
    return (
        payload["title"],
        payload["speakers"] if not ticking else None,
        payload["next"],
        payload["message"],
        payload["join_url"],
        payload["phase"],
        str(payload["cloud"]),
        None if ticking else payload["digits"],
    )


def agenda_rows(day: Day) -> list[dict[str, Any]]:
    """The day's rows, the current one marked."""
    return [
        {
            "planned": row.planned,
            "when": row.when,
            "title": row.title,
            "info": row.info,
            "phase": row.phase.value,
            "current": index == day.state.current and not day.state.finished,
        }
        for index, row in enumerate(day_rows(day.session.agenda, day.state))
    ]


def note_payload(note: Note) -> dict[str, Any]:
    """One of a table's notes, for its phone."""
    return {
        "id": note.id,
        "slot": note.slot,
        "table": note.table,
        "question": note.question,
        "text": note.text,
        "updated": note.updated.isoformat(),
    }


def report_payload(day: Day, table: int | None, notes: list[Note]) -> dict[str, Any]:
    """The dialogue a table reports on now, its questions, and the table's notes of it."""
    slot = day.dialogue
    agenda_slot = day.session.agenda.slots[slot]
    return {
        "session": day.session.id,
        "slot": slot,
        "title": agenda_slot.title,
        "questions": list(agenda_slot.questions),
        "tables": day.most_tables,
        "table": table,
        "notes": [note_payload(note) for note in notes],
    }
