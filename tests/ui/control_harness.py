"""A host console serving the control API on free ports, for the Pilot tests of the
control API: HTTP calls through the real server, and what the tests look at."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx

from facilitator.agenda.model import Agenda
from facilitator.control.server import ControlSockets, bind
from facilitator.roles.host import HostRun
from facilitator.session.model import Session
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action
from facilitator.ui.app import host_app
from facilitator.ui.widgets.big_digits import BigDigits
from facilitator.ui.widgets.plain_label import PlainLabel
from tests.ui.harness import HostFixture

SIZE = (120, 40)
TOKEN = "pilot-token-1234"


@dataclass
class Controlled:
    """A host console serving the control API, and a way to call it."""

    host: HostFixture
    sockets: ControlSockets
    http_port: int
    osc_port: int
    notices: list[str]
    """Every notification shown, kept: a loaded machine may outlast a toast's timeout."""

    async def get(self, path: str, token: str | None = TOKEN, **params: str) -> httpx.Response:
        if token is not None:
            params["token"] = token
        # verify=False: plain HTTP, and no TLS context to build (a quarter second) per call.
        async with httpx.AsyncClient(timeout=30, verify=False) as client:
            return await client.get(f"http://127.0.0.1:{self.http_port}/{path}", params=params)

    async def ok(self, path: str, **params: str) -> dict[str, Any]:
        answer = await self.get(path, **params)
        assert answer.status_code == 200, answer.text
        body: dict[str, Any] = answer.json()
        return body


def controlled_hosts(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> Iterator[Callable[..., Controlled]]:
    """For a fixture: a factory of host consoles serving the API on free ports, whose
    ports are let go after the test even when it failed before a console ran."""
    opened: list[ControlSockets] = []

    def make(run: HostRun | None = None, offer_resume: Session | None = None) -> Controlled:
        sockets = ControlSockets(
            TOKEN,
            http=bind("0", "--control", socket.SOCK_STREAM),
            osc=bind("0", "--osc", socket.SOCK_DGRAM),
        )
        opened.append(sockets)
        run = run or HostRun(agenda, store, clock)
        app = host_app(run, offer_resume, sockets)
        bells: list[int] = []
        app.bell = lambda: bells.append(1)  # type: ignore[method-assign]
        notices: list[str] = []
        notify = app.notify

        def record(message: str, **options: Any) -> None:
            notices.append(message)
            notify(message, **options)

        app.notify = record  # type: ignore[method-assign]
        assert sockets.http is not None and sockets.osc is not None
        return Controlled(
            HostFixture(app, run, clock, store, bells),
            sockets,
            sockets.http.getsockname()[1],
            sockets.osc.getsockname()[1],
            notices,
        )

    yield make
    for sockets in opened:  # a test that failed early: let the ports go
        sockets.close()


def digits(host: HostFixture) -> str:
    return host.screen.query_one(BigDigits).value


def label(host: HostFixture, widget_id: str) -> str:
    return str(host.screen.query_one(f"#{widget_id}", PlainLabel).content)


def events(host: HostFixture) -> list[tuple[Action, int | None, int | None]]:
    return [(e.action, e.seconds, e.slot) for e in host.session().events]
