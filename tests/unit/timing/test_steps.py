"""The phase a slot is in, from its running time: pauses, +/-, re-plans, the bell."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitator.agenda.model import Agenda
from facilitator.agenda.steps import PlannedStep
from facilitator.timing.bells import moment_of, rings
from facilitator.timing.events import Action, Event
from facilitator.timing.state import Phase
from facilitator.timing.steps import StepState, current_step, cut_to
from facilitator.timing.timeline import Timeline
from tests.seed import CPH

START = datetime(2024, 11, 26, 9, 0, tzinfo=CPH)


def one_two_four_all(**slot: Any) -> Agenda:
    """A day whose second slot is a 12-minute 1-2-4-All."""
    return Agenda.model_validate(
        {
            "title": "Day",
            "end": "10:00",
            "warning": "5m",
            "slot": [
                {"start": "9.00", "title": "Welcome"},
                {"start": "9.02", "title": "Dialogue", "template": "1-2-4-all", **slot},
                {"start": "9.14", "title": "Round-up"},
            ],
        }
    )


@pytest.fixture
def day() -> Agenda:
    return one_two_four_all()


def running(agenda: Agenda) -> Timeline:
    """The 1-2-4-All started at 09:00 (the welcome skipped)."""
    timeline = Timeline(agenda, tz=CPH)
    assert timeline.apply(Event.of(Action.GOTO, START, slot=1))
    assert timeline.apply(Event.of(Action.START, START))
    return timeline


def step_at(agenda: Agenda, timeline: Timeline, seconds: float) -> StepState:
    step = current_step(agenda, timeline.state(START + timedelta(seconds=seconds)))
    assert step is not None
    return step


def test_the_phases_follow_the_running_time(day: Agenda) -> None:
    timeline = running(day)
    first = step_at(day, timeline, 0)
    assert (first.number, first.title, first.display_seconds) == (0, "Alone", 60)
    assert first.next == PlannedStep("In pairs", 120)
    assert step_at(day, timeline, 59.5).display_seconds == 1
    second = step_at(day, timeline, 60)
    assert (second.number, second.title, second.display_seconds) == (1, "In pairs", 120)
    assert step_at(day, timeline, 3 * 60).title == "In foursomes"
    last = step_at(day, timeline, 7 * 60)
    assert (last.number, last.count, last.next) == (3, 4, None)
    assert last.display_seconds == 300


def test_the_last_phase_counts_down_with_the_slot_into_overtime(day: Agenda) -> None:
    timeline = running(day)
    for seconds in (7 * 60, 10 * 60 + 0.5, 12 * 60, 13 * 60 + 5):
        state = timeline.state(START + timedelta(seconds=seconds))
        step = current_step(day, state)
        assert step is not None and step.display_seconds == state.current_slot.display_seconds
    assert step_at(day, timeline, 13 * 60 + 5).display_seconds == -65


def test_a_pause_stops_the_phase_too(day: Agenda) -> None:
    timeline = running(day)
    assert timeline.apply(Event.of(Action.PAUSE, START + timedelta(seconds=50)))
    assert step_at(day, timeline, 10 * 60).display_seconds == 10  # still alone, 10 s left
    assert timeline.apply(Event.of(Action.RESUME, START + timedelta(seconds=10 * 60)))
    assert step_at(day, timeline, 10 * 60 + 10).title == "In pairs"


def test_more_time_goes_to_the_last_phase(day: Agenda) -> None:
    timeline = running(day)
    assert timeline.apply(Event.of(Action.ADJUST, START + timedelta(seconds=30), seconds=120))
    assert step_at(day, timeline, 30).display_seconds == 30  # alone still ends at 1 min
    assert step_at(day, timeline, 60).title == "In pairs"
    assert step_at(day, timeline, 7 * 60).display_seconds == 7 * 60


def test_less_time_cuts_the_phases_at_the_slots_end(day: Agenda) -> None:
    timeline = running(day)
    # Eight minutes taken in pairs: the slot now ends at 4 min; foursomes are cut to 1 min.
    assert timeline.apply(Event.of(Action.ADJUST, START + timedelta(seconds=90), seconds=-480))
    in_pairs = step_at(day, timeline, 90)
    assert in_pairs.count == 3 and in_pairs.next == PlannedStep("In foursomes", 60)
    cut = step_at(day, timeline, 3 * 60)
    assert (cut.title, cut.display_seconds, cut.next) == ("In foursomes", 60, None)


def test_a_replanned_slot_gives_its_change_to_the_last_phase(day: Agenda) -> None:
    timeline = Timeline(day, tz=CPH)
    assert timeline.apply(Event.of(Action.START, START))
    assert timeline.apply(Event.of(Action.REPLAN, START, lengths={1: 900}))
    assert timeline.apply(Event.of(Action.NEXT, START))
    assert step_at(day, timeline, 60).title == "In pairs"
    assert step_at(day, timeline, 7 * 60).display_seconds == 8 * 60


def test_a_slot_without_phases_has_no_phase(agenda: Agenda) -> None:
    timeline = Timeline(agenda, tz=CPH)
    assert current_step(agenda, timeline.state(START)) is None


@given(
    lengths=st.lists(st.integers(1, 600), min_size=1, max_size=6),
    length=st.integers(0, 4000),
)
def test_cut_phases_fill_the_slot_exactly(lengths: list[int], length: int) -> None:
    steps = tuple(PlannedStep(f"p{i}", seconds) for i, seconds in enumerate(lengths))
    cut = cut_to(steps, length)
    assert sum(step.seconds for step in cut) == length
    assert [step.title for step in cut] == [step.title for step in steps[: len(cut)]]
    # Every phase but the last keeps its planned length, or ends with the slot.
    for before, after in zip(steps[:-1], cut[:-1], strict=False):
        assert after.seconds == before.seconds


@given(ticks=st.lists(st.floats(0.01, 3.0), min_size=1, max_size=400))
def test_the_phase_never_goes_back_nor_skips_a_second(ticks: list[float]) -> None:
    """Irregular redraws over the whole slot: the phase number only grows, and each
    phase's countdown moves by at most the seconds that passed."""
    day = one_two_four_all()
    timeline = running(day)
    seconds = 0.0
    before = step_at(day, timeline, 0)
    for tick in ticks:
        seconds += tick
        step = step_at(day, timeline, seconds)
        assert step.number >= before.number
        if step.number == before.number:
            shown = before.display_seconds - step.display_seconds
            assert 0 <= shown <= tick + 1
        before = step


