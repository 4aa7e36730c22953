"""The pages, in the session's language: the start page, a table's report, words for the
cloud, the stage view and the agenda. Each is drawn from a template (autoescaped) and
brought to life by its script, which talks to the routes of api.py."""

from __future__ import annotations

from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from facilitator.i18n import language, t
from facilitator.notes.words import MAX_WORD_CHARS
from facilitator.web.app import WebState
from facilitator.web.assets import static_files, templates
from facilitator.web.reports import MAX_NOTE_BYTES
from facilitator.web.views import agenda_rows

PAGES = ("table", "words", "stage", "agenda")

SCRIPT_TEXTS = (
    "web.saved",
    "web.saving",
    "web.unsent",
    "web.offline",
    "web.delete",
    "web.refused",
    "web.forbidden",
    "web.waiting",
    "web.sent",
    "web.too_long",
    "web.general",
    "web.confirm_delete",
    "web.save",
    "web.another",
    "notes.cloud_empty",
)
"""The catalogue texts the scripts show, handed to them in the page."""


def _context(state: WebState, page: str, **more: Any) -> dict[str, Any]:
    day = state.served.day()
    return {
        "lang": language(),
        "token": state.token,
        "page": page,
        "t": t,
        "day_title": day.session.agenda.title if day else t("web.no_session"),
        "config": {
            "token": state.token,
            "page": page,
            "texts": {key: t(key) for key in SCRIPT_TEXTS}
            | {"web.table_n": t("web.table_n", table="{table}")},
            "maxNoteBytes": MAX_NOTE_BYTES,
            "maxWordChars": MAX_WORD_CHARS,
        },
        **more,
    }


def _render(name: str, context: dict[str, Any]) -> HTMLResponse:
    return HTMLResponse(templates().get_template(name).render(context))


def page_routes(state: WebState) -> list[Route]:
    """The pages' routes over `state`."""

    async def index(request: Request) -> Response:
        return _render("index.html", _context(state, "index"))

    async def page(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in PAGES:
            raise HTTPException(404)
        return _render(f"{name}.html", _context(state, name))

    async def agenda_part(request: Request) -> Response:
        day = state.served.day()
        rows = agenda_rows(day) if day else []
        return _render("agenda_rows.html", {"rows": rows, "t": t})

    async def static(request: Request) -> Response:
        found = static_files().get(request.path_params["name"])
        if found is None:
            raise HTTPException(404)
        content, media_type = found
        return Response(content, media_type=media_type)

    return [
        Route("/", index),
        Route("/agenda/rows", agenda_part),
        Route("/static/{name}", static),
        Route("/{name}", page),
    ]
