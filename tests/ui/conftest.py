"""Fixtures for Pilot tests: a host app on the seed's day with a fake clock and a bell counter."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from facilitator.agenda.model import Agenda
from facilitator.roles.host import HostRun
from facilitator.session.model import Session
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.ui.app import FacilitatorApp, host_app
from tests.ui.harness import HostFixture


@pytest.fixture(autouse=True)
def kept_notifications(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every notification an app shows, kept in `app.notified`: Textual drops one when its
    timeout runs out, and on a loaded machine that can come before the test looks."""
    shown = FacilitatorApp.notify

    def notify(self: FacilitatorApp, message: str, **options: Any) -> None:
        self.__dict__.setdefault("notified", []).append(str(message))
        shown(self, message, **options)

    monkeypatch.setattr(FacilitatorApp, "notify", notify)


@pytest.fixture
def make_host(agenda: Agenda, store: SessionStore, clock: FakeClock) -> Callable[..., HostFixture]:
    def make(offer_resume: Session | None = None, run: HostRun | None = None) -> HostFixture:
        run = run or HostRun(agenda, store, clock)
        app = host_app(run, offer_resume)
        bells: list[int] = []
        app.bell = lambda: bells.append(1)  # type: ignore[method-assign]
        return HostFixture(app, run, clock, store, bells)

    return make


@pytest.fixture
def host(make_host: Callable[..., HostFixture]) -> HostFixture:
    """The host console on the seed's day at 08:44, nothing started."""
    return make_host()
