"""A note-taker follows the host's session file: the host moves on, sends a message, or
rehearses at another speed, and the note-taker's next refresh sees it; a file caught
half-written keeps the last good copy."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from facilitator.agenda.model import Agenda
from facilitator.roles.host import HostRun
from facilitator.roles.note_taker import NoteTaking
from facilitator.session.store import SESSION_FILE, SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action


@pytest.fixture
def host(agenda: Agenda, store: SessionStore, clock: FakeClock) -> Iterator[HostRun]:
    run = HostRun(agenda, store, clock)
    run.act(Action.START)
    yield run
    run.close()


@pytest.fixture
def desk(host: HostRun, store: SessionStore, clock: FakeClock) -> Iterator[NoteTaking]:
    assert host.session is not None
    taking = NoteTaking(store, store.load(host.session.id), "desk", clock)
    yield taking
    taking.close()


def test_the_note_taker_follows_the_host_to_the_next_slot(host: HostRun, desk: NoteTaking) -> None:
    assert desk.current_slot() == 0
    assert not desk.refresh()  # nothing changed yet
    host.act(Action.GOTO, slot=2)
    assert desk.current_slot() == 0  # not before it reads the file again
    assert desk.refresh()
    assert desk.current_slot() == 2 and desk.opening_slot() == 2
    assert desk.session.events == host.timeline.events
    assert not desk.refresh()


def test_a_half_written_session_file_keeps_the_last_good_copy(
    host: HostRun, desk: NoteTaking, store: SessionStore
) -> None:
    host.act(Action.GOTO, slot=2)
    desk.refresh()
    path = store.folder(desk.session.id) / SESSION_FILE
    good = path.read_text(encoding="utf-8")
    path.write_text(good[: len(good) // 2], encoding="utf-8")
    desk.refresh()
    assert desk.current_slot() == 2 and desk.session.events == host.timeline.events
    host.act(Action.NEXT)  # the host's next write makes the file whole again
    assert desk.refresh()
    assert desk.current_slot() == 3


def test_the_note_taker_reads_the_agenda_from_the_session(host: HostRun, desk: NoteTaking) -> None:
    host.send_message("Bord 4 først")
    assert desk.refresh()
    assert desk.session.messages[-1].text == "Bord 4 først"
    assert desk.agenda == host.agenda


def test_a_rehearsal_resumed_at_another_speed_moves_the_note_takers_clock(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    first = HostRun(agenda, store, clock, speed=60)
    first.act(Action.START)
    assert first.session is not None
    desk = NoteTaking(store, store.load(first.session.id), "desk", clock)
    first.close()
    again = HostRun(agenda, store, clock, speed=600)
    session = again.resumable()
    assert session is not None
    clock.advance(1)
    again.resume(session)
    assert desk.refresh()
    clock.advance(1)
    assert desk.clock.now() == again.clock.now()
    assert desk.current_slot() == again.state().current
    again.close()
    desk.close()
