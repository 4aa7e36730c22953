"""A 1-2-4-All dialogue in a rehearsal at 30 times speed: the host and the stage step
through its four phases, the bell rings once at the end of each, and the question the host
marks appears on the stage."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.e2e.terminal import FACILITATOR, Terminal, until

pytestmark = pytest.mark.e2e

AGENDA = """\
title = "Table work rehearsal"
language = "en"
warning = "5m"
end = "09:20"

[[slot]]
start = "09:00"
title = "Dialogue at the tables"
kind = "dialogue"
template = "1-2-4-all"
duration = "12m"
questions = ["What makes it safe to speak up here?", "What can we each do?"]

[[slot]]
start = "09:12"
title = "Round-up"
kind = "summary"
"""
"""A 12-minute 1-2-4-All whose warning (5 min) falls on its last phase's start, so the
bell rings exactly four times: into pairs, foursomes, everyone, and at zero."""

OSC = re.compile(rb"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")
"""An operating-system command (the pointer's shape): its BEL ends it and is no bell."""


def bells(path: Path) -> int:
    """How many times the program rang the terminal's bell, from what it wrote."""
    written = path.read_bytes() if path.exists() else b""
    return OSC.sub(b"", written).count(b"\x07")


def test_a_1_2_4_all_steps_through_its_phases_with_a_bell_at_each(
    terminal: Terminal, tmp_path: Path
) -> None:
    (tmp_path / "agenda.toml").write_text(AGENDA, encoding="utf-8")
    written = tmp_path / "host-output.bin"
    terminal.start("host", FACILITATOR, "run", "--rehearse", "--speed", "30")
    terminal.record("host", written)
    terminal.wait_for("host", "Phase 1 of 4: Alone · 01:00")
    terminal.start("stage", FACILITATOR, "stage", width=100, height=30)
    terminal.wait_for("stage", "Waiting for the host")

    terminal.send("host", "Space")
    terminal.send("host", ".")
    terminal.wait_for("stage", "▶ 1. What makes it safe to speak up here?")
    for count, phase in enumerate(("In pairs", "In foursomes", "All together"), start=1):
        terminal.wait_for("host", f"Phase {count + 1} of 4: {phase}")
        terminal.wait_for("stage", f"{phase} · {count + 1}/4")
        until(lambda count=count: bells(written) >= count, f"bell {count}")
        assert bells(written) == count, f"more than one bell by {phase}"
    terminal.wait_for("host", "Overtime")
    until(lambda: bells(written) >= 4, "the bell at zero")
    terminal.send("host", "n")
    terminal.wait_for("host", "Slot 2 of 2")
    terminal.wait_for("stage", "Round-up")
    assert "1/4" not in terminal.screen("stage")
    terminal.send("host", "q")
    terminal.wait_for("host", "Quit anyway?")
    terminal.send("host", "y")
    assert bells(written) == 4
