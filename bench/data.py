"""Sessions made for the benchmarks: many notes, many sessions."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

from facilitator.agenda.model import load_agenda
from facilitator.notes.model import Note
from facilitator.notes.store import NotesWriter
from facilitator.roles.host import HostRun
from facilitator.session.model import Session
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock, SystemClock
from facilitator.timing.events import Action, Event

ROOT = Path(__file__).resolve().parent.parent
WORDS = (
    "tillid psykologisk tryghed feedback dialog fællesskab ledelse trivsel ansvar "
    "aktørskab møder kolleger hverdagen opgaven"
).split()


def session_with_notes(sessions: Path, count: int) -> tuple[str, NotesWriter]:
    """A finished session whose first dialogue holds `count` notes from one writer."""
    agenda = load_agenda(ROOT / "agenda.toml")
    clock = FakeClock(datetime(2024, 11, 26, 7, 45, tzinfo=UTC))
    run = HostRun(agenda, SessionStore(sessions), clock)
    run.act(Action.START)
    run.act(Action.GOTO, slot=2)
    assert run.session is not None
    writer = NotesWriter(sessions / run.session.id, run.session.id, "desk")
    questions = agenda.slots[2].questions
    for index in range(count):
        text = " ".join(WORDS[(index * 7 + k) % len(WORDS)] for k in range(12))
        note = Note.new(
            "desk",
            2,
            "Dialog ved bordene",
            1 + index % 12,
            questions[index % 2],
            f"Bord {1 + index % 12}: {text}.",
            clock.now(),
        )
        writer.notes[note.id] = note
    writer.flush()
    clock.advance(3600)
    run.act(Action.FINISH)
    run.close()
    return run.session.id, writer


def live_session(sessions: Path) -> str:
    """A session started now and left running (its console closed), for the stage and the
    notes console to open."""
    agenda = load_agenda(ROOT / "agenda.toml")
    run = HostRun(agenda, SessionStore(sessions), SystemClock())
    run.act(Action.START)
    assert run.session is not None
    run.close()
    return run.session.id


def many_sessions(sessions: Path, count: int) -> None:
    """`count` finished sessions with a few notes each, copies of one."""
    source = sessions / "_source"
    session_id, writer = session_with_notes(source, 12)
    writer.close()
    for index in range(count):
        target = sessions / f"{session_id}-{index:04d}"
        shutil.copytree(source / session_id, target)
        text = (target / "session.toml").read_text(encoding="utf-8")
        (target / "session.toml").write_text(
            text.replace(f'id = "{session_id}"', f'id = "{target.name}"', 1), encoding="utf-8"
        )
    shutil.rmtree(source)


def session_with_events(sessions: Path, count: int) -> str:
    """A finished session whose first slot was paused and resumed until the log holds
    `count` events; written once, as a host that saved after each would take too long."""
    agenda = load_agenda(ROOT / "agenda.toml")
    start = datetime(2024, 11, 26, 7, 45, tzinfo=UTC)
    events = [Event.of(Action.START, start)]
    while len(events) < count - 1:
        at = start + timedelta(seconds=len(events))
        events.append(Event.of(Action.PAUSE if len(events) % 2 else Action.RESUME, at))
    events.append(Event.of(Action.FINISH, start + timedelta(seconds=count)))
    session = Session(
        id=f"events-{count}", created=start, day=agenda.date, agenda=agenda, event=events
    )
    return SessionStore(sessions).create(session).id
