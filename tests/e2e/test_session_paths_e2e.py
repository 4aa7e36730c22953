"""The installed notes and stage consoles given a session's folder path from another folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.agenda.model import load_agenda
from facilitator.roles.host import HostRun
from facilitator.session.store import SessionStore
from facilitator.timing.clock import SystemClock
from facilitator.timing.events import Action
from tests.conftest import AGENDA_FILE
from tests.e2e.terminal import FACILITATOR, Terminal

pytestmark = pytest.mark.e2e


def test_notes_and_stage_take_a_session_path_from_another_folder(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "day" / "sessions")
    host = HostRun(load_agenda(AGENDA_FILE), store, SystemClock())
    host.act(Action.START)
    host.act(Action.GOTO, slot=2)
    host.close()
    assert host.session is not None
    folder = store.folder(host.session.id)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    terminal = Terminal(elsewhere)
    try:
        terminal.start("desk", FACILITATOR, "notes", str(folder), "--as", "desk")
        terminal.wait_for("desk", "writing as desk")
        terminal.send("desk", "Tillid i teamet")
        terminal.wait_for("desk", "Tillid i teamet")
        terminal.send("desk", "C-s")
        terminal.wait_for("desk", "✓ Saved")
        assert "Tillid i teamet" in (folder / "notes-desk.toml").read_text(encoding="utf-8")

        relative = f"../day/sessions/{folder.name}"
        terminal.start("stage", FACILITATOR, "stage", relative, width=100, height=30)
        terminal.wait_for("stage", "Dialog ved bordene")
    finally:
        terminal.close()
    assert not (elsewhere / "sessions").exists()
