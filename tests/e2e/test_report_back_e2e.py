"""The report-back round in real terminals: a rehearsal reaches the round-up, the host runs
the round over every table with the stage and a notes console beside it, and each note
typed during a turn lands under the table reporting."""

from __future__ import annotations

import os
import signal
import tomllib
from pathlib import Path

import pytest

from tests.e2e.terminal import FACILITATOR, Terminal, until

pytestmark = pytest.mark.e2e


def notes_by_table(root: Path) -> dict[int, str]:
    """The desk's notes on disk, by table."""
    (folder,) = [path for path in (root / "sessions").iterdir() if path.is_dir()]
    path = folder / "notes-desk.toml"
    if not path.exists():
        return {}
    notes = tomllib.loads(path.read_text()).get("note", [])
    return {note["table"]: note["text"] for note in notes if not note.get("deleted")}


def test_a_round_over_every_table_with_stage_and_notes(terminal: Terminal, tmp_path: Path) -> None:
    terminal.start("host", FACILITATOR, "run", "--rehearse")
    terminal.wait_for("host", "Press space to start")
    terminal.send("host", "Space")
    terminal.wait_for("host", "Running")
    terminal.send("host", "g")
    terminal.wait_for("host", "Go to which slot")
    terminal.send("host", "Down", "Down", "Enter")  # from slot 2 highlighted to slot 4
    terminal.wait_for("host", "Slot 4 of 14")
    terminal.wait_for("host", "Kort opsamling")

    terminal.start("stage", FACILITATOR, "stage")
    terminal.wait_for("stage", "Kort opsamling")
    terminal.start("desk", FACILITATOR, "notes", "--as", "desk")
    terminal.wait_for("desk", "Dialog ved bordene")  # the dialogue the round-up is about

    terminal.send("host", "b")
    terminal.wait_for("host", "Table 1 · ")
    terminal.wait_for("stage", "Table 1 · ")
    terminal.wait_for("stage", "Next: table 2")
    terminal.wait_for("desk", "Table 1 of 12 · reporting now")

    said = {1: "Tillid mellem kolleger", 4: "Plads til at sige fra", 12: "Fælles ansvar"}
    for table in range(1, 13):
        if table > 1:
            terminal.send("host", "t")
            terminal.wait_for("stage", f"Table {table} · ")
            terminal.wait_for("desk", f"Table {table} of 12 · reporting now")
        if table in said:
            terminal.send("desk", *said[table])
            terminal.send("desk", "C-s")
            terminal.wait_for("desk", f"table {table}")  # the save names its table
            until(lambda t=table: notes_by_table(tmp_path).get(t) == said[t], f"note {table}")
    terminal.wait_for("stage", "Last table")
    terminal.send("host", "t")  # table 12 has reported: the round is done
    terminal.wait_for("host", "Report-back done: 12 of 12 tables reported")
    terminal.wait_for("desk", "Reported: 1 2 3 4 5 6 7 8 9 10 11 12 · not reported: –")
    until(lambda: "Table 12 ·" not in terminal.screen("stage"), "the stage to end the round")
    assert "Kort opsamling" in terminal.screen("stage")
    assert notes_by_table(tmp_path) == said


def test_a_round_survives_kill_9_and_resumes(terminal: Terminal, tmp_path: Path) -> None:
    terminal.start("host", FACILITATOR, "run", "--rehearse")
    terminal.wait_for("host", "Press space to start")
    terminal.send("host", "Space")
    terminal.wait_for("host", "Running")
    terminal.send("host", "g")
    terminal.wait_for("host", "Go to which slot")
    terminal.send("host", "Down", "Down", "Enter")
    terminal.wait_for("host", "Slot 4 of 14")
    terminal.send("host", "b")
    terminal.wait_for("host", "Table 1 · ")
    terminal.send("host", "s")
    terminal.wait_for("host", "Table 2 · ")
    (folder,) = [path for path in (tmp_path / "sessions").iterdir() if path.is_dir()]
    lock = tomllib.loads((folder / "host.lock").read_text())
    os.kill(lock["pid"], signal.SIGKILL)
    terminal.start("again", FACILITATOR, "run", "--rehearse", "--resume")
    terminal.wait_for("again", "Table 2 · ")
    terminal.wait_for("again", "Reported: – · not reported: 1 3 4")
    terminal.send("again", "C-z")  # the skip taken back
    terminal.wait_for("again", "Table 1 · ")
