"""The sessions folder: round trips, atomic writes, unreadable files left alone, the lock."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from facilitator.agenda.model import Agenda
from facilitator.errors import SessionError, SessionLocked
from facilitator.files import FileWatcher, atomic_write
from facilitator.names import safe_name
from facilitator.session.lock import LOCK_FILE
from facilitator.session.model import Rehearsal, Session, new_session_id
from facilitator.session.store import SESSION_FILE, SessionStore, new_session
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action, Event


def make(store: SessionStore, agenda: Agenda, clock: FakeClock, **extra: object) -> Session:
    return new_session(store, created=clock.now(), day=agenda.date, agenda=agenda, **extra)


def test_a_session_round_trips(store: SessionStore, agenda: Agenda, clock: FakeClock) -> None:
    session = make(store, agenda, clock, agenda_file="agenda.toml")
    session.events.append(Event.of(Action.START, clock.now()))
    session.events.append(Event.of(Action.ADJUST, clock.now(), seconds=-60))
    session.events.append(Event.of(Action.GOTO, clock.now(), slot=3))
    store.save(session)
    loaded = store.load(session.id)
    assert loaded == session
    assert loaded.agenda == agenda
    assert session.id.startswith("2024-11-26-084400-hovedudvalgets-arbejdsmiljodag")


def test_a_rehearsal_is_marked(store: SessionStore, agenda: Agenda, clock: FakeClock) -> None:
    rehearsal = Rehearsal(virtual_start=clock.now(), real_start=clock.now(), speed=60)
    session = make(store, agenda, clock, rehearsal=rehearsal)
    assert session.id.endswith("-rehearsal")
    assert store.load(session.id).is_rehearsal
    rehearsal_clock = store.load(session.id).clock(clock)
    clock.advance(2)
    assert rehearsal_clock.now() - clock.now() == timedelta(seconds=118)


def test_ids_do_not_collide(store: SessionStore, agenda: Agenda, clock: FakeClock) -> None:
    first, second = make(store, agenda, clock), make(store, agenda, clock)
    assert first.id != second.id and second.id.endswith("-2")


def test_atomic_write_leaves_no_temporary_files(tmp_path: Path) -> None:
    target = tmp_path / "file.toml"
    atomic_write(target, "a = 1\n")
    atomic_write(target, "a = 2\n")
    assert target.read_text() == "a = 2\n"
    assert [path.name for path in tmp_path.iterdir()] == ["file.toml"]


def test_a_corrupt_session_is_reported_and_never_overwritten(
    store: SessionStore, agenda: Agenda, clock: FakeClock
) -> None:
    session = make(store, agenda, clock)
    path = store.folder(session.id) / SESSION_FILE
    path.write_bytes(b'id = "half')
    with pytest.raises(SessionError, match="not valid TOML"):
        store.load(session.id)
    (entry,) = store.entries()
    assert entry.session is None and "not valid TOML" in (entry.error or "")
    assert store.newest_unfinished() is None
    assert path.read_bytes() == b'id = "half'


def test_a_session_with_a_wrong_field_names_it(
    store: SessionStore, agenda: Agenda, clock: FakeClock
) -> None:
    session = make(store, agenda, clock)
    path = store.folder(session.id) / SESSION_FILE
    path.write_text(path.read_text().replace('id = "', 'idd = "', 1))
    with pytest.raises(SessionError, match="idd"):
        store.load(session.id)


def test_newest_unfinished_skips_finished_days(
    store: SessionStore, agenda: Agenda, clock: FakeClock
) -> None:
    older = make(store, agenda, clock, agenda_file="a.toml")
    clock.advance(60)
    newer = make(store, agenda, clock, agenda_file="a.toml")
    newer.events += [Event.of(Action.START, clock.now()), Event.of(Action.FINISH, clock.now())]
    store.save(newer)
    os.utime(store.folder(older.id) / SESSION_FILE, (0, 0))
    assert store.newest_unfinished() == older
    assert store.newest_unfinished(agenda_file="b.toml") is None
    assert store.newest_unfinished(rehearsal=True) is None
    assert store.resolve(None) == (store, older)
    assert store.resolve(newer.id) == (store, newer)


def test_resolve_names_what_is_missing(store: SessionStore) -> None:
    with pytest.raises(SessionError, match="no unfinished session"):
        store.resolve(None)
    with pytest.raises(SessionError, match="no such session"):
        store.resolve("nope")


def test_the_lock_refuses_a_second_console_and_allows_a_take_over(
    store: SessionStore, agenda: Agenda, clock: FakeClock
) -> None:
    session = make(store, agenda, clock)
    # A live process on this host holds the lock: this test's parent, say.
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        path = store.folder(session.id) / LOCK_FILE
        path.write_text(f'pid = {holder.pid}\nhost = "{os.uname().nodename}"\n')
        with pytest.raises(SessionLocked, match="--take-over"):
            store.lock(session.id)
        lock = store.lock(session.id, take_over=True)
        assert lock.held()
        lock.release()
        assert not path.exists()
    finally:
        holder.kill()
        holder.wait()


def test_a_stale_lock_is_replaced(store: SessionStore, agenda: Agenda, clock: FakeClock) -> None:
    session = make(store, agenda, clock)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    path = store.folder(session.id) / LOCK_FILE
    path.write_text(f'pid = {dead.pid}\nhost = "{os.uname().nodename}"\n')
    assert store.lock(session.id).held()


def test_a_lock_of_another_host_is_respected(
    store: SessionStore, agenda: Agenda, clock: FakeClock
) -> None:
    session = make(store, agenda, clock)
    (store.folder(session.id) / LOCK_FILE).write_text('pid = 1\nhost = "stage-laptop"\n')
    with pytest.raises(SessionLocked, match="stage-laptop"):
        store.lock(session.id)


def test_a_taken_over_lock_is_no_longer_held(
    store: SessionStore, agenda: Agenda, clock: FakeClock
) -> None:
    session = make(store, agenda, clock)
    lock = store.lock(session.id)
    (store.folder(session.id) / LOCK_FILE).write_text('pid = 1\nhost = "other"\n')
    assert not lock.held()
    lock.release()
    assert (store.folder(session.id) / LOCK_FILE).exists()


def test_the_watcher_sees_new_and_changed_files(tmp_path: Path) -> None:
    path = tmp_path / "notes.toml"
    watcher = FileWatcher()
    assert watcher.changed([path]) == [path]  # missing counts as a state of its own
    assert watcher.changed([path]) == []
    path.write_text("a = 1\n")
    assert watcher.changed([path]) == [path]
    assert watcher.changed([path]) == []
    atomic_write(path, "a = 22\n")
    assert watcher.changed([path]) == [path]


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Hovedudvalgets arbejdsmiljødag", "hovedudvalgets-arbejdsmiljodag"),
        ("Ærø & Åbenrå!", "aero-abenra"),
        ("???", "day"),
    ],
)
def test_slugs_are_safe_folder_names(title: str, slug: str) -> None:
    created = datetime(2024, 11, 26, 8, 45, tzinfo=UTC)
    assert new_session_id(title, created, rehearsal=False).endswith(f"-{slug}")
    assert safe_name(title, ascii_only=True) in (slug, "")


def test_newest_reads_the_latest_readable_session(
    store: SessionStore, agenda: Agenda, clock: FakeClock
) -> None:
    assert store.newest() is None
    older = make(store, agenda, clock)
    clock.advance(60)
    newer = make(store, agenda, clock)
    os.utime(store.folder(older.id) / SESSION_FILE, (0, 0))
    assert store.newest() == newer
    (store.folder(newer.id) / SESSION_FILE).write_text("broken = [")
    assert store.newest() == older


def test_a_sessions_folder_that_is_a_file_is_a_message_not_a_crash(
    tmp_path: Path, agenda: Agenda, clock: FakeClock
) -> None:
    (tmp_path / "sessions").write_text("not a folder")
    store = SessionStore(tmp_path / "sessions")
    with pytest.raises(SessionError, match="cannot be written: File exists"):
        make(store, agenda, clock)
    assert (tmp_path / "sessions").read_text() == "not a folder"
