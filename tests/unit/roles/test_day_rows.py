"""The day's rows, and what they are built from: a slot's row follows from its inputs
(`row_inputs`), which leave out the running time of a slot not done, so a list can skip
its redraw in the seconds its inputs stay the same."""

from __future__ import annotations

from facilitator.agenda.model import Agenda
from facilitator.roles.day_rows import day_row, row_inputs
from facilitator.roles.host import HostRun
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action

SCRIPT = [
    (60, Action.START),  # the welcome on time,
    (330, Action.NEXT),  # over by half a minute,
    (125, Action.PAUSE),
    (300, Action.RESUME),
    (900, Action.NEXT),  # far into overtime,
    (40, Action.NEXT),  # short,
    (7, Action.ADJUST),
    (200, Action.FINISH),
]
"""Seconds to let pass, then what the host does."""


def test_equal_inputs_give_equal_rows_and_a_running_second_changes_no_input(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    run = HostRun(agenda, store, clock)
    seen: dict[object, object] = {}
    unchanged = 0
    before = None
    for seconds, action in SCRIPT:
        for _ in range(seconds):
            clock.advance(1)
            state = run.state()
            for slot in state.slots:
                inputs = (slot.index, row_inputs(slot))
                assert seen.setdefault(inputs, day_row(agenda, slot)) == day_row(agenda, slot)
            inputs = [row_inputs(slot) for slot in state.slots]
            unchanged += inputs == before
            before = inputs
        run.act(action, seconds=60 if action is Action.ADJUST else None)
    # While the day runs on time nothing in the list changes from one second to the next.
    assert unchanged > sum(seconds for seconds, _ in SCRIPT) // 2
