"""The control verbs over HTTP: `GET /next?token=…`, `GET /goto/3`, `GET /message?text=…`.

Plain GET, as Companion's generic HTTP module and the timers' own modules send it (POST
is taken too). The token comes as `?token=`, an `X-Facilitator-Token` header or
`Authorization: Bearer …`. Every answer is JSON, errors included.
"""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from facilitator.control.verbs import Call, Console, Reply, dispatch
from facilitator.i18n import t

TOKEN_HEADER = "x-facilitator-token"
METHODS = ["GET", "POST"]


def http_app(console: Console, token: str) -> Starlette:
    """The ASGI app that carries each request to `console`, checking `token`."""

    async def handle(request: Request) -> JSONResponse:
        verb = request.path_params.get("verb", "")
        argument = request.path_params.get("argument")
        if argument is None and verb == "message":
            argument = request.query_params.get("text")
        call = Call(verb, argument, _token(request))
        return _json(await dispatch(console, token, call))

    async def http_error(request: Request, error: Exception) -> JSONResponse:
        status = error.status_code if isinstance(error, HTTPException) else 500
        message = t("control.http_error", status=status, method=request.method)
        return _json(Reply(status, {"ok": False, "error": "http", "message": message}))

    return Starlette(
        routes=[
            Route("/", handle, methods=METHODS),
            Route("/{verb}", handle, methods=METHODS),
            Route("/{verb}/{argument:path}", handle, methods=METHODS),
        ],
        exception_handlers={HTTPException: http_error},
    )


def _token(request: Request) -> str | None:
    """The token as a query parameter, our header, or a bearer token."""
    given = request.query_params.get("token") or request.headers.get(TOKEN_HEADER)
    if given:
        return given
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" else None


def _json(reply: Reply) -> JSONResponse:
    """The reply as JSON, never cached: each answer is the day at that moment."""
    return JSONResponse(reply.body, reply.status, headers={"Cache-Control": "no-store"})
