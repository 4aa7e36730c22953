"""Two processes writing as one note-taker: after `--take-over` the first writes nothing
more, and no note either of them confirmed is lost."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from facilitator.agenda.model import load_agenda
from facilitator.notes.store import load_notes_file, notes_path
from facilitator.roles.host import HostRun
from facilitator.session.store import SessionStore
from facilitator.timing.clock import SystemClock
from facilitator.timing.events import Action
from tests.conftest import AGENDA_FILE

pytestmark = pytest.mark.e2e

DRIVER = str(Path(__file__).with_name("notes_driver.py"))


class Writer:
    """One notes_driver.py process."""

    def __init__(self, sessions: Path, session_id: str, take_over: bool = False) -> None:
        flags = ["--take-over"] if take_over else []
        self.process = subprocess.Popen(
            [sys.executable, DRIVER, str(sessions), session_id, "desk", *flags],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.read() == {"ready": True}

    def read(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        assert line, f"the writer exited with {self.process.wait()}"
        result: dict[str, Any] = json.loads(line)
        return result

    def send(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def save(self, text: str) -> str:
        self.send(f"save {text}")
        result = self.read()
        assert result["text"] == text
        return str(result["result"])

    def close(self) -> None:
        if self.process.poll() is None:
            self.send("quit")
        assert self.process.wait(timeout=30) == 0


@pytest.fixture
def session(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    sessions = tmp_path / "sessions"
    run = HostRun(load_agenda(AGENDA_FILE), SessionStore(sessions), SystemClock())
    run.act(Action.START)
    assert run.session is not None
    run.close()
    yield sessions, run.session.id


def stored(sessions: Path, session_id: str) -> list[str]:
    notes = load_notes_file(notes_path(sessions / session_id, "desk")).notes
    return sorted(note.text for note in notes if not note.deleted)


def test_a_writer_taken_over_writes_nothing_more(session: tuple[Path, str]) -> None:
    sessions, session_id = session
    first = Writer(sessions, session_id)
    assert first.save("NOTE-0") == "saved"
    second = Writer(sessions, session_id, take_over=True)
    assert second.save("NOTE-B") == "saved"
    assert first.save("NOTE-A") == "taken_over"
    assert second.save("NOTE-C") == "saved"
    assert first.save("NOTE-A2") == "taken_over"
    first.close()
    assert second.save("NOTE-D") == "saved"  # the first's exit left the lock alone
    second.close()
    assert stored(sessions, session_id) == ["NOTE-0", "NOTE-B", "NOTE-C", "NOTE-D"]


def test_a_take_over_in_the_middle_of_writes_keeps_every_confirmed_note(
    session: tuple[Path, str],
) -> None:
    sessions, session_id = session
    first = Writer(sessions, session_id)
    first.send("loop 100000 A")
    confirmed = []
    for _ in range(20):  # the first is writing before the second starts
        result = first.read()
        assert result["result"] == "saved"
        confirmed.append(result["text"])
    second = Writer(sessions, session_id, take_over=True)
    second.send("loop 30 B")
    while (result := first.read())["result"] == "saved":
        confirmed.append(result["text"])
    assert result["result"] == "taken_over"
    for _ in range(30):
        result = second.read()
        assert result["result"] == "saved"
        confirmed.append(result["text"])
    first.close()
    second.close()
    assert stored(sessions, session_id) == sorted(confirmed)
