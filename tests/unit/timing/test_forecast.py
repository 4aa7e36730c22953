"""Forecasts on hard days: far behind, around pauses, near midnight, and the minutes shown.

Each test drives the timing engine with a fake clock through a day that went wrong, and
checks what the host is told against the rules in docs/timing.md.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from facilitator.agenda.model import Agenda
from facilitator.i18n import offset_text, signed_minutes, span_text
from facilitator.i18n.rounding import nearest_minute, whole_minutes
from facilitator.review.analysis import review_session
from facilitator.roles.host import HostRun
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action, Event
from facilitator.timing.timeline import DayState, Phase, Timeline
from tests.conftest import CPH

LUNCH, ELECTION, BREAK = 12, 13, 7


def at(hour: int, minute: int, second: float = 0, day: int = 26) -> datetime:
    return datetime(2024, 11, day, hour, minute, tzinfo=CPH) + timedelta(seconds=second)


class Day:
    """A timeline driven by a fake clock, as a host console drives it."""

    def __init__(self, agenda: Agenda, start: datetime, tz: object = CPH) -> None:
        self.clock = FakeClock(start)
        self.timeline = Timeline(agenda, tz=CPH)

    def act(self, action: Action, **extra: int) -> None:
        event = Event.of(action, self.clock.now(), **extra)
        assert self.timeline.apply(event), f"{action} did not apply"

    def until(self, moment: datetime) -> DayState:
        self.clock.advance((moment - self.clock.now()).total_seconds())
        return self.timeline.state(self.clock.now())


def starts(state: DayState) -> list[datetime]:
    return [slot.expected_start for slot in state.slots]


# Far behind ------------------------------------------------------------------------------


@pytest.fixture
def far_behind(agenda: Agenda) -> Day:
    """The welcome ran until noon; then the break: the day is 135 minutes behind."""
    day = Day(agenda, at(8, 45))
    day.act(Action.START)
    day.until(at(12, 0))
    day.act(Action.GOTO, slot=BREAK)
    return day


def test_a_fixed_slot_that_cannot_be_held_is_moved(far_behind: Day) -> None:
    state = far_behind.until(at(12, 0))
    assert state.offset == 135 * 60
    assert starts(state)[BREAK + 1 : LUNCH] == [at(12, 10), at(12, 35), at(13, 35), at(14, 5)]
    # The break ends at 12:10: lunch at 12:00 cannot be held, and moves with the day.
    assert starts(state)[LUNCH] == at(14, 15)
    assert starts(state)[ELECTION] == at(14, 30)
    [risk] = state.fixed_risks
    assert risk.index == LUNCH and not risk.held and risk.seconds == 135 * 60


def test_a_fixed_slot_in_the_past_is_no_longer_held(far_behind: Day) -> None:
    far_behind.act(Action.NEXT)  # 12:00: the break skipped, the talk after it begins
    state = far_behind.until(at(12, 9))
    assert state.now > state.slots[LUNCH].planned_start
    assert [risk.held for risk in state.fixed_risks] == [False]
    assert state.slots[LUNCH].expected_start > state.slots[LUNCH - 1].expected_start


def test_the_expected_end_is_the_last_slots_expected_end(far_behind: Day) -> None:
    state = far_behind.until(at(12, 0))
    last = state.slots[-1]
    assert state.expected_end == last.expected_start + timedelta(seconds=last.remaining)
    assert state.expected_end == at(14, 45)


def test_a_fixed_slot_that_can_be_held_holds_and_the_list_never_runs_backwards(
    agenda: Agenda,
) -> None:
    day = Day(agenda, at(8, 45))
    day.act(Action.START)
    state = day.until(at(11, 0))  # the welcome ends at 11:00 at the earliest: 130 min behind
    assert state.offset == 130 * 60
    [risk] = state.fixed_risks
    assert risk.index == LUNCH and risk.held and risk.seconds == 130 * 60
    assert starts(state)[LUNCH] == at(12, 0)
    pending = starts(state)[1:]
    assert pending == sorted(pending)
    # The slots that would start after lunch are squeezed up against it.
    assert starts(state)[LUNCH - 1] == at(12, 0)
    assert state.expected_end == at(12, 30)


def test_a_finished_day_is_measured_against_the_end_of_the_day(agenda: Agenda) -> None:
    day = Day(agenda, at(8, 45))
    day.act(Action.START)
    day.until(at(10, 20))
    day.act(Action.GOTO, slot=9)  # 10:20-11:20, on time
    day.until(at(12, 4))
    day.act(Action.FINISH)
    state = day.until(at(12, 5))
    assert state.expected_end == at(12, 4)
    assert state.offset == -26 * 60  # 12:04 against the planned end at 12:30


# One rounding rule -----------------------------------------------------------------------


def test_minutes_round_half_up_never_to_even() -> None:
    assert [whole_minutes(s) for s in (29.9, 30, 89.9, 90, 150, 210, -29.9, -30.1, -150)] == [
        0,
        1,
        1,
        2,
        3,
        4,
        0,
        -1,
        -2,
    ]
    assert offset_text(150) == "3 min behind"
    assert offset_text(-150) == "2 min ahead"
    assert signed_minutes(150) == "+3 min" and signed_minutes(-90) == "−1 min"
    assert span_text(150) == "3 min" and span_text(45) == "45 s"
    assert span_text(2 * 3600 - 20) == "2 h"
    assert nearest_minute(at(8, 53, 30)) == at(8, 54)
    assert nearest_minute(at(8, 53, 29.9)) == at(8, 53)


def test_the_offset_and_the_expected_times_agree(agenda: Agenda) -> None:
    day = Day(agenda, at(8, 45))
    day.act(Action.START)
    state = day.until(at(8, 53, 30))  # the welcome 3.5 minutes over
    shown = whole_minutes(state.offset)
    assert shown == 4
    for slot in state.slots[1:LUNCH]:
        moved = nearest_minute(slot.expected_start) - slot.planned_start
        assert moved == timedelta(minutes=shown)


def test_a_day_started_far_from_its_plan_moves_the_plan_by_whole_minutes(
    agenda: Agenda,
) -> None:
    day = Day(agenda, at(15, 0, 40))
    day.act(Action.START)
    state = day.until(at(15, 1))
    assert state.relative
    assert state.slots[0].planned_start == at(15, 1)  # 6 h 15 min 40 s, rounded
    assert state.slots[1].planned_start == at(15, 6)


# Paused time -----------------------------------------------------------------------------


def test_a_slot_left_while_paused_keeps_its_paused_minutes(
    agenda: Agenda, store: SessionStore
) -> None:
    clock = FakeClock(at(8, 45))
    host = HostRun(agenda, store, clock, tz=CPH)
    host.act(Action.START)
    clock.advance(120)
    host.act(Action.PAUSE)
    clock.advance(8 * 60)
    host.act(Action.NEXT)  # at 08:55, still paused: the welcome took ten minutes
    state = host.state()
    assert state.slots[0].actual_end == at(8, 55)
    assert host.session is not None
    review = review_session(host.session)
    assert review.slots[0].actual_duration == 600
    assert review.slots[0].over == 300
    assert review.slots[0].delay_after == 300


# Remaining time counts as at least zero ---------------------------------------------------


def test_a_later_slot_that_ran_over_adds_no_negative_time(agenda: Agenda) -> None:
    day = Day(agenda, at(8, 45))
    day.act(Action.START)
    day.until(at(8, 46))
    day.act(Action.GOTO, slot=ELECTION)  # 15 minutes planned
    day.until(at(9, 6))  # it ran 20
    day.act(Action.GOTO, slot=1)
    state = day.until(at(9, 6))
    assert state.slots[ELECTION].remaining < 0
    assert state.expected_end == state.slots[ELECTION].expected_start == at(12, 15)


# The day's date ---------------------------------------------------------------------------


def test_the_days_date_is_that_of_the_first_start(agenda: Agenda, store: SessionStore) -> None:
    clock = FakeClock(at(23, 50, day=25))  # the console is opened the evening before
    host = HostRun(agenda, store, clock, tz=CPH)
    assert host.state().expected_end == at(12, 30)
    clock.advance((at(8, 52) - clock.now()).total_seconds())
    host.act(Action.START)
    state = host.state()
    assert not state.relative
    assert state.offset == 7 * 60
    assert host.session is not None and host.session.day == date(2024, 11, 26)


def test_an_undated_agenda_takes_the_date_nearest_to_now(agenda: Agenda) -> None:
    undated = agenda.model_copy(update={"date": None})
    day = Day(undated, at(23, 50, day=25))
    state = day.until(at(23, 50, day=25))
    assert state.slots[0].planned_start == at(8, 45)
    assert state.expected_end == at(12, 30)


# Taking time away -------------------------------------------------------------------------


def test_minus_with_less_than_a_minute_left_ends_the_slots_time_now(agenda: Agenda) -> None:
    day = Day(agenda, at(8, 45))
    day.act(Action.START)
    day.until(at(8, 49, 30))
    assert day.timeline.can(Action.ADJUST, seconds=-60, at=day.clock.now())
    day.act(Action.ADJUST, seconds=-60)
    state = day.until(at(8, 49, 30))
    assert state.current_slot.remaining == 0 and state.current_slot.display_seconds == 0
    later = day.until(at(8, 49, 31))
    assert later.current_slot.phase is Phase.OVERTIME and later.current_slot.remaining == -1
    # With nothing left, there is nothing to take.
    assert not day.timeline.can(Action.ADJUST, seconds=-60, at=day.clock.now())


def test_minus_on_a_paused_slot_takes_what_is_left(agenda: Agenda) -> None:
    day = Day(agenda, at(8, 45))
    day.act(Action.START)
    day.until(at(8, 49, 20))
    day.act(Action.PAUSE)
    day.until(at(8, 55))
    day.act(Action.ADJUST, seconds=-60)
    assert day.until(at(8, 56)).current_slot.remaining == 0


# Before the start ------------------------------------------------------------------------


def test_before_a_start_far_from_the_plan_the_day_ends_as_if_started_now(
    agenda: Agenda,
) -> None:
    day = Day(agenda, at(13, 59))
    state = day.until(at(13, 59))
    assert not state.started and state.relative
    assert state.slots[0].expected_start == at(13, 59)
    assert state.expected_end == at(17, 44)  # 3 h 45 min after now, as planned


def test_before_an_early_start_the_plan_stands(agenda: Agenda) -> None:
    day = Day(agenda, at(6, 0))
    state = day.until(at(6, 0))
    assert not state.relative and state.expected_end == at(12, 30)


def test_time_taken_to_zero_shows_zero_not_a_second_left(agenda: Agenda) -> None:
    """The log's times are microseconds: float noise must not leave 1e-13 s, or `00:01`."""
    day = Day(agenda, at(8, 40))
    day.act(Action.START)
    day.until(at(8, 40, 0.0078125))
    day.act(Action.ADJUST, seconds=-300)
    state = day.until(at(8, 40, 0.0078125))
    assert state.current_slot.remaining == 0 and state.current_slot.display_seconds == 0
