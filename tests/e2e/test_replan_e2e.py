"""The re-plan in a real terminal: a rehearsal whose welcome runs 15 minutes over, `r`,
Enter, and `facilitator status --json` beside the running console."""

from __future__ import annotations

import json
import subprocess
import tomllib
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.terminal import FACILITATOR, Terminal

pytestmark = pytest.mark.e2e


def status(terminal: Terminal, tmp_path: Path) -> Any:
    result = subprocess.run(
        [FACILITATOR, "status", "--json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=terminal.env,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_r_then_enter_keeps_lunch_at_noon_and_status_says_so(
    terminal: Terminal, tmp_path: Path
) -> None:
    terminal.start("host", FACILITATOR, "run", "--rehearse", "--speed", "60")
    terminal.wait_for("host", "Press space to start")
    terminal.send("host", "Space")
    terminal.wait_for("host", "15 min behind", timeout=40)  # a virtual minute a second
    terminal.send("host", "n")
    terminal.wait_for("host", "Slot 2 of 14")
    # The talk runs ten virtual minutes (ten seconds) on time: the delay stands still.
    before = status(terminal, tmp_path)
    (lunch_risk,) = before["fixed"]
    assert lunch_risk["number"] == 13 and lunch_risk["late_minutes"] >= 15
    assert before["replan"]["target"]["number"] == 13
    screen = terminal.wait_for("host", "r: re-plan")
    assert "Frokostsandwich med mulighed for to-go is fixed at 12:00: cut" in screen
    terminal.send("host", "r")
    terminal.wait_for("host", "expected at 12:00 (planned 12:00)")
    terminal.send("host", "Enter")
    screen = terminal.wait_for("host", "Re-planned")
    assert "r: re-plan" not in screen and "cut" not in screen.splitlines()[1]
    after = status(terminal, tmp_path)
    assert after["fixed"] == [] and after["replan"] is None
    assert after["slots"][12]["expected_start"] == "2024-11-26T12:00:00+01:00"
    assert after["expected_end"] == "2024-11-26T12:30:00+01:00"
    (folder,) = [path for path in (tmp_path / "sessions").iterdir() if path.is_dir()]
    events = tomllib.loads((folder / "session.toml").read_text())["event"]
    assert [event["action"] for event in events] == ["start", "next", "replan"]
    terminal.send("host", "q")
    terminal.wait_for("host", "Quit anyway?")
    terminal.send("host", "y")
