"""Faults survived: kill -9 at random moments, a folder gone read-only, mangled files."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
import tomllib
from datetime import datetime
from pathlib import Path

import pytest

from facilitator.agenda.model import load_agenda
from facilitator.errors import SessionError
from facilitator.notes.store import load_notes_file
from facilitator.roles.host import HostRun
from facilitator.session.lock import LOCK_FILE
from facilitator.session.store import SESSION_FILE, SessionStore
from facilitator.timing.clock import SystemClock
from facilitator.timing.events import Action
from tests.e2e.terminal import FACILITATOR, Terminal
from tests.seed import AGENDA_FILE

pytestmark = pytest.mark.e2e

DRIVER = str(Path(__file__).with_name("fault_driver.py"))
KILLS = 20


def test_kill_9_at_random_moments_loses_no_action(tmp_path: Path) -> None:
    shutil.copy(AGENDA_FILE, tmp_path / "agenda.toml")
    sessions = tmp_path / "sessions"
    rng = random.Random(20241126)
    confirmed: list[dict[str, object]] = []
    for kill in range(KILLS):
        driver = subprocess.Popen(
            [sys.executable, DRIVER, str(sessions), str(tmp_path / "agenda.toml"), str(kill)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert driver.stdout is not None and driver.stderr is not None
        lines = []
        for line in driver.stdout:  # until it acts; a slow start is not the moment tested
            if json.loads(line).get("ready"):
                break
            lines.append(line)
        time.sleep(rng.uniform(0.02, 0.6))  # the random moment of the kill, not a wait
        os.kill(driver.pid, signal.SIGKILL)
        # Read on through the same buffered file: communicate() would skip what it holds.
        lines += driver.stdout.read().splitlines()
        err = driver.stderr.read()
        driver.wait(timeout=30)
        driver.stdout.close()
        driver.stderr.close()
        assert "Traceback" not in err, err
        confirmed += [json.loads(line) for line in lines if line.strip()]
        (folder,) = [p for p in sessions.iterdir() if p.is_dir()]
        raw = (folder / SESSION_FILE).read_text(encoding="utf-8")
        tomllib.loads(raw)  # never a half-written file
        session = SessionStore(sessions).load(folder.name)
        logged = [(e.action.value, e.at.isoformat()) for e in session.events]
        printed = [(str(c["action"]), str(c["at"])) for c in confirmed]
        # Every action reported as done is in the log, in order; at most the one being
        # reported when the kill came is there without its report.
        assert logged[: len(printed)] == printed
        assert len(logged) - len(printed) in (0, 1)
        if len(logged) > len(printed):
            confirmed.append({"action": logged[-1][0], "at": logged[-1][1]})
    assert len(confirmed) > KILLS * 5

    # What the driver saw right after each action is what the log gives at that moment.
    session = SessionStore(sessions).load(folder.name)
    timeline = session.timeline()
    replay = type(timeline)(session.agenda, day=session.day)
    for event, seen in zip(session.events, confirmed, strict=True):
        replay.apply(event)
        if "current" in seen:
            state = replay.state(datetime.fromisoformat(str(seen["at"])))
            assert (state.current, state.current_slot.phase.value) == (
                seen["current"],
                seen["phase"],
            )

    # A resumed host shows exactly what the log gives.
    run = HostRun(
        session.agenda,
        SessionStore(sessions),
        SystemClock(),
        agenda_file=tmp_path / "agenda.toml",
        speed=600,
    )
    candidate = run.resumable()
    assert candidate is not None
    run.resume(candidate)
    now = run.clock.now()
    assert run.timeline.state(now) == SessionStore(sessions).load(folder.name).timeline().state(now)
    run.close()


MANGLED = {
    "empty": b"",
    "truncated": None,  # the first half of a real file
    "binary": bytes(range(256)) * 4,
    "hand-mangled": None,  # a real file with a key misspelt and a value broken
}


def mangle(real: bytes, kind: str) -> bytes:
    if kind == "truncated":
        # Cut inside a value, as a write stopped by a power cut would.
        marker = b'action = "' if b'action = "' in real else b'text = "'
        return real[: real.index(marker) + len(marker) + 2]
    if kind == "hand-mangled":
        return real.replace(b'action = "start"', b'action = "begin"').replace(
            b"title =", b"titel =", 1
        )
    content = MANGLED[kind]
    assert content is not None
    return content


def a_left_rehearsal(root: Path) -> Path:
    """The folder of a rehearsal started, moved on once and quit, as the host console's
    own HostRun leaves it (without the seconds a console takes to start)."""
    shutil.copy(AGENDA_FILE, root / "agenda.toml")
    store = SessionStore(root / "sessions")
    run = HostRun(
        load_agenda(root / "agenda.toml"),
        store,
        SystemClock(),
        agenda_file=root / "agenda.toml",
        speed=60,
    )
    run.act(Action.START)
    run.act(Action.NEXT)
    run.close()
    assert run.session is not None and not (store.folder(run.session.id) / LOCK_FILE).exists()
    return store.folder(run.session.id)


@pytest.mark.parametrize("kind", sorted(MANGLED))
def test_a_mangled_session_file_is_named_and_left_alone(tmp_path: Path, kind: str) -> None:
    folder = a_left_rehearsal(tmp_path)
    path = folder / SESSION_FILE
    damaged = mangle(path.read_bytes(), kind)
    path.write_bytes(damaged)
    commands = [
        [FACILITATOR, "stage", folder.name],
        [FACILITATOR, "notes", folder.name, "--as", "desk"],
        [FACILITATOR, "export", folder.name, "--format", "md"],
    ]
    for command in commands:
        result = subprocess.run(
            command,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=20,
            stdin=subprocess.DEVNULL,
        )
        assert result.returncode == 2, (command, result.stdout, result.stderr)
        assert str(Path("sessions") / folder.name / SESSION_FILE) in result.stderr
        assert "Traceback" not in result.stderr
    # The host console does not offer, resume or overwrite it: it starts a new session.
    with pytest.raises(SessionError):
        SessionStore(tmp_path / "sessions").load(folder.name)
    assert SessionStore(tmp_path / "sessions").newest_unfinished() is None
    assert path.read_bytes() == damaged


@pytest.mark.parametrize("kind", ["empty", "truncated", "binary", "hand-mangled"])
def test_a_mangled_notes_file_is_reported_and_left_alone(tmp_path: Path, kind: str) -> None:
    from facilitator.roles.note_taker import NoteTaking
    from facilitator.timing.clock import FakeClock
    from tests.seed import CPH

    clock = FakeClock(datetime(2024, 11, 26, 9, 0, tzinfo=CPH))
    store = SessionStore(tmp_path / "sessions")
    run = HostRun(load_agenda(AGENDA_FILE), store, clock)
    run.act(Action.START)
    assert run.session is not None
    desk = NoteTaking(store, run.session, "desk", clock)
    desk.save(0, 1, None, "første note")
    desk.save(0, 2, None, "anden note")
    desk.close()
    path = desk.writer.path
    real = path.read_bytes()
    damaged = (
        mangle(real.replace(b'writer = "desk"', b'writer = "desk"\ntitle = 1'), kind)
        if kind == "hand-mangled"
        else mangle(real, kind)
    )
    path.write_bytes(damaged)
    with pytest.raises(SessionError, match=str(path)):
        load_notes_file(path)
    result = subprocess.run(
        [FACILITATOR, "notes", run.session.id, "--as", "desk"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 2 and str(path.name) in result.stderr
    assert "Traceback" not in result.stderr
    other = NoteTaking(store, run.session, "hall", clock)
    assert other.reader.problems and path in other.reader.problems
    assert path.read_bytes() == damaged


def set_read_only(folder: Path, read_only: bool) -> None:
    """Make a folder refuse new files, for root too (the immutable attribute), or allow them."""
    if os.geteuid() == 0:
        subprocess.run(["chattr", "+i" if read_only else "-i", str(folder)], check=True)
    else:
        folder.chmod(0o555 if read_only else 0o755)
    probe = folder / ".probe"
    try:
        probe.touch()
        probe.unlink()
        writable = True
    except OSError:
        writable = False
    assert writable != read_only, "could not make the folder read-only for this test"


def set_file_read_only(path: Path, read_only: bool) -> None:
    """Make a file refuse writes, appends included, for root too, or allow them."""
    if os.geteuid() == 0:
        subprocess.run(["chattr", "+i" if read_only else "-i", str(path)], check=True)
    else:
        path.chmod(0o444 if read_only else 0o644)


def test_a_folder_gone_read_only_loses_nothing(tmp_path: Path) -> None:
    shutil.copy(AGENDA_FILE, tmp_path / "agenda.toml")
    term = Terminal(tmp_path)
    folder: Path | None = None
    try:
        term.start("host", FACILITATOR, "run", "--rehearse")
        term.wait_for("host", "Press space to start")
        term.send("host", "Space", "g", "Down", "Enter")
        term.wait_for("host", "Slot 3 of 14")
        (folder,) = [path for path in (tmp_path / "sessions").iterdir() if path.is_dir()]
        term.start("desk", FACILITATOR, "notes", "--as", "desk")
        term.wait_for("desk", "writing as desk")
        term.send("desk", "Før: tillid")
        term.wait_for("desk", "Før: tillid")
        term.send("desk", "C-s")
        term.wait_for("desk", "✓ Saved")

        set_read_only(folder, True)
        set_file_read_only(folder / "notes-desk.toml", True)  # a save appends to it
        term.send("desk", "Under: psykologisk tryghed")
        term.wait_for("desk", "Under: psykologisk tryghed")
        term.send("desk", "C-s")
        screen = term.wait_for("desk", "✗ Not saved")
        assert "Under: psykologisk tryghed" in screen  # the text stays in the editor
        term.send("host", "n")
        term.wait_for("host", "Slot 4 of 14")
        term.wait_for("host", "Not saved")
        # Both retry every second: two seconds of the host's clock later, still not saved.
        term.wait_for_change("host")
        term.wait_for_change("host")
        assert "✗ Not saved" in term.screen("desk")

        set_file_read_only(folder / "notes-desk.toml", False)
        set_read_only(folder, False)
        term.wait_for("desk", "✓ Saved")
        term.wait_for("host", "Saved again")
    finally:
        if folder is not None and os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(folder / "notes-desk.toml")], check=False)
            subprocess.run(["chattr", "-i", str(folder)], check=False)
        term.close()
    texts = [note.text for note in load_notes_file(folder / "notes-desk.toml").notes]
    assert texts == ["Før: tillid", "Under: psykologisk tryghed"]
    session = SessionStore(tmp_path / "sessions").load(folder.name)
    assert [e.action.value for e in session.events] == ["start", "goto", "next"]
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]
