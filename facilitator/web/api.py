"""The routes the pages' scripts call: a table's report, saving and deleting its notes,
words for the cloud, the stage view now, and the live event stream.

Writes go through a group commit (batch.py); an answer of success means the note is on
disk. Every write counts against its device's rate limit.
"""

from __future__ import annotations

from typing import Any

from sse_starlette.sse import EventSourceResponse
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from facilitator.errors import SessionError
from facilitator.i18n import t
from facilitator.web.app import WebState
from facilitator.web.limits import read_json
from facilitator.web.reports import MAX_NOTE_BYTES, ReportRefused
from facilitator.web.served import Day
from facilitator.web.views import note_payload, report_payload

NOTE_BODY_LIMIT = MAX_NOTE_BYTES + 4 * 1024
"""A note's body: its text and the few fields around it. JSON may escape characters, so a
text of 20 kB in escapes is refused here rather than read."""
WORD_BODY_LIMIT = 1024


def _day(state: WebState) -> Day:
    day = state.served.day()
    if day is None:
        raise HTTPException(503, t("stage.waiting"))
    return day


def _int(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise HTTPException(400, f"{name} must be a whole number")
    return value


def _text(value: Any, name: str) -> str:
    if not isinstance(value, str):
        raise HTTPException(400, f"{name} must be text")
    return value


def _refused(error: ReportRefused) -> JSONResponse:
    return JSONResponse({"error": str(error)}, status_code=error.status)


def api_routes(state: WebState) -> list[Route]:
    """The API's routes over `state`."""

    async def report(request: Request) -> Response:
        day = _day(state)
        table_text = request.query_params.get("table", "")
        table = int(table_text) if table_text.isdigit() and len(table_text) < 4 else None
        try:
            notes = state.reports.notes(day, table, day.dialogue) if table else []
        except SessionError as error:  # another server writes this session's phone notes
            return JSONResponse({"error": str(error)}, status_code=503)
        return JSONResponse(report_payload(day, table, notes))

    async def save_note(request: Request) -> Response:
        state.rate.check(request)
        data = await read_json(request, NOTE_BODY_LIMIT)
        day = _day(state)
        question = data.get("question")
        try:
            note = await state.reports.save(
                day,
                _int(data.get("table"), "table"),
                _text(data.get("id"), "id"),
                _int(data.get("slot"), "slot"),
                None if question is None else _text(question, "question"),
                _text(data.get("text"), "text"),
            )
        except ReportRefused as error:
            return _refused(error)
        except SessionError as error:
            return JSONResponse({"error": str(error)}, status_code=503)
        return JSONResponse({"saved": True, "note": note_payload(note)})

    async def delete_note(request: Request) -> Response:
        state.rate.check(request)
        data = await read_json(request, WORD_BODY_LIMIT)
        day = _day(state)
        try:
            note = await state.reports.delete(
                day,
                _int(data.get("table"), "table"),
                _text(data.get("id"), "id"),
            )
        except ReportRefused as error:
            return _refused(error)
        except SessionError as error:
            return JSONResponse({"error": str(error)}, status_code=503)
        return JSONResponse({"deleted": True, "id": note.id})

    async def send_words(request: Request) -> Response:
        state.rate.check(request)
        data = await read_json(request, WORD_BODY_LIMIT)
        day = _day(state)
        try:
            word = await state.words.send(day, _text(data.get("text"), "text"))
        except ReportRefused as error:
            return _refused(error)
        except SessionError as error:
            return JSONResponse({"error": str(error)}, status_code=503)
        return JSONResponse({"saved": True, "text": word.text, "slot": word.slot})

    async def stage(request: Request) -> Response:
        return JSONResponse(state.broadcast.current())

    async def events(request: Request) -> Response:
        return EventSourceResponse(state.broadcast.stream(), ping=15)

    return [
        Route("/api/report", report),
        Route("/api/notes", save_note, methods=["POST"]),
        Route("/api/notes/delete", delete_note, methods=["POST"]),
        Route("/api/words", send_words, methods=["POST"]),
        Route("/api/stage", stage),
        Route("/api/events", events),
    ]
