"""The review's analysis: linear in the number of events, and the time in each slot as the
rule says (pauses count, time spent in other slots does not)."""

from __future__ import annotations

import gc
import sys
import tracemalloc
from datetime import UTC, datetime, timedelta
from types import FrameType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.agenda.model import Agenda, load_agenda
from facilitator.review.analysis import review_session
from facilitator.review.archive import LoadedSession
from facilitator.review.exports import markdown
from facilitator.review.recurring import NOTICEABLE, noticeable
from facilitator.session.model import Session
from facilitator.timing.events import Action, Event
from facilitator.timing.timeline import Timeline
from tests.conftest import AGENDA_FILE

START = datetime(2024, 11, 26, 7, 45, tzinfo=UTC)


def paused_day(agenda: Agenda, events: int) -> LoadedSession:
    """A day whose first slot was paused and resumed `events` times, one second apart."""
    log = [Event.of(Action.START, START)]
    for index in range(events // 2):
        log.append(Event.of(Action.PAUSE, START + timedelta(seconds=2 * index + 1)))
        log.append(Event.of(Action.RESUME, START + timedelta(seconds=2 * index + 2)))
    return LoadedSession(
        Session(id="x", created=START, day=agenda.date, agenda=agenda, event=log), ()
    )


def work(loaded: LoadedSession) -> tuple[int, int]:
    """Python function calls made and peak bytes allocated by writing the minutes: counts
    of work done, the same on every machine, unlike a time."""
    calls = 0

    def count(frame: FrameType, event: str, arg: Any) -> None:
        nonlocal calls
        calls += 1

    gc.collect()  # what earlier tests left is not collected in the middle of this one
    tracemalloc.start()
    sys.setprofile(count)
    try:
        markdown(loaded)
    finally:
        sys.setprofile(None)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return calls, peak


def test_the_minutes_are_linear_in_the_number_of_events(agenda: Agenda) -> None:
    """Twice the events cost about twice the work, not four times (a timeline copied per
    event or every run compared with every other was quadratic)."""
    small_calls, small_peak = work(paused_day(agenda, 2000))
    large_calls, large_peak = work(paused_day(agenda, 4000))
    assert large_calls / small_calls < 2.5
    assert large_peak / small_peak < 2.5


ACTIONS = [Action.PAUSE, Action.RESUME, Action.NEXT, Action.PREVIOUS, Action.GOTO]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(ACTIONS), st.integers(0, 300), st.integers(0, 13)), max_size=40
    )
)
def test_time_in_a_slot_is_from_entering_it_to_leaving_it(
    steps: list[tuple[Action, int, int]],
) -> None:
    """Counted by hand beside the log: a slot's time runs from the moment it becomes
    current to the moment another does, pauses (even one it was left in) included."""
    agenda = load_agenda(AGENDA_FILE)
    timeline = Timeline(agenda, day=agenda.date)
    now = START
    timeline.apply(Event.of(Action.START, now))
    spent = [0.0] * len(agenda.slots)
    entered = last = now
    for action, wait, slot in steps:
        now += timedelta(seconds=wait)
        before = timeline.log.current
        if timeline.apply(Event.of(action, now, slot=slot if action is Action.GOTO else None)):
            last = now  # an unfinished day is reviewed as it stood at its last action
        if timeline.log.current != before:
            spent[before] += (now - entered).total_seconds()
            entered = now
    spent[timeline.log.current] += (last - entered).total_seconds()
    session = Session(id="x", created=START, day=agenda.date, agenda=agenda, event=timeline.events)
    for slot in review_session(session).slots:
        if slot.actual_duration is not None:
            assert slot.actual_duration == pytest.approx(spent[slot.index])


def test_one_threshold_says_what_is_noticeably_over_or_under(agenda: Agenda) -> None:
    """The minutes, the sources and absorbers and the review's colours agree: 45 s is on
    plan everywhere, a minute is over."""
    planned_end = review_session(paused_day(agenda, 0).session).planned_end
    for late, relation in (
        (45, "on its planned end"),
        (60, "1 min after its planned end"),
        (-45, "on its planned end"),
        (-60, "1 min before its planned end"),
    ):
        events = [
            Event.of(Action.START, START),
            Event.of(Action.FINISH, planned_end + timedelta(seconds=late)),
        ]
        session = Session(id="x", created=START, day=agenda.date, agenda=agenda, event=events)
        assert relation in markdown(LoadedSession(session, ()))
        assert noticeable(late) == (0 if abs(late) < 60 else 1 if late > 0 else -1)
    assert noticeable(None) == 0 and noticeable(NOTICEABLE) == 1
    assert noticeable(-NOTICEABLE) == -1
