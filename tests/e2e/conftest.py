"""A real terminal per test, in a folder holding a copy of the repository's agenda."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.terminal import FACILITATOR, Terminal
from tests.seed import AGENDA_FILE


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    """tmux on a private socket, started in `tmp_path`; killed after the test."""
    shutil.copy(AGENDA_FILE, tmp_path / "agenda.toml")
    term = Terminal(tmp_path)
    yield term
    term.close()


@pytest.fixture(autouse=True)
def english_commands(monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands started by these tests speak English, although the agenda says "da"."""
    monkeypatch.setenv("FACILITATOR_LANG", "en")


@pytest.fixture(scope="session", autouse=True)
def installed_command() -> None:
    """The command under test and tmux are there, or every test says so at once."""
    assert Path(FACILITATOR).is_file(), f"no facilitator command at {FACILITATOR}"
    assert shutil.which("tmux"), "the end-to-end tests need tmux"
