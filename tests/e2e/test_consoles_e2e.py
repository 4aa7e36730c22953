"""Several consoles on one day, in real terminals: a second host console follows read-only
until it takes over, the stage and a note-taker move to the real day after a rehearsal,
and an unexpected error leaves a crash log, status 1 and a day that resumes."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest

from tests.e2e.terminal import FACILITATOR, Terminal

pytestmark = pytest.mark.e2e

READ_ONLY = "Read-only: another host console holds this session"


def session_folders(root: Path) -> list[Path]:
    return sorted(path for path in (root / "sessions").iterdir() if path.is_dir())


def actions(folder: Path) -> list[str]:
    session = tomllib.loads((folder / "session.toml").read_text())
    return [event["action"] for event in session["event"]]


def test_a_second_host_console_follows_read_only_until_it_takes_over(
    terminal: Terminal, tmp_path: Path
) -> None:
    terminal.start("host", FACILITATOR, "run", "--rehearse")
    terminal.wait_for("host", "Press space to start")
    terminal.send("host", "Space")
    terminal.wait_for("host", "Running")

    # The same agenda copied elsewhere is the same day.
    (tmp_path / "copy").mkdir()
    shutil.copy(tmp_path / "agenda.toml", tmp_path / "copy" / "agenda.toml")
    terminal.start("second", FACILITATOR, "run", "copy/agenda.toml", "--rehearse")
    screen = terminal.wait_for("second", READ_ONLY)
    assert "--take-over" in screen
    terminal.send("second", "n", "Space", "f")  # its keys act on nothing
    terminal.send("host", "n")
    terminal.wait_for("second", "Slot 2 of 14")
    (folder,) = session_folders(tmp_path)
    assert actions(folder) == ["start", "next"]

    terminal.start("taker", FACILITATOR, "run", "--rehearse", "--resume", "--take-over")
    terminal.wait_for("taker", "Slot 2 of 14")
    terminal.wait_for("host", "took this session over")
    terminal.send("taker", "n")
    terminal.wait_for("taker", "Slot 3 of 14")
    screen = terminal.wait_for("host", "Slot 3 of 14")  # it follows, not its stale slot
    assert READ_ONLY in screen
    terminal.wait_for("second", "Slot 3 of 14")
    assert session_folders(tmp_path) == [folder]
    assert actions(folder) == ["start", "next", "next"]


def test_the_stage_and_a_note_taker_move_to_the_real_day_after_the_rehearsal(
    terminal: Terminal, tmp_path: Path
) -> None:
    terminal.start("rehearsal", FACILITATOR, "run", "--rehearse", "--speed", "60")
    terminal.wait_for("rehearsal", "Press space to start")
    terminal.send("rehearsal", "Space")
    terminal.wait_for("rehearsal", "Running")
    terminal.start("stage", FACILITATOR, "stage", width=100, height=30)
    terminal.wait_for("stage", "Velkommen til arbejdsmiljødagen")
    terminal.start("desk", FACILITATOR, "notes", "--as", "desk")
    terminal.wait_for("desk", "writing as desk")

    terminal.send("rehearsal", "f")
    terminal.wait_for("rehearsal", "Finish the day now?")
    terminal.send("rehearsal", "y")
    terminal.wait_for("stage", "Thank you!")
    terminal.send("rehearsal", "q")

    terminal.start("real", FACILITATOR, "run")
    terminal.wait_for("real", "Press space to start")
    terminal.send("real", "Space")
    terminal.wait_for("real", "Running")
    terminal.wait_for("stage", "Velkommen til arbejdsmiljødagen", timeout=10)
    terminal.wait_for("desk", "Now taking notes in the session that started later", timeout=10)
    terminal.send("desk", *"Fra den rigtige dag", "C-s")
    terminal.wait_for("desk", "✓ Saved")
    real = [folder for folder in session_folders(tmp_path) if "rehearsal" not in folder.name]
    assert (real[0] / "notes-desk.toml").is_file()


CRASH_HOOK = '''
"""Test hook: the message "crash now" raises inside the host console."""
from facilitator.roles import host

_send = host.HostRun.send_message


def send_message(self, text, **options):
    if text == "crash now":
        raise RuntimeError("broken on purpose")
    return _send(self, text, **options)


host.HostRun.send_message = send_message
'''


def test_an_unexpected_error_leaves_a_crash_log_and_a_day_that_resumes(
    terminal: Terminal, tmp_path: Path
) -> None:
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(CRASH_HOOK)
    terminal.env["PYTHONPATH"] = str(hook)
    terminal.start(
        "host", "sh", "-c", f"{FACILITATOR} run --rehearse; echo exit status $?; sleep 60"
    )
    terminal.wait_for("host", "Press space to start")
    terminal.send("host", "Space", "n")
    terminal.wait_for("host", "Slot 2 of 14")
    terminal.send("host", "m", *"crash now", "Enter")
    screen = terminal.wait_for("host", "exit status 1")
    assert "an unexpected error stopped the console" in screen and "Traceback" not in screen
    (folder,) = session_folders(tmp_path)
    (log,) = folder.glob("crash-*.log")
    assert log.name in screen.replace("\n", "")
    assert "RuntimeError: broken on purpose" in log.read_text()
    assert not (folder / "host.lock").exists()  # let go: the day can be resumed

    del terminal.env["PYTHONPATH"]
    terminal.start("again", FACILITATOR, "run", "--rehearse", "--resume")
    terminal.wait_for("again", "Slot 2 of 14")
    assert actions(folder) == ["start", "next"]
