"""The host's run of a day without a screen: resuming a rehearsal keeps its virtual time,
at the speed the resuming console asks for, and every process computes the same time."""

from __future__ import annotations

from datetime import timedelta

from facilitator.agenda.model import Agenda
from facilitator.roles.host import HostRun
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action
from tests.seed import AGENDA_FILE


def rehearse(agenda: Agenda, store: SessionStore, clock: FakeClock, speed: float) -> HostRun:
    return HostRun(agenda, store, clock, agenda_file=AGENDA_FILE, speed=speed)


def test_resuming_at_another_speed_keeps_the_virtual_time(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    first = rehearse(agenda, store, clock, speed=60)
    first.act(Action.START)
    clock.advance(10)  # ten real seconds: ten virtual minutes
    first.act(Action.NEXT)
    virtual = first.clock.now()
    first.close()

    clock.advance(5)  # the console was closed for five real seconds: five virtual minutes
    again = rehearse(agenda, store, clock, speed=600)
    session = again.resumable()
    assert session is not None
    again.resume(session)
    resumed_at = virtual + timedelta(minutes=5)
    assert again.clock.now() == resumed_at
    assert again.state().current == 1
    clock.advance(1)  # from now on at the new speed
    assert again.clock.now() == resumed_at + timedelta(minutes=10)

    # The stage and the note-takers read the new mapping from the session file.
    stored = store.load(session.id)
    assert stored.rehearsal is not None and stored.rehearsal.speed == 600
    assert stored.clock(clock).now() == again.clock.now()
    again.act(Action.NEXT)
    assert [event.at for event in store.load(session.id).events][-1] == again.clock.now()
    again.close()


def test_resuming_at_the_same_speed_keeps_the_mapping(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    first = rehearse(agenda, store, clock, speed=60)
    first.act(Action.START)
    mapping = first.rehearsal
    first.close()
    clock.advance(3)
    again = rehearse(agenda, store, clock, speed=60)
    session = again.resumable()
    assert session is not None
    again.resume(session)
    assert again.rehearsal == mapping
    assert store.load(session.id).rehearsal == mapping
    again.close()


def test_a_real_day_does_not_resume_a_rehearsal(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    first = rehearse(agenda, store, clock, speed=60)
    first.act(Action.START)
    first.close()
    assert HostRun(agenda, store, clock, agenda_file=AGENDA_FILE).resumable() is None
