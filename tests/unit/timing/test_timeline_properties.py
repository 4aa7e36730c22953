"""Invariants of the timing engine, for any sequence of host actions (hypothesis)."""

from __future__ import annotations

import tomllib
from datetime import datetime, timedelta

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.agenda.model import Agenda, load_agenda
from facilitator.session.model import Session
from facilitator.timing.events import Action, Event
from facilitator.timing.timeline import Phase, Timeline
from tests.seed import AGENDA_FILE, CPH

AGENDA = load_agenda(AGENDA_FILE)
DAY_START = datetime(2024, 11, 26, 8, 40, tzinfo=CPH)

actions = st.one_of(
    st.sampled_from(
        [
            Action.START,
            Action.PAUSE,
            Action.RESUME,
            Action.NEXT,
            Action.PREVIOUS,
            Action.UNDO,
            Action.FINISH,
        ]
    ).map(lambda action: (action, None, None)),
    st.integers(-600, 600).map(lambda seconds: (Action.ADJUST, seconds, None)),
    st.integers(0, len(AGENDA.slots) - 1).map(lambda slot: (Action.GOTO, None, slot)),
)
steps = st.lists(st.tuples(st.floats(0, 900, allow_nan=False), actions), min_size=1, max_size=40)


Plan = list[tuple[float, tuple[Action, int | None, int | None]]]


def follow(plan: Plan) -> tuple[Timeline, datetime]:
    """A timeline that took the planned actions, each `gap` seconds after the one before."""
    timeline = Timeline(AGENDA, tz=CPH)
    when = DAY_START
    for gap, (action, seconds, slot) in plan:
        when += timedelta(seconds=gap)
        timeline.apply(Event.of(action, when, seconds, slot))
    return timeline, when


def through_toml(events: list[Event], agenda: Agenda = AGENDA) -> list[Event]:
    """The events as a session file stores them and reads them back."""
    session = Session(id="x", created=DAY_START, day=DAY_START.date(), agenda=agenda, events=events)
    data = session.model_dump(by_alias=True, exclude_none=True)
    data["agenda"] = agenda.to_toml_data()
    return Session.model_validate(tomllib.loads(tomli_w.dumps(data))).events


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=steps, probe=st.floats(0, 600, allow_nan=False))
def test_the_log_replayed_at_any_moment_gives_the_live_state(plan: Plan, probe: float) -> None:
    live = Timeline(AGENDA, tz=CPH)
    when = DAY_START
    for gap, (action, seconds, slot) in plan:
        when += timedelta(seconds=gap)
        live.apply(Event.of(action, when, seconds, slot))
        now = when + timedelta(seconds=probe)
        replayed = Timeline(AGENDA, tz=CPH, events=through_toml(list(live.events)))
        assert replayed.state(now) == live.state(now)


@settings(max_examples=150, deadline=None)
@given(plan=steps, extra=actions, probe=st.floats(0, 600, allow_nan=False))
def test_undo_restores_the_state_before_the_undone_action(
    plan: Plan,
    extra: tuple[Action, int | None, int | None],
    probe: float,
) -> None:
    timeline, when = follow(plan)
    later = when + timedelta(seconds=probe)
    before = timeline.state(later)
    action, seconds, slot = extra
    if action is Action.UNDO or not timeline.apply(Event.of(action, when, seconds, slot)):
        return
    assert timeline.apply(Event.of(Action.UNDO, when + timedelta(seconds=probe / 2)))
    assert timeline.state(later) == before


@settings(max_examples=100, deadline=None)
@given(plan=steps, pause_for=st.floats(0.001, 3600, allow_nan=False))
def test_a_pause_freezes_the_remaining_time(plan: Plan, pause_for: float) -> None:
    timeline, when = follow(plan)
    if not timeline.apply(Event.of(Action.PAUSE, when)):
        return
    frozen = timeline.state(when).current_slot
    later = timeline.state(when + timedelta(seconds=pause_for)).current_slot
    assert later.phase is Phase.PAUSED
    assert later.remaining == frozen.remaining and later.elapsed == frozen.elapsed


@settings(max_examples=100, deadline=None)
@given(plan=steps, shift=st.integers(-600, 600).filter(bool), probe=st.floats(0, 600))
def test_an_adjustment_shifts_the_remaining_time_exactly(
    plan: Plan, shift: int, probe: float
) -> None:
    """Time given is added whole; time taken is at most what is left when it is taken."""
    timeline, when = follow(plan)
    now = when + timedelta(seconds=probe)
    before = timeline.state(now).current_slot
    left = timeline.state(when).current_slot.remaining
    if not timeline.apply(Event.of(Action.ADJUST, when, shift)):
        assert before.phase is Phase.DONE or (shift < 0 and left <= 0)
        return
    change = shift if shift > 0 else max(shift, -left)
    after = timeline.state(now).current_slot
    # Whole seconds added to a float: equal up to the last bit of the float.
    assert after.remaining == pytest.approx(before.remaining + change, abs=1e-9)
    assert timeline.state(when).current_slot.remaining >= 0 or shift > 0
    if change == shift:
        assert after.display_seconds == before.display_seconds + shift


@settings(max_examples=3, deadline=None)
@given(
    ticks=st.lists(st.floats(0.2, 0.95, allow_nan=False), min_size=64, max_size=64),
    moves=st.lists(st.floats(120, 1500), min_size=14, max_size=14),
)
def test_the_displayed_second_never_skips_or_repeats_over_a_whole_day(
    ticks: list[float], moves: list[float]
) -> None:
    """Four hours of ticks that come early, late or not at all (any gap under a second)."""
    timeline = Timeline(AGENDA, tz=CPH)
    now = DAY_START
    timeline.apply(Event.of(Action.START, now))
    next_move = now + timedelta(seconds=moves[0])
    shown: int | None = None
    tick = 0
    end = DAY_START + timedelta(hours=4)
    while now < end:
        now += timedelta(seconds=ticks[tick % len(ticks)])
        tick += 1
        if now >= next_move:
            timeline.apply(Event.of(Action.NEXT, now))
            next_move = now + timedelta(seconds=moves[timeline.log.current % len(moves)])
            shown = None  # a new slot starts its own countdown
        seconds = timeline.state(now).current_slot.display_seconds
        if shown is not None:
            assert shown - seconds in (0, 1), f"{shown} then {seconds} at {now}"
        shown = seconds
