"""Properties of the re-plan for any day that went wrong (hypothesis): a feasible cut
brings the target back exactly on time, no slot goes below its `min`, kept slots are
untouched, the cut is what was needed, and undo gives back the day as it was."""

from __future__ import annotations

import math
from datetime import timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.agenda.model import Agenda
from facilitator.review.analysis import review_session
from facilitator.session.model import Session
from facilitator.timing.events import Action, Event
from facilitator.timing.replan import Proposal, propose
from facilitator.timing.timeline import DayState, Timeline
from tests.conftest import CPH
from tests.unit.timing.test_forecast_properties import assert_the_delay_adds_up
from tests.unit.timing.test_timeline_properties import AGENDA, through_toml

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FIRST = AGENDA.slots[0].start


@st.composite
def agendas(draw: st.DrawFn) -> Agenda:
    """The seed's day with `keep` or a `min` on any slot, and lunch fixed or not (then the
    re-plan keeps the day's end)."""
    data = AGENDA.to_toml_data()
    for index, slot in enumerate(data["slot"]):
        minutes = AGENDA.duration_of(index) // 60
        choice = draw(st.sampled_from(["default", "keep", "min"]))
        if choice == "keep":
            slot["keep"] = True
        elif choice == "min":
            slot["min"] = f"{draw(st.integers(1, minutes))}m"
    if draw(st.booleans()):
        data["slot"][12].pop("fixed", None)
    return Agenda.model_validate(data)


moves = st.one_of(
    st.sampled_from([Action.NEXT, Action.PAUSE, Action.RESUME]).map(lambda a: (a, None, None)),
    st.integers(-600, 900).map(lambda seconds: (Action.ADJUST, seconds, None)),
    st.integers(0, len(AGENDA.slots) - 1).map(lambda slot: (Action.GOTO, None, slot)),
)


@st.composite
def days(draw: st.DrawFn) -> tuple[Agenda, Timeline, Any]:
    """A started day after some host actions, and a moment to look at it."""
    agenda = draw(agendas())
    timeline = Timeline(agenda, tz=CPH)
    when = timeline.planned_start(0) + timedelta(seconds=draw(st.floats(-300, 1800)))
    timeline.apply(Event.of(Action.START, when))
    for gap, (action, seconds, slot) in draw(
        st.lists(st.tuples(st.floats(0, 2400, allow_nan=False), moves), max_size=8)
    ):
        when += timedelta(seconds=gap)
        timeline.apply(Event.of(action, when, seconds, slot))
    return agenda, timeline, when + timedelta(seconds=draw(st.floats(0, 3600)))


def on_time(proposal: Proposal, after: DayState) -> bool:
    """The target starts (or the day ends) on its planned time, to under a second early."""
    target = proposal.need.target
    if target is not None:
        slot = after.slots[target]
        before = after.slots[target - 1]
        # Planned to end, by its length: a slot the host went back from has less left.
        end_before = before.expected_start + timedelta(seconds=before.planned_duration)
        return (
            slot.expected_start == slot.planned_start
            and proposal.target_planned - timedelta(seconds=1)
            < end_before
            <= proposal.target_planned
        )
    return (
        proposal.target_planned - timedelta(seconds=1)
        < after.expected_end
        <= proposal.target_planned
    )


def apply(timeline: Timeline, proposal: Proposal, now: Any) -> bool:
    return timeline.apply(Event.of(Action.REPLAN, now, lengths=proposal.lengths))


@SETTINGS
@given(day=days())
def test_a_feasible_cut_brings_the_target_back_exactly_on_time(
    day: tuple[Agenda, Timeline, Any],
) -> None:
    _, timeline, now = day
    proposal = propose(timeline, now)
    if proposal is None or proposal.need.seconds <= 0:
        return
    if proposal.need.room < math.ceil(proposal.need.seconds):
        assert proposal.unsaved > 0
        return
    assert proposal.unsaved == 0
    assert proposal.target_expected == proposal.target_planned or proposal.need.target is None
    assert apply(timeline, proposal, now)
    after = timeline.state(now)
    assert on_time(proposal, after)
    assert after.replan is not None and -1 < after.replan.seconds <= 0
    assert not any(risk.index == proposal.need.target for risk in after.fixed_risks)


