"""The seed day the tests run against: the repository's agenda and its time zone."""

from __future__ import annotations

from datetime import timedelta, timezone
from pathlib import Path

from facilitator.agenda.model import Agenda
from facilitator.roles.host import HostRun
from facilitator.session.model import Session
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action

ROOT = Path(__file__).resolve().parent.parent
AGENDA_FILE = ROOT / "agenda.toml"
CPH = timezone(timedelta(hours=1))
"""The seed day's time zone (Central European Time in November)."""


def dialogue_session(agenda: Agenda, store: SessionStore, clock: FakeClock) -> Session:
    """A session of the seed day whose host has started and gone to the first dialogue
    (slot 3), then closed, so that note-takers can open it."""
    host = HostRun(agenda, store, clock)
    host.act(Action.START)
    host.act(Action.GOTO, slot=2)
    assert host.session is not None
    host.close()
    return host.session
