"""A served session for the route tests: the seed day at its first dialogue, the app over
it, and Starlette's test client (the follow task runs while the client is open)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from facilitator.agenda.model import Agenda
from facilitator.roles.stage import Stage
from facilitator.session.model import Session
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.web.app import WebState, create_app
from facilitator.web.events import Broadcast
from facilitator.web.limits import RateLimit
from facilitator.web.served import ServedSession
from tests.seed import dialogue_session

TOKEN = "test-token-0123456789"
JOIN_URL = f"http://192.0.2.1:8000/?t={TOKEN}"


@dataclass
class Served:
    """The app under test and what it serves."""

    client: TestClient
    state: WebState
    session: Session
    folder: Path
    clock: FakeClock

    def headers(self, device: str = "device-one") -> dict[str, str]:
        """What the pages' scripts send with every fetch."""
        return {"X-Facilitator-Token": TOKEN, "X-Facilitator-Device": device}

    def post(self, path: str, body: object, device: str = "device-one") -> object:
        """A fetch of the scripts: JSON with the token and the device."""
        return self.client.post(path, json=body, headers=self.headers(device))


def make_state(store: SessionStore, clock: FakeClock, rate: RateLimit | None = None) -> WebState:
    """The server's state over the newest unfinished session of `store`."""
    served = ServedSession(Stage(store, clock), join_url=JOIN_URL)
    return WebState(
        served=served,
        token=TOKEN,
        broadcast=Broadcast(served),
        rate=rate or RateLimit(),
        follow_seconds=0.05,
    )


@pytest.fixture
def served(agenda: Agenda, store: SessionStore, clock: FakeClock) -> Iterator[Served]:
    """The seed day at its first dialogue (slot 3), served."""
    session = dialogue_session(agenda, store, clock)
    state = make_state(store, clock)
    with TestClient(create_app(state), base_url="http://127.0.0.1:8000") as client:
        yield Served(client, state, session, store.folder(session.id), clock)
