"""A random token per run that every request must carry, checked before any route runs.

The token travels as the query parameter `t` (links, the join URL, server-sent events,
which cannot set headers) or as the header `X-Facilitator-Token` (fetches). A request
without it, or with another, gets 403 and nothing else: no page, no asset, no listing.
"""

from __future__ import annotations

import secrets
from urllib.parse import parse_qs

from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Receive, Scope, Send

TOKEN_PARAMETER = "t"
TOKEN_HEADER = "x-facilitator-token"
TOKEN_BYTES = 16
"""128 random bits: not guessable by anyone on the Wi-Fi within a day."""


def new_token() -> str:
    """A fresh join token, URL-safe."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def request_token(scope: Scope) -> str | None:
    """The token a request carries: the header first, else the query parameter."""
    for name, value in scope.get("headers", ()):
        if name.decode("latin-1").lower() == TOKEN_HEADER:
            return value.decode("latin-1")
    query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
    values = query.get(TOKEN_PARAMETER)
    return values[0] if values else None


class TokenGate:
    """ASGI middleware: lets through only HTTP requests that carry `token`."""

    def __init__(self, app: ASGIApp, token: str, message: str = "Forbidden") -> None:
        self.app = app
        self.token = token
        self.message = message

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Check the token of an HTTP request; other scopes (lifespan) pass."""
        if scope["type"] == "http":
            given = request_token(scope)
            if given is None or not secrets.compare_digest(given.encode(), self.token.encode()):
                response = PlainTextResponse(self.message, status_code=403)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)
