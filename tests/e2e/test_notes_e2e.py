"""The installed notes console in a real terminal: a confirmed note survives kill -9."""

from __future__ import annotations

import os
import signal
import subprocess
import tomllib
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


def test_a_confirmed_note_survives_kill_9(terminal: Terminal, tmp_path: Path) -> None:
    terminal.start("host", FACILITATOR, "run", "--rehearse")
    terminal.wait_for("host", "Press space to start")
    terminal.send("host", "Space", "g", "Down", "Enter")
    terminal.wait_for("host", "Slot 3 of 14")

    terminal.start("desk", FACILITATOR, "notes", "--as", "desk")
    terminal.wait_for("desk", "writing as desk")
    terminal.send("desk", "F3", "F3", "F3")
    terminal.wait_for("desk", "Table 4 of 12")
    terminal.send("desk", "Tillid og psykologisk tryghed i teamet")
    terminal.wait_for("desk", "psykologisk tryghed i teamet")
    terminal.send("desk", "C-s")
    terminal.wait_for("desk", "✓ Saved")
    assert "Reported: 4 · missing: 1 2 3 5" in terminal.screen("desk")

    (folder,) = [path for path in (tmp_path / "sessions").iterdir() if path.is_dir()]
    lock = tomllib.loads((folder / "notes-desk.lock").read_text())
    os.kill(lock["pid"], signal.SIGKILL)

    terminal.start("again", FACILITATOR, "notes", "--as", "desk")
    terminal.wait_for("again", "Tillid og psykologisk tryghed i teamet")
    screen = terminal.wait_for("again", "Reported: 4 · missing: 1 2 3 5")
    assert "Table 4 · Q1 · desk" in screen

    terminal.send("host", "w")
    terminal.start("stage", FACILITATOR, "stage", width=100, height=30)
    stage = terminal.wait_for("stage", "What the tables said: Dialog ved bordene")
    for word in ("psykologisk", "tryghed", "tillid", "teamet"):
        assert word in stage


def test_notes_without_a_session_say_so(tmp_path: Path) -> None:
    result = subprocess.run(
        [FACILITATOR, "notes"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 2
    assert "no unfinished session" in result.stderr and "Traceback" not in result.stderr


def test_the_host_name_is_refused_as_a_writer(tmp_path: Path) -> None:
    result = subprocess.run(
        [FACILITATOR, "notes", "--as", "Host"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 2 and "host console's own" in result.stderr


def test_a_session_refused_after_the_first_frame_is_explained(
    terminal: Terminal, tmp_path: Path
) -> None:
    """The first frame is drawn from a preview of session.toml; a key the models do not
    know is refused only by them, after it: the console closes with the message, exit 2,
    and no notes file is made."""
    store = SessionStore(tmp_path / "sessions")
    host = HostRun(load_agenda(AGENDA_FILE), store, SystemClock())
    host.act(Action.START)
    host.close()
    assert host.session is not None
    session = store.folder(host.session.id) / "session.toml"
    session.write_text('color = "red"\n' + session.read_text(encoding="utf-8"), encoding="utf-8")
    command = f"{FACILITATOR} notes {host.session.id} --as desk; echo exit=$?; sleep 60"
    terminal.start("desk", "sh", "-c", command)
    screen = terminal.wait_for("desk", "exit=2")
    assert "color: unknown key" in screen and "Traceback" not in screen
    assert not (session.parent / "notes-desk.toml").exists()
