"""Invariants of the forecast and of where the day's time went, for any sequence of host
actions (hypothesis): the list never runs backwards, the day ends when its last slot does,
fixed slots are held only when they can be, and every second of delay has a source."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.review.analysis import SessionReview, review_session
from facilitator.session.model import Session
from facilitator.timing.events import Action, Event
from tests.unit.timing.test_timeline_properties import AGENDA, DAY_START, Plan, follow, steps

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(plan=steps, probe=st.floats(0, 3 * 3600, allow_nan=False))
def test_expected_times_never_run_backwards_and_the_day_ends_with_its_last_slot(
    plan: Plan, probe: float
) -> None:
    timeline, when = follow(plan)
    now = when + timedelta(seconds=probe)
    state = timeline.state(now)
    if state.finished:
        return
    later = state.slots[state.current :]
    starts = [slot.expected_start for slot in later]
    assert starts == sorted(starts)
    assert all(slot.expected_start >= now for slot in later[1:])
    last = state.slots[-1]
    if state.current < last.index:
        # What is left of the last slot counts, never less than nothing.
        assert state.expected_end == last.expected_start + timedelta(seconds=max(last.remaining, 0))
    assert state.expected_end >= max(starts)


@SETTINGS
@given(plan=steps, probe=st.floats(0, 3 * 3600, allow_nan=False))
def test_a_fixed_slot_is_held_only_when_it_can_be(plan: Plan, probe: float) -> None:
    timeline, when = follow(plan)
    state = timeline.state(when + timedelta(seconds=probe))
    if state.finished:
        return
    risks = {risk.index: risk for risk in state.fixed_risks}
    for slot in state.slots[state.current + 1 :]:
        if not AGENDA.slots[slot.index].fixed:
            continue
        held = slot.expected_start == slot.planned_start
        assert held == (slot.index not in risks or risks[slot.index].held)
        if slot.planned_start < state.now:
            assert not held  # its time has passed
        if not held:
            assert slot.expected_start > slot.planned_start


@SETTINGS
@given(plan=steps, probe=st.floats(0, 3600, allow_nan=False))
def test_the_slots_over_and_under_and_the_gaps_add_up_to_the_days_offset(
    plan: Plan, probe: float
) -> None:
    """offset = late start + Σ over of the slots that ran − their planned gaps − the planned
    time of the slots skipped: pauses belong to a slot, even one left while paused."""
    timeline, when = follow(plan)
    finish = when + timedelta(seconds=probe)
    if not timeline.apply(Event.of(Action.FINISH, finish)):
        return
    session = Session(
        id="x", created=DAY_START, day=DAY_START.date(), agenda=AGENDA, events=list(timeline.events)
    )
    review = review_session(session)
    assert review.finished
    # The day's final offset, as the host console's summary shows it, is the same.
    assert_the_delay_adds_up(review, timeline.state(finish).offset)


def assert_the_delay_adds_up(review: SessionReview, final_offset: float) -> None:
    """A late start, plus each slot's over or under, less the planned gaps and the slots
    skipped, is the day's delay; and that is the offset the host console ended on."""
    assert review.started is not None and review.over is not None
    slots = review.slots
    late_start = (review.started - slots[0].planned_start).total_seconds()
    planned_gaps = sum(
        (following.planned_start - slot.planned_start).total_seconds() - slot.planned_duration
        for slot, following in zip(slots, slots[1:], strict=False)
    )
    skipped = sum(slot.planned_duration for slot in slots if slot.skipped)
    over = sum(slot.over for slot in slots if slot.over is not None)
    assert abs(late_start + over - planned_gaps - skipped - review.over) < 1e-6
    assert abs(final_offset - review.over) < 1e-6
