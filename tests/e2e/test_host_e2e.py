"""The installed command in a real terminal: a rehearsed day, a kill -9, a resume, the stage."""

from __future__ import annotations

import os
import signal
import subprocess
import tomllib
from pathlib import Path

import pytest

from tests.e2e.terminal import FACILITATOR, Terminal

pytestmark = pytest.mark.e2e


def session_folder(root: Path) -> Path:
    (folder,) = [path for path in (root / "sessions").iterdir() if path.is_dir()]
    return folder


def test_a_rehearsed_day_survives_kill_9(terminal: Terminal, tmp_path: Path) -> None:
    terminal.start("host", FACILITATOR, "run", "--rehearse", "--speed", "60")
    terminal.wait_for("host", "Press space to start")
    assert "REHEARSAL ×60" in terminal.screen("host")

    terminal.send("host", "Space")
    terminal.wait_for("host", "Running")
    terminal.send("host", "n")
    terminal.wait_for("host", "Slot 2 of 14")
    terminal.send("host", "n")
    terminal.wait_for("host", "Slot 3 of 14")
    terminal.send("host", "+")
    terminal.send("host", "m", *"Round off please", "Enter")
    terminal.wait_for("host", "On stage: Round off please")

    terminal.start("stage", FACILITATOR, "stage", width=100, height=30)
    stage = terminal.wait_for("stage", "Dialog ved bordene")
    assert "Round off please" in stage and "Next: Kort opsamling" in stage

    folder = session_folder(tmp_path)
    lock = tomllib.loads((folder / "host.lock").read_text())
    os.kill(lock["pid"], signal.SIGKILL)

    terminal.start("again", FACILITATOR, "run", "--rehearse", "--speed", "60", "--resume")
    screen = terminal.wait_for("again", "Slot 3 of 14")
    assert "Dialog ved bordene" in screen and "On stage: Round off please" in screen
    assert "Dialog ved bordene" in terminal.screen("stage")

    session = tomllib.loads((folder / "session.toml").read_text())
    assert [event["action"] for event in session["event"]] == ["start", "next", "next", "adjust"]
    assert session["rehearsal"]["speed"] == 60
    times = [event["at"] for event in session["event"]]
    assert times == sorted(times)

    terminal.send("again", "n")
    terminal.wait_for("again", "Slot 4 of 14")
    terminal.wait_for("stage", "Kort opsamling")
    terminal.send("again", "q")
    terminal.wait_for("again", "Quit anyway?")
    terminal.send("again", "y")
    session = tomllib.loads((folder / "session.toml").read_text())
    assert [event["action"] for event in session["event"]][-1] == "next"


def test_a_second_host_console_asked_to_resume_follows_read_only(
    terminal: Terminal, tmp_path: Path
) -> None:
    terminal.start("host", FACILITATOR, "run", "--rehearse")
    terminal.wait_for("host", "Press space to start")
    terminal.send("host", "Space")
    terminal.wait_for("host", "Running")
    terminal.start("second", FACILITATOR, "run", "--rehearse", "--resume")
    screen = terminal.wait_for("second", "Read-only: another host console holds this session")
    assert "--take-over" in screen and "Running" in screen
    terminal.send("second", "n")
    terminal.send("host", "n")
    terminal.wait_for("second", "Slot 2 of 14")
    assert [
        event["action"]
        for event in tomllib.loads((session_folder(tmp_path) / "session.toml").read_text())["event"]
    ] == ["start", "next"]


def test_a_broken_agenda_is_explained_without_a_console(tmp_path: Path) -> None:
    (tmp_path / "agenda.toml").write_text('title = "Day"\n[[slot]]\nstart = "9.00"\ntitel = "x"\n')
    result = subprocess.run(
        [FACILITATOR],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 2
    assert "agenda.toml: slot 1: unknown key 'titel'; did you mean 'title'?" in result.stderr


def test_the_repositorys_day_opens_in_danish(terminal: Terminal) -> None:
    terminal.env.pop("FACILITATOR_LANG")
    terminal.start("host", FACILITATOR)
    terminal.wait_for("host", "Tryk mellemrum for at starte")
    screen = terminal.wait_for("host", "Næste: ")  # the console's line, after the first frame
    # The next slot's expected time depends on the wall clock (a day not started on time
    # is forecast from now), so only its words are the same at every hour.
    assert "Punkt 1 af 14 · velkomst" in screen and "Næste: " in screen
    assert "Opfølgning og videre arbejde" in screen
    terminal.send("host", "q")
    terminal.start("english", FACILITATOR, "--lang", "en")
    terminal.wait_for("english", "Press space to start")


def test_an_agenda_refused_after_the_first_frame_is_explained(
    terminal: Terminal, tmp_path: Path
) -> None:
    """The first frame is drawn from a preview of the agenda; ten preset messages are
    refused only by the models, after it: the console closes with the message, exit 2,
    and no session is made."""
    day = (Path(__file__).parents[2] / "agenda.toml").read_text(encoding="utf-8")
    ten = ", ".join(f'"Besked {number}"' for number in range(1, 11))
    (tmp_path / "ten.toml").write_text(
        day.replace("messages = [", f"messages = [{ten}, ", 1), encoding="utf-8"
    )
    terminal.start("host", "sh", "-c", f"{FACILITATOR} run ten.toml; echo exit=$?; sleep 60")
    screen = terminal.wait_for("host", "exit=2")
    assert "facilitator: ten.toml: 'messages': 14 messages" in screen
    assert not (tmp_path / "sessions").exists() or not any((tmp_path / "sessions").iterdir())
