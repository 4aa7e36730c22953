"""How long the host may draw the countdown alone: in that time every state of the day
equals the first but for the moment and the current slot's running time."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from facilitator.agenda.model import Agenda
from facilitator.roles.host import HostRun
from facilitator.roles.steady import steady_until
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action
from facilitator.timing.steps import current_step
from facilitator.timing.timeline import DayState, Phase
from tests.seed import CPH

SEED_DAY = [
    (30, Action.START),  # the welcome a little early,
    (290, Action.NEXT),  # within its time,
    (700, Action.NEXT),  # far over,
    (200, Action.PAUSE),  # a dialogue, paused,
    (90, Action.RESUME),
    (600, Action.REPORT_START),
    (200, Action.REPORT_END),  # its report-back round,
    (30, Action.NEXT),
    (7, Action.ADJUST),
    (400, Action.FINISH),
]
"""Seconds to let pass, then what the host does."""

PHASES_AND_LUNCH = [
    (0, Action.START),
    (300, Action.NEXT),  # a 1-2-4-All: a phase inside it changes each second,
    (650, Action.NEXT),  # then a talk starting late, running as lunch is due (09:30:30):
    (1200, Action.FINISH),  # the re-plan then aims at the day's end instead
]


def phases_and_lunch() -> Agenda:
    """A morning with a 1-2-4-All and a fixed lunch."""
    return Agenda.model_validate(
        {
            "title": "Day",
            "end": "10:00",
            "slot": [
                {"start": "9.00", "title": "Welcome"},
                {"start": "9.02", "title": "Dialogue", "template": "1-2-4-all"},
                {"start": "9.14", "title": "Talk", "kind": "talk"},
                {"start": "09:30:30", "title": "Lunch", "kind": "meal", "fixed": True},
            ],
        }
    )


def steady_part(state: DayState) -> DayState:
    """The state without what a steady second may change."""
    slots = list(state.slots)
    slots[state.current] = replace(slots[state.current], elapsed=0.0)
    return replace(state, now=datetime.min.replace(tzinfo=UTC), slots=tuple(slots))


def steady_seconds(
    run: HostRun, clock: FakeClock, script: list[tuple[int, Action]]
) -> Counter[str]:
    """Play `script`; every 7 s, check that until `steady_until` every state differs from
    that one only in the moment and the current slot's running time. What was steady, by
    the phase of the current slot (and whether it had phases inside it)."""
    steady: Counter[str] = Counter()
    for seconds, action in script:
        for _ in range(0, seconds, 7):
            clock.advance(7)
            first = run.state()
            until = steady_until(run.agenda, first)
            if until is None:
                steady["not " + first.current_slot.phase.value] += 1
                continue
            steady[first.current_slot.phase.value] += 1
            assert current_step(run.agenda, first) is None and first.report is None
            moment = first.now + timedelta(seconds=0.4)
            while moment < until:
                later = run.timeline.state(moment)
                assert steady_part(later) == steady_part(first), moment
                assert later.now.minute == first.now.minute
                moment += timedelta(seconds=1)
        run.act(action, seconds=60 if action is Action.ADJUST else None)
    return steady


def test_until_then_only_the_running_time_changes(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    steady = steady_seconds(HostRun(agenda, store, clock), clock, SEED_DAY)
    assert steady["running"] > 40 and steady["warning"] > 5, steady
    assert steady["not overtime"] > 40 and steady["not paused"] > 5, steady


def test_not_in_phases_and_not_past_a_fixed_slot_due(store: SessionStore) -> None:
    clock = FakeClock(datetime(2024, 11, 26, 9, 0, tzinfo=CPH))
    steady = steady_seconds(HostRun(phases_and_lunch(), store, clock), clock, PHASES_AND_LUNCH)
    assert steady["not running"] > 80, steady  # the 1-2-4-All's phases
    assert steady["running"] > 100, steady  # the welcome, and the talk across 09:30


def test_a_paused_or_overrun_slot_is_never_steady(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    run = HostRun(agenda, store, clock)
    assert steady_until(agenda, run.state()) is None  # nothing started
    run.act(Action.START)
    clock.advance(10)
    assert steady_until(agenda, run.state()) is not None
    run.act(Action.PAUSE)
    assert steady_until(agenda, run.state()) is None
    run.act(Action.RESUME)
    clock.advance(400)  # over the five-minute welcome
    assert run.state().current_slot.phase is Phase.OVERTIME
    assert steady_until(agenda, run.state()) is None
