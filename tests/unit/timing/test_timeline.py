"""The timing engine: phases, countdown, offset, expected times, and undo, on a fake clock."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from facilitator.agenda.model import Agenda
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action, Event
from facilitator.timing.timeline import Phase, Timeline
from tests.seed import CPH


def at(hour: int, minute: int, second: float = 0) -> datetime:
    return datetime(2024, 11, 26, hour, minute, tzinfo=CPH) + timedelta(seconds=second)


@pytest.fixture
def timeline(agenda: Agenda) -> Timeline:
    return Timeline(agenda, tz=CPH)


def act(timeline: Timeline, action: Action, when: datetime, **extra: int) -> None:
    assert timeline.apply(Event.of(action, when, **extra)), f"{action} did not apply"


def test_before_the_start_everything_is_pending(timeline: Timeline) -> None:
    state = timeline.state(at(8, 30))
    assert not state.started and state.current == 0
    assert all(slot.phase is Phase.PENDING for slot in state.slots)
    assert state.offset == 0
    assert state.expected_end == at(12, 30)


def test_a_late_start_shows_as_behind_before_it_starts(timeline: Timeline) -> None:
    state = timeline.state(at(8, 49))
    assert state.offset == 4 * 60
    assert state.slots[1].expected_start == at(8, 54)


def test_the_countdown_rounds_up_whole_seconds(timeline: Timeline) -> None:
    act(timeline, Action.START, at(8, 45))
    assert timeline.state(at(8, 45)).current_slot.display_seconds == 300
    assert timeline.state(at(8, 45, 0.999)).current_slot.display_seconds == 300
    assert timeline.state(at(8, 45, 1)).current_slot.display_seconds == 299
    assert timeline.state(at(8, 49, 59.5)).current_slot.display_seconds == 1
    assert timeline.state(at(8, 50)).current_slot.display_seconds == 0
    assert timeline.state(at(8, 50, 0.5)).current_slot.display_seconds == 0
    assert timeline.state(at(8, 50, 1)).current_slot.display_seconds == -1


def test_phases_follow_the_warning_threshold_and_zero(timeline: Timeline) -> None:
    act(timeline, Action.START, at(8, 45))  # the welcome: 5 min, warning at 1 min
    assert timeline.state(at(8, 48, 59)).current_slot.phase is Phase.RUNNING
    assert timeline.state(at(8, 49)).current_slot.phase is Phase.WARNING
    assert timeline.state(at(8, 50)).current_slot.phase is Phase.WARNING
    assert timeline.state(at(8, 50, 0.1)).current_slot.phase is Phase.OVERTIME


def test_overtime_moves_the_day_and_the_expected_starts(timeline: Timeline) -> None:
    act(timeline, Action.START, at(8, 45))
    state = timeline.state(at(8, 54))
    assert state.offset == 4 * 60
    assert state.slots[1].expected_start == at(8, 54)
    assert state.slots[11].expected_start == at(11, 54)
    # Lunch is fixed: it holds 12:00, and the slot before it must give up 4 minutes.
    assert state.slots[12].expected_start == at(12, 0)
    assert state.slots[13].expected_start == at(12, 15)
    assert [(risk.index, risk.seconds) for risk in state.fixed_risks] == [(12, 240)]
    assert state.expected_end == at(12, 30)


def test_ahead_of_time_is_a_negative_offset(timeline: Timeline) -> None:
    act(timeline, Action.START, at(8, 45))
    act(timeline, Action.NEXT, at(8, 47))
    state = timeline.state(at(8, 47))
    assert state.slots[0].phase is Phase.DONE and state.slots[0].overrun == -180
    assert state.current == 1 and state.current_slot.actual_start == at(8, 47)
    assert state.offset == -180
    assert state.slots[2].expected_start == at(8, 57)
    assert not state.fixed_risks


def test_pause_freezes_the_countdown_and_pushes_the_day(timeline: Timeline) -> None:
    act(timeline, Action.START, at(8, 45))
    act(timeline, Action.PAUSE, at(8, 46))
    first = timeline.state(at(8, 46, 10))
    later = timeline.state(at(8, 52))
    assert first.current_slot.phase is Phase.PAUSED
    assert first.current_slot.remaining == later.current_slot.remaining == 240
    assert later.offset == 6 * 60  # 4 min left at 08:52 ends it at 08:56, planned 08:50
    act(timeline, Action.RESUME, at(8, 52))
    assert timeline.state(at(8, 53)).current_slot.remaining == 180


def test_adjust_shifts_the_remaining_time_exactly(timeline: Timeline) -> None:
    act(timeline, Action.START, at(8, 45))
    before = timeline.state(at(8, 47)).current_slot.remaining
    act(timeline, Action.ADJUST, at(8, 47), seconds=60)
    assert timeline.state(at(8, 47)).current_slot.remaining == before + 60
    act(timeline, Action.ADJUST, at(8, 47), seconds=-120)
    assert timeline.state(at(8, 47)).current_slot.remaining == before - 60


def test_adjust_cannot_make_a_slot_shorter_than_nothing(timeline: Timeline) -> None:
    act(timeline, Action.START, at(8, 45))
    act(timeline, Action.ADJUST, at(8, 45), seconds=-301)  # takes the five minutes left
    assert timeline.state(at(8, 45)).current_slot.remaining == 0
    assert not timeline.can(Action.ADJUST, seconds=-60, at=at(8, 45))


def test_undo_takes_back_the_last_action(timeline: Timeline) -> None:
    act(timeline, Action.START, at(8, 45))
    act(timeline, Action.NEXT, at(8, 50))
    assert timeline.undoable is not None and timeline.undoable.action is Action.NEXT
    act(timeline, Action.UNDO, at(8, 50, 5))
    assert timeline.undoable is not None and timeline.undoable.action is Action.START
    state = timeline.state(at(8, 50, 5))
    assert state.current == 0 and state.current_slot.phase is Phase.OVERTIME
    assert state.current_slot.display_seconds == -5
    act(timeline, Action.UNDO, at(8, 50, 6))
    assert not timeline.state(at(8, 50, 6)).started
    assert not timeline.apply(Event.of(Action.UNDO, at(8, 50, 7)))


def test_previous_goes_back_and_continues_that_slot(timeline: Timeline) -> None:
    act(timeline, Action.START, at(8, 45))
    act(timeline, Action.NEXT, at(8, 48))
    act(timeline, Action.PREVIOUS, at(8, 49))
    state = timeline.state(at(8, 50))
    assert state.current == 0 and state.current_slot.elapsed == 4 * 60
    assert state.slots[1].phase is Phase.PENDING and state.slots[1].elapsed == 60


def test_goto_skips_slots(timeline: Timeline) -> None:
    act(timeline, Action.START, at(8, 45))
    act(timeline, Action.GOTO, at(8, 50), slot=4)
    state = timeline.state(at(8, 50))
    assert state.current == 4 and state.current_slot.phase is Phase.RUNNING
    assert all(state.slots[i].skipped for i in (1, 2, 3))
    assert not timeline.can(Action.GOTO, slot=4)
    assert not timeline.can(Action.GOTO, slot=99)


def test_goto_before_the_start_moves_without_starting(timeline: Timeline) -> None:
    act(timeline, Action.GOTO, at(8, 40), slot=1)
    state = timeline.state(at(8, 41))
    assert state.current == 1 and state.current_slot.phase is Phase.PENDING
    act(timeline, Action.START, at(8, 50))
    assert timeline.state(at(8, 51)).offset == 0


def test_finish_ends_the_day_and_refuses_more(timeline: Timeline) -> None:
    assert not timeline.can(Action.FINISH)
    act(timeline, Action.START, at(8, 45))
    act(timeline, Action.GOTO, at(8, 50), slot=13)
    act(timeline, Action.FINISH, at(12, 20))
    state = timeline.state(at(13, 0))
    assert state.finished and all(slot.phase is Phase.DONE for slot in state.slots)
    assert state.expected_end == at(12, 20)
    assert state.slots[13].actual_end == at(12, 20)
    for action in (Action.START, Action.NEXT, Action.PAUSE, Action.ADJUST):
        assert not timeline.can(action, seconds=60)


def test_next_and_previous_stop_at_the_ends(timeline: Timeline) -> None:
    assert not timeline.can(Action.PREVIOUS)
    act(timeline, Action.START, at(8, 45))
    act(timeline, Action.GOTO, at(8, 46), slot=13)
    assert not timeline.can(Action.NEXT)


def test_a_day_started_far_from_its_plan_is_timed_from_its_start(agenda: Agenda) -> None:
    timeline = Timeline(agenda, tz=CPH)
    act(timeline, Action.START, at(15, 0))
    state = timeline.state(at(15, 7))
    assert state.relative
    assert state.offset == 2 * 60
    assert state.slots[1].expected_start == at(15, 7)


def test_a_late_tick_changes_nothing(timeline: Timeline) -> None:
    clock = FakeClock(at(8, 45))
    act(timeline, Action.START, clock.now())
    clock.advance(137.25)
    once = timeline.state(clock.now())
    assert once == timeline.state(clock.now())
    assert once.current_slot.display_seconds == 163


def test_the_next_change_is_the_next_shown_second(timeline: Timeline) -> None:
    from facilitator.timing.timeline import seconds_to_next_change

    # Before the start only the clock's minute changes.
    assert seconds_to_next_change(timeline.state(at(8, 40, 15.25))) == pytest.approx(44.75)
    act(timeline, Action.START, at(8, 45, 0.4))
    # The countdown changes 0.4 s past each whole second.
    assert seconds_to_next_change(timeline.state(at(8, 45, 0.5))) == pytest.approx(0.9)
    assert seconds_to_next_change(timeline.state(at(8, 46, 0.1))) == pytest.approx(0.3)
    assert seconds_to_next_change(timeline.state(at(8, 46, 59.9))) == pytest.approx(0.1)
    act(timeline, Action.PAUSE, at(8, 47, 0.2))
    assert seconds_to_next_change(timeline.state(at(8, 47, 0.3))) == pytest.approx(59.7)