def test_the_bell_rings_once_at_each_phase_change(day: Agenda) -> None:
    timeline = running(day)
    seen = None
    rang = []
    for second in range(0, 13 * 60, 7):  # a console redrawing every few seconds
        state = timeline.state(START + timedelta(seconds=second))
        moment = moment_of(day, state)
        if rings(seen, moment):
            rang.append(second)
        seen = moment
    # Into pairs, foursomes, everyone (with the slot's 5-minute warning: one bell), zero.
    assert rang == [63, 182, 420, 721]


def test_no_bell_on_the_first_look_or_for_another_slot(day: Agenda) -> None:
    timeline = running(day)
    later = moment_of(day, timeline.state(START + timedelta(seconds=5 * 60)))
    assert not rings(None, later)  # a console resumed in foursomes does not ring
    assert not rings((0, Phase.RUNNING, 0), later)
    assert rings((1, Phase.RUNNING, 1), later)


def test_undo_brings_back_the_phases_a_cut_took(day: Agenda) -> None:
    timeline = running(day)
    assert timeline.apply(Event.of(Action.ADJUST, START + timedelta(seconds=90), seconds=-480))
    assert step_at(day, timeline, 100).count == 3
    assert timeline.apply(Event.of(Action.UNDO, START + timedelta(seconds=95)))
    again = step_at(day, timeline, 100)
    assert again.count == 4 and again.next == PlannedStep("In foursomes", 240)


@given(
    adjusts=st.lists(
        st.tuples(st.integers(0, 900), st.sampled_from([-60, 60, -300, 120])), max_size=6
    ),
    look=st.integers(0, 1200),
)
def test_the_last_phase_always_ends_with_the_slot(
    adjusts: list[tuple[int, int]], look: int
) -> None:
    """Whatever +/- the host pressed and when, the phases cover the slot's length and the
    last one's countdown is the slot's."""
    day = one_two_four_all()
    timeline = running(day)
    for second, seconds in sorted(adjusts):
        timeline.apply(Event.of(Action.ADJUST, START + timedelta(seconds=second), seconds=seconds))
    state = timeline.state(START + timedelta(seconds=look))
    step = current_step(day, state)
    assert step is not None
    slot = state.current_slot
    if step.next is None:
        assert step.display_seconds == slot.display_seconds
    else:
        assert 0 < step.remaining <= slot.remaining
