"""A host and two note-takers, three processes, writing one session at once.

FACILITATOR_SOAK_SECONDS sets how long (15 s by default, `make soak` runs ten minutes):
long enough for a few hundred reads and a hundred writes that cross each other.

Afterwards every note is there exactly once with its last text, every action is in the
log, and no reader ever saw a file it could not parse.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

from facilitator.notes.store import NOTES_PREFIX, load_notes_file
from facilitator.session.store import SESSION_FILE, SessionStore
from tests.seed import AGENDA_FILE

pytestmark = pytest.mark.e2e

SECONDS = float(os.environ.get("FACILITATOR_SOAK_SECONDS", "15"))
WRITER = str(Path(__file__).with_name("soak_writer.py"))


def test_three_writers_at_once_lose_nothing(tmp_path: Path) -> None:
    sessions = tmp_path / "sessions"
    host = subprocess.Popen(
        [sys.executable, WRITER, "host", str(sessions), str(AGENDA_FILE), str(SECONDS + 2)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert host.stdout is not None
    session_id = json.loads(host.stdout.readline())["session"]
    desks = {
        name: subprocess.Popen(
            [sys.executable, WRITER, "notes", str(sessions), session_id, name, str(SECONDS)],
            stdout=subprocess.PIPE,
            text=True,
        )
        for name in ("desk", "hall")
    }
    folder = sessions / session_id
    reads = 0
    while any(process.poll() is None for process in (host, *desks.values())):
        # Read every file as the consoles do, while the writers write: each must parse.
        for path in folder.glob("*.toml"):
            data = tomllib.loads(path.read_text(encoding="utf-8"))
            assert data, path
            reads += 1
        time.sleep(0.05)
    assert host.wait() == 0 and all(process.wait() == 0 for process in desks.values())
    assert reads > 100

    actions = json.loads(host.stdout.read().strip().splitlines()[-1])["actions"]
    session = SessionStore(sessions).load(session_id)
    assert [event.action.value for event in session.events] == ["start", *actions]
    assert len(session.messages) >= len(actions)

    for name, process in desks.items():
        assert process.stdout is not None
        written = json.loads(process.stdout.read().strip().splitlines()[-1])["notes"]
        stored = load_notes_file(folder / f"{NOTES_PREFIX}{name}.toml").notes
        ids = [note.id for note in stored]
        assert len(ids) == len(set(ids)), f"{name}: a note is stored twice"
        assert set(ids) == set(written), f"{name}: notes lost or invented"
        for note in stored:
            assert note.text == written[note.id]["text"]
            assert note.deleted == written[note.id]["deleted"]
        assert len(written) > SECONDS  # a note every few hundred milliseconds
    assert not list(folder.glob(".*.tmp"))
    assert SESSION_FILE in os.listdir(folder)
