"""What the host console's Pilot tests hold: the app, its run, the fake clock, the bells."""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.roles.host import HostRun
from facilitator.session.model import Session
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.screens.host import HostScreen


@dataclass
class HostFixture:
    """A host app not yet running, with what the tests need to look at."""

    app: FacilitatorApp
    run: HostRun
    clock: FakeClock
    store: SessionStore
    bells: list[int]

    @property
    def screen(self) -> HostScreen:
        screen = self.app.screen
        assert isinstance(screen, HostScreen), f"expected the host screen, got {screen}"
        return screen

    def session(self) -> Session:
        assert self.run.session is not None, "no session yet"
        return self.store.load(self.run.session.id)

    def tick(self, seconds: float) -> None:
        """Move the fake clock and redraw, as the interval timer would."""
        self.clock.advance(seconds)
        self.screen.refresh_state()
