"""The host's run of a day without a screen: the lock it holds and notices losing."""

from __future__ import annotations

import pytest

from facilitator.agenda.model import Agenda
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
