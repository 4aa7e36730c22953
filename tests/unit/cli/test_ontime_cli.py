"""The command line for Ontime files: `export --format ontime|report-csv` of an agenda or a
session, `import project.json`, and bad files (a message naming the file, exit 2)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.agenda.model import Agenda, load_agenda
from facilitator.cli import main
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from tests.seed import AGENDA_FILE
from tests.unit.agenda.test_ontime import TECHDAY, techday
from tests.unit.review.test_exports import PLANNED, run_day


def test_an_agenda_file_exports_to_ontime_and_imports_back(
    tmp_path: Path, agenda: Agenda, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "day.json"
    assert main(["export", str(AGENDA_FILE), "--format", "ontime", "-o", str(project)]) == 0
    assert json.loads(project.read_text())["settings"]["version"].startswith("4.")
    back = tmp_path / "back.toml"
    assert main(["import", str(project), "-o", str(back)]) == 0
    assert "wrote" in capsys.readouterr().err
    again = load_agenda(back)
    assert [(s.start, s.title, s.speakers) for s in again.slots] == [
        (s.start, s.title, s.speakers) for s in agenda.slots
    ]


def test_a_session_exports_to_ontime_and_to_the_report(
    agenda: Agenda,
    store: SessionStore,
    clock: FakeClock,
    capsys: pytest.CaptureFixture[str],
) -> None:
    day = run_day(agenda, store, clock, PLANNED, notes=False)
    base = ["export", day.session.id, "--sessions", str(store.root), "--format"]
    assert main([*base, "ontime"]) == 0
    project = json.loads(capsys.readouterr().out)
    assert project["project"]["title"] == agenda.title
    assert main([*base, "report-csv"]) == 0
    lines = capsys.readouterr().out.lstrip("\ufeff").splitlines()
    assert lines[0] == "Index,Title,Cue,Scheduled Start,Actual Start,Scheduled End,Actual End"
    assert len(lines) == 1 + len(agenda.slots)


def test_an_agenda_has_no_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(AGENDA_FILE), "--format", "report-csv"]) == 2
    err = capsys.readouterr().err
    assert "agenda.toml" in err and "needs a session" in err


def test_the_hand_written_project_imports_with_remarks(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["import", str(TECHDAY)]) == 0
    out, err = capsys.readouterr()
    assert 'title = "Nordic Stage Tech Day"' in out
    assert f"facilitator: {TECHDAY}: milestone 'Doors open" in err


def test_rundown_and_day_choose_through_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = techday()
    data["rundowns"]["late"] = {
        "id": "late",
        "title": "Late show",
        "order": ["a", "b"],
        "entries": {
            "a": {"type": "event", "title": "Gig", "timeStart": 82_800_000, "duration": 3_600_000},
            "b": {"type": "event", "title": "Encore", "timeStart": 0, "duration": 600_000},
        },
    }
    source = tmp_path / "two.json"
    source.write_text(json.dumps(data))
    assert main(["import", str(source)]) == 2
    assert "--rundown ID" in capsys.readouterr().err
    assert main(["import", str(source), "--rundown", "late"]) == 2
    assert "--day N" in capsys.readouterr().err
    assert main(["import", str(source), "--rundown", "Late show", "--day", "2"]) == 0
    assert 'title = "Encore"' in capsys.readouterr().out


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("broken.json", b'{"rundowns": {,}}', "line 1, column 15: not JSON"),
        ("list.json", b"[1, 2]", "the file: expected an object"),
        ("other.json", b'{"name": "a package.json"}', "not an Ontime project"),
        ("latin1.json", '{"project": "Århus"}'.encode("cp1252") + b"\x81", "not text"),
        ("empty.json", b"  \n", "is empty"),
        ("nan.json", b'{"settings": {"version": NaN}}', "NaN is not a number"),
        ("piped.txt", b'{"settings": {"version": "3.9.0"}, "rundown": []}', "Ontime 3"),
        (
            "shape.json",
            json.dumps({"settings": {"version": "4.2.0"}, "rundowns": {"x": []}}).encode(),
            "rundowns.x: expected an object",
        ),
    ],
)
def test_a_bad_project_file_is_a_message_and_exit_2(
    tmp_path: Path, name: str, content: bytes, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    out = tmp_path / "agenda.toml"
    assert main(["import", str(path), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"facilitator: {path}: ") and message in err, err
    assert "Traceback" not in err and not out.exists()


def test_the_command_itself_never_shows_a_traceback(tmp_path: Path) -> None:
    """The installed entry point, in a process of its own, on JSON cut off mid-way."""
    path = tmp_path / "cut.json"
    path.write_text(TECHDAY.read_text(encoding="utf-8")[:500], encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "facilitator", "import", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith(f"facilitator: {path}: line ") and "not JSON" in done.stderr
    assert "Traceback" not in done.stderr
