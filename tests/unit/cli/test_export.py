"""`facilitator export`: where --force may write, writes that fail end in a message, and CSV
cells that a spreadsheet would run as formulas."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.agenda.model import Agenda
from facilitator.cli import main
from facilitator.notes.model import Note, NotesFile
from facilitator.review.archive import LoadedSession
from facilitator.review.exports import inert, notes_csv
from facilitator.session.model import Session
from facilitator.session.store import SessionStore, new_session
from facilitator.timing.clock import FakeClock


@pytest.fixture
def session_id(store: SessionStore, agenda: Agenda, clock: FakeClock) -> str:
    return new_session(store, created=clock.now(), day=agenda.date, agenda=agenda).id


def export(store: SessionStore, session_id: str, *extra: str) -> list[str]:
    return [
        "export",
        session_id,
        "--format",
        "md",
        "--sessions",
        str(store.root),
        "--lang",
        "en",
        *extra,
    ]


@pytest.mark.parametrize("kind", ["symlink", "fifo", "folder"])
def test_force_refuses_anything_but_a_regular_file(
    store: SessionStore,
    session_id: str,
    tmp_path: Path,
    kind: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target, elsewhere = tmp_path / "out.md", tmp_path / "elsewhere.md"
    elsewhere.write_text("keep me")
    if kind == "symlink":
        target.symlink_to(elsewhere)
    elif kind == "fifo":
        os.mkfifo(target)
    else:
        target.mkdir()
    assert main(export(store, session_id, "-o", str(target), "--force")) == 2
    err = capsys.readouterr().err
    assert str(target) in err and "Traceback" not in err
    assert {"symlink": target.is_symlink, "fifo": target.is_fifo, "folder": target.is_dir}[kind]()
    assert elsewhere.read_text() == "keep me"


def test_force_replaces_a_regular_file(
    store: SessionStore, session_id: str, tmp_path: Path
) -> None:
    target = tmp_path / "out.md"
    target.write_text("old")
    assert main(export(store, session_id, "-o", str(target), "--force")) == 0
    assert target.read_text().startswith("# Hovedudvalgets")


def test_a_failed_write_is_a_message_and_exit_1(
    store: SessionStore, session_id: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no-such-folder" / "out.md"
    assert main(export(store, session_id, "-o", str(target))) == 1
    assert "cannot be written" in capsys.readouterr().err


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_export_to_a_full_stdout_is_a_message_and_exit_1(
    store: SessionStore, session_id: str
) -> None:
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "facilitator", *export(store, session_id)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert done.returncode == 1
    assert "standard output cannot be written" in done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr


def test_csv_cells_that_a_spreadsheet_would_run_start_with_a_quote(
    store: SessionStore, agenda: Agenda, clock: FakeClock
) -> None:
    # A carriage return never gets this far: reading a note turns it into a newline.
    evil = ['=HYPERLINK("http://x","y")', "+1+2", "-3", "@SUM(A1)", "\tx"]
    plain = ["Tillid", "3 borde", "tab\tinside", "a=b"]
    slots = [
        slot.model_copy(update={"title": "=cmd|' /C calc'!A0"}) if i == 2 else slot
        for i, slot in enumerate(agenda.slots)
    ]
    session = Session(
        id="x",
        created=clock.now(),
        day=agenda.date,
        agenda=agenda.model_copy(update={"slots": slots}),
    )
    notes = [
        Note.new("desk", 2, "Dialog", 1, "@question", text, clock.now()) for text in evil + plain
    ]
    notes.append(Note.new("-writer", 2, "Dialog", 2, None, "x", clock.now()))
    loaded = LoadedSession(session, (NotesFile(writer="desk", session="x", note=notes),))
    rows = list(csv.reader(io.StringIO(notes_csv(loaded), newline="")))[1:]
    texts = [row[7] for row in rows]
    assert sorted(texts) == sorted(["'" + text for text in evil] + plain + ["x"])
    assert {row[1] for row in rows} == {"'=cmd|' /C calc'!A0"}
    assert {row[2] for row in rows} == {"'@question", ""}
    assert {row[4] for row in rows} == {"desk", "'-writer"}


def test_a_cell_that_starts_with_a_carriage_return_starts_with_a_quote() -> None:
    """The model removes carriage returns, but the CSV does not rely on it."""
    assert inert("\rx") == "'\rx"
