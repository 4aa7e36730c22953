"""The web application: routes, the token on every request, limits, and the follow task.

`create_app` builds it from a followed session and a token; `facilitator serve` runs it
with uvicorn, the tests with Starlette's test client.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from facilitator.i18n import t
from facilitator.web.events import FOLLOW_SECONDS, Broadcast
from facilitator.web.limits import RateLimit
from facilitator.web.reports import TableReports
from facilitator.web.served import ServedSession
from facilitator.web.token import TokenGate
from facilitator.web.words import CloudWords

SECURITY_HEADERS = {
    # Only this server's own scripts and styles; nothing inline, nothing from elsewhere.
    "content-security-policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
    ),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "cache-control": "no-store",
}


@dataclass
class WebState:
    """Everything the routes share: the session followed, the writers, the limits."""

    served: ServedSession
    token: str
    broadcast: Broadcast
    reports: TableReports = field(default_factory=TableReports)
    words: CloudWords = field(default_factory=CloudWords)
    rate: RateLimit = field(default_factory=RateLimit)
    follow_seconds: float = FOLLOW_SECONDS

    def close(self) -> None:
        """Let go of every file lock this server holds."""
        self.reports.close()
        self.words.close()
        self.served.close()


class SecurityHeaders:
    """ASGI middleware adding `SECURITY_HEADERS` to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on; add the headers to its response."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _value in headers}
                for name, value in SECURITY_HEADERS.items():
                    if name.encode() not in present:
                        headers.append((name.encode(), value.encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


async def _http_error(request: Request, error: Exception) -> Response:
    """An error as JSON for the scripts (never the framework's HTML page)."""
    assert isinstance(error, HTTPException)
    return JSONResponse({"error": error.detail}, status_code=error.status_code)


def create_app(state: WebState) -> Starlette:
    """The application over `state`; its lifespan runs the follow task."""
    from facilitator.web.api import api_routes
    from facilitator.web.pages import page_routes

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        state.broadcast.look()
        task = asyncio.create_task(state.broadcast.run(state.follow_seconds))
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
            state.close()

    routes: list[Route] = [*page_routes(state), *api_routes(state)]
    app = Starlette(
        routes=routes,
        middleware=[
            Middleware(SecurityHeaders),
            Middleware(TokenGate, token=state.token, message=t("web.forbidden")),
        ],
        exception_handlers={HTTPException: _http_error},
        lifespan=lifespan,
    )
    app.state.web = state
    return app
