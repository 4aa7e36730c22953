"""Shared fixtures: the repository's agenda, a fake clock on the seed's day, a sessions folder."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import settings

from facilitator.agenda.model import Agenda, load_agenda
from facilitator.i18n import set_language
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from tests.seed import AGENDA_FILE, CPH, ROOT

__all__ = ["AGENDA_FILE", "CPH", "ROOT"]  # tests import them from tests.seed

# A loaded machine is slow, never wrong: no property test fails for taking its time.
settings.register_profile("facilitator", deadline=None)
settings.load_profile("facilitator")

# Local time is the venue's: Copenhagen, as a POSIX rule so that no tz database is needed.
os.environ["TZ"] = "CET-1CEST,M3.5.0,M10.5.0/3"
time.tzset()


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test starts in English with no language from the environment; Danish tests
    switch on purpose."""
    monkeypatch.delenv("FACILITATOR_LANG", raising=False)
    set_language("en")
    yield
    set_language("en")


@pytest.fixture
def agenda() -> Agenda:
    """The seed's day, as the repository's agenda.toml describes it."""
    return load_agenda(AGENDA_FILE)


@pytest.fixture
def clock() -> FakeClock:
    """A fake clock at 08:44 on the seed's day, a minute before the welcome."""
    return FakeClock(datetime(2024, 11, 26, 8, 44, tzinfo=CPH))


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    """An empty sessions folder."""
    return SessionStore(tmp_path / "sessions")