@SETTINGS
@given(day=days(), data=st.data())
def test_no_slot_goes_below_its_min_and_kept_slots_are_untouched(
    day: tuple[Agenda, Timeline, Any],
    data: st.DataObject,
) -> None:
    agenda, timeline, now = day
    proposal = propose(timeline, now)
    if proposal is None:
        return
    # The host may choose any length in the dialog; those that cannot be are refused.
    movable = [slot for slot in proposal.slots if slot.movable]
    chosen = (
        {
            slot.index: data.draw(st.integers(60, 2 * slot.planned))
            for slot in data.draw(st.lists(st.sampled_from(movable), unique=True, max_size=3))
        }
        if movable
        else {}
    )
    proposal = propose(timeline, now, chosen)
    assert proposal is not None
    for index, length in proposal.lengths.items():
        assert length >= agenda.shortest_of(index) and not agenda.kept(index)
        assert proposal.need.first <= index < proposal.need.stop
    for index, length in chosen.items():
        if length >= agenda.shortest_of(index):
            assert index not in proposal.problems
            [slot] = [slot for slot in proposal.slots if slot.index == index]
            assert slot.proposed == length and slot.chosen
        else:
            assert index in proposal.problems
    if proposal.lengths and apply(timeline, proposal, now):
        after = timeline.state(now)
        for slot in after.slots:
            if agenda.kept(slot.index):
                assert slot.planned_duration == agenda.duration_of(slot.index)


@SETTINGS
@given(day=days())
def test_the_total_cut_is_what_was_needed(day: tuple[Agenda, Timeline, Any]) -> None:
    _, timeline, now = day
    proposal = propose(timeline, now)
    helps = timeline.state(now).replan_helps
    if proposal is None:
        assert not helps
        return
    need = proposal.need
    # The header offers `r` exactly when the proposal would change something it shows.
    assert not helps or proposal.lengths
    if need.seconds > 0:
        assert proposal.cut == min(math.ceil(need.seconds), need.room)
        assert abs(proposal.unsaved - max(need.seconds - need.room, 0)) < 1e-6
    elif need.takers:
        assert -proposal.cut == math.floor(-need.seconds)
    else:
        assert proposal.lengths == {}


@SETTINGS
@given(day=days(), later=st.floats(0, 3600))
def test_undo_restores_the_state_before(day: tuple[Agenda, Timeline, Any], later: float) -> None:
    _, timeline, now = day
    proposal = propose(timeline, now)
    if proposal is None or not proposal.lengths:
        return
    probes = [now, now + timedelta(seconds=later)]
    before = [timeline.state(probe) for probe in probes]
    assert apply(timeline, proposal, now)
    assert timeline.apply(Event.of(Action.UNDO, now))
    assert [timeline.state(probe) for probe in probes] == before


@SETTINGS
@given(
    day=days(),
    rest=st.lists(st.tuples(st.floats(0, 1800), moves), max_size=5),
    finish=st.floats(0, 1800),
)
def test_every_reader_replays_the_re_plan_and_the_delay_still_adds_up(
    day: tuple[Agenda, Timeline, Any],
    rest: list[tuple[float, Any]],
    finish: float,
) -> None:
    """The log read back from the session file gives the same day; the review measures
    the slots against the printed programme, so over and under still add up."""
    agenda, timeline, now = day
    proposal = propose(timeline, now)
    if proposal is None or not apply(timeline, proposal, now):
        return
    when = now
    for gap, (action, seconds, slot) in rest:
        when += timedelta(seconds=gap)
        timeline.apply(Event.of(action, when, seconds, slot))
    replayed = Timeline(agenda, tz=CPH, events=through_toml(list(timeline.events), agenda))
    state = timeline.state(when)
    assert replayed.state(when) == state
    if not state.finished:
        # The forecast's rules hold with re-planned lengths too.
        starts = [slot.expected_start for slot in state.slots[state.current :]]
        assert starts == sorted(starts)
        last = state.slots[-1]
        if state.current < last.index:
            assert state.expected_end == last.expected_start + timedelta(
                seconds=max(last.remaining, 0)
            )
    end = when + timedelta(seconds=finish)
    if not timeline.apply(Event.of(Action.FINISH, end)):
        return
    session = Session(
        id="x", created=now, day=timeline.day, agenda=agenda, events=list(timeline.events)
    )
    review = review_session(session)
    assert review.replans
    assert_the_delay_adds_up(review, timeline.state(end).offset)
