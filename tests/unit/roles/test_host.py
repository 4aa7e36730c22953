"""The host's run of a day without a screen: the lock it holds and notices losing, and a
console that does not hold the session following it read-only."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.agenda.model import Agenda, load_agenda
from facilitator.errors import SessionLocked
from facilitator.roles.host import HostRun
from facilitator.session.lock import SessionLock
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action


def test_a_take_over_is_noticed_with_a_stat_and_stops_writing(
    agenda: Agenda, store: SessionStore, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    run = HostRun(agenda, store, clock)
    run.act(Action.START)
    assert not run.watch_lock() and not run.lost_lock
    reads: list[int] = []
    real_held = SessionLock.held

    def counted(self: SessionLock) -> bool:
        reads.append(1)
        return real_held(self)

    monkeypatch.setattr(SessionLock, "held", counted)
    for _ in range(5):
        assert not run.watch_lock()
        assert run.can(Action.NEXT)
    assert reads == []  # the lock file is not read while it does not change
    assert run.session is not None
    taker = HostRun(agenda, store, clock, take_over=True)
    taker.resume(store.load(run.session.id))
    assert run.watch_lock()
    assert run.lost_lock and not run.watch_lock()  # told once
    assert not run.can(Action.NEXT)
    with pytest.raises(SessionLocked, match="took this session over"):
        run.act(Action.NEXT)
    run.close()
    taker.close()


def test_a_write_reads_the_lock_itself(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    run = HostRun(agenda, store, clock)
    run.act(Action.START)
    assert run.session is not None
    taker = HostRun(agenda, store, clock, take_over=True)
    taker.resume(store.load(run.session.id))
    with pytest.raises(SessionLocked):  # no watch_lock call in between
        run.send_message("mine")
    assert run.lost_lock
    assert store.load(run.session.id).messages == []
    taker.close()


def folders(store: SessionStore) -> list[str]:
    return sorted(path.name for path in store.root.iterdir() if path.is_dir())


def test_a_console_refused_follows_the_held_session_read_only(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    holder = HostRun(agenda, store, clock)
    holder.act(Action.START)
    second = HostRun(agenda, store, clock)
    assert second.begin() is None  # nothing to offer: it follows
    assert second.read_only and not second.can(Action.NEXT) and not second.can(Action.PAUSE)
    assert "--take-over" in second.read_only_notice()
    with pytest.raises(SessionLocked, match="follows it read-only"):
        second.act(Action.NEXT)
    with pytest.raises(SessionLocked):
        second.send_message("not mine")
    holder.act(Action.NEXT)
    assert second.refresh_followed() and not second.refresh_followed()
    assert second.state().current == 1
    second.close()
    assert holder.session is not None
    assert folders(store) == [holder.session.id]
    assert [event.action for event in store.load(holder.session.id).events] == [
        Action.START,
        Action.NEXT,
    ]
    holder.close()


def test_a_console_opened_before_the_start_never_starts_a_second_session(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    early = HostRun(agenda, store, clock)
    assert early.begin() is None and not early.read_only
    holder = HostRun(agenda, store, clock)
    holder.act(Action.START)
    with pytest.raises(SessionLocked, match="follows it read-only"):
        early.act(Action.START)  # space on the console that came first but started later
    assert early.read_only and early.state().current_slot.phase.value == "running"
    assert holder.session is not None and folders(store) == [holder.session.id]
    holder.close()


def test_a_copy_of_the_agenda_elsewhere_finds_the_unfinished_session(
    agenda: Agenda, store: SessionStore, clock: FakeClock, tmp_path: Path
) -> None:
    from tests.conftest import AGENDA_FILE

    copy = tmp_path / "elsewhere" / "agenda.toml"
    copy.parent.mkdir()
    copy.write_bytes(AGENDA_FILE.read_bytes())
    first = HostRun(agenda, store, clock, agenda_file=AGENDA_FILE)
    first.act(Action.START)
    assert first.session is not None
    other = HostRun(load_agenda(copy), store, clock, agenda_file=copy)
    found = other.resumable()
    assert found is not None and found.id == first.session.id
    assert other.begin() is None and other.read_only  # held: followed, not a second day
    first.close()
    again = HostRun(load_agenda(copy), store, clock, agenda_file=copy)
    offered = again.begin()
    assert offered is not None and offered.id == first.session.id  # released: offered


def test_after_a_take_over_the_old_console_follows_the_new_one(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    old = HostRun(agenda, store, clock)
    old.act(Action.START)
    assert old.session is not None
    taker = HostRun(agenda, store, clock, take_over=True)
    offered = taker.begin()
    assert offered is not None
    taker.resume(offered)
    taker.act(Action.NEXT)
    taker.act(Action.NEXT)
    assert old.watch_lock()
    assert old.read_only and old.refresh_followed()
    assert old.state().current == 2  # not the stale slot it had
    assert "--take-over" in old.read_only_notice()
    old.close()  # neither writes nor removes the taker's lock
    assert taker.lock is not None and taker.lock.held()
    assert [e.action for e in store.load(old.session.id).events][-1] is Action.NEXT
    taker.close()


def test_a_rehearsal_and_a_real_day_are_not_confused(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    rehearsal = HostRun(agenda, store, clock, speed=60)
    rehearsal.act(Action.START)
    real = HostRun(agenda, store, clock)
    assert real.begin() is None and not real.read_only
    real.act(Action.START)
    assert len(folders(store)) == 2
    rehearsal.close()
    real.close()
