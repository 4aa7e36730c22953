"""The report-back round: turns in order, skip, out of turn, end, pause, undo, replay."""

from __future__ import annotations

import tomllib
from datetime import datetime, timedelta

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.agenda.model import Agenda, load_agenda, parse_agenda
from facilitator.session.model import Session
from facilitator.timing.events import Action, Event
from facilitator.timing.report_back import SHORTEST_TURN, round_tables, topic_of, turn_length
from facilitator.timing.state import seconds_to_next_change
from facilitator.timing.timeline import Timeline
from tests.seed import AGENDA_FILE, CPH

SUMMARY = 3
"""The seed day's "Kort opsamling": 09:10 to 09:15, after the first dialogue (slot 2)."""


def at(minute: int, second: float = 0) -> datetime:
    return datetime(2024, 11, 26, 9, minute, tzinfo=CPH) + timedelta(seconds=second)


def act(timeline: Timeline, action: Action, when: datetime, **extra: int) -> bool:
    return timeline.apply(Event.of(action, when, **extra))


@pytest.fixture
def timeline(agenda: Agenda) -> Timeline:
    """The seed day with the round-up running since 09:10."""
    timeline = Timeline(agenda, tz=CPH)
    assert act(timeline, Action.START, at(0) - timedelta(minutes=15))
    assert act(timeline, Action.GOTO, at(10), slot=SUMMARY)
    return timeline


def with_report_back(agenda: Agenda, index: int, value: str) -> Agenda:
    data = agenda.to_toml_data()
    data["slot"][index]["report_back"] = value
    return parse_agenda(data, "agenda.toml")


def test_a_round_goes_through_the_tables_in_order(timeline: Timeline) -> None:
    assert act(timeline, Action.REPORT_START, at(10))
    report = timeline.state(at(10)).report
    assert report is not None and report.table == 1 and report.next == 2
    assert report.tables == 12  # the dialogue's tables, the agenda's default
    assert act(timeline, Action.REPORT_NEXT, at(10, 20))
    report = timeline.state(at(10, 20)).report
    assert report is not None and report.table == 2 and report.reported == (1,)


def test_without_report_back_the_time_left_is_split_evenly(timeline: Timeline) -> None:
    act(timeline, Action.REPORT_START, at(10))
    report = timeline.state(at(10)).report
    assert report is not None and report.length == 300 // 12  # 5 min, 12 tables
    act(timeline, Action.REPORT_NEXT, at(11))  # table 1 took a minute: 4 min for 11
    report = timeline.state(at(11)).report
    assert report is not None and report.length == 240 // 11


def test_report_back_fixes_every_turn(agenda: Agenda) -> None:
    timeline = Timeline(with_report_back(agenda, SUMMARY, "90s"), tz=CPH)
    act(timeline, Action.START, at(0))
    act(timeline, Action.GOTO, at(10), slot=SUMMARY)
    act(timeline, Action.REPORT_START, at(10))
    report = timeline.state(at(10, 30)).report
    assert report is not None and report.length == 90 and report.display_seconds == 60


def test_the_turn_counts_down_and_over(timeline: Timeline) -> None:
    act(timeline, Action.REPORT_START, at(10))  # 25 s
    assert timeline.state(at(10, 0.5)).report.display_seconds == 25  # type: ignore[union-attr]
    assert timeline.state(at(10, 25)).report.display_seconds == 0  # type: ignore[union-attr]
    late = timeline.state(at(10, 26)).report
    assert late is not None and late.over and late.display_seconds == -1
    # The slot's own countdown runs on regardless.
    assert timeline.state(at(10, 26)).current_slot.display_seconds == 300 - 26


def test_pausing_the_slot_pauses_the_turn(timeline: Timeline) -> None:
    act(timeline, Action.REPORT_START, at(10))
    act(timeline, Action.PAUSE, at(10, 10))
    paused = timeline.state(at(12)).report
    assert paused is not None and paused.paused and paused.display_seconds == 15
    act(timeline, Action.RESUME, at(12))
    assert timeline.state(at(12, 5)).report.display_seconds == 10  # type: ignore[union-attr]


def test_skip_and_out_of_turn(timeline: Timeline) -> None:
    act(timeline, Action.REPORT_START, at(10))
    assert act(timeline, Action.REPORT_SKIP, at(10, 5))  # table 1 is not ready
    assert act(timeline, Action.REPORT_TABLE, at(10, 30), table=7)  # 2 counts as reported
    report = timeline.state(at(10, 30)).report
    assert report is not None and report.table == 7 and report.next == 3
    assert report.reported == (2,) and report.skipped == (1,)
    assert act(timeline, Action.REPORT_TABLE, at(11), table=1)  # 1 after all
    report = timeline.state(at(11)).report
    assert report is not None and report.skipped == () and report.reported == (2, 7)
    assert not act(timeline, Action.REPORT_TABLE, at(11), table=1)  # already reporting
    assert not act(timeline, Action.REPORT_TABLE, at(11), table=2)  # already reported
    assert not act(timeline, Action.REPORT_TABLE, at(11), table=13)  # no such table


def test_the_last_table_ends_the_round(timeline: Timeline) -> None:
    act(timeline, Action.REPORT_START, at(10))
    for table in range(1, 12):
        act(timeline, Action.REPORT_NEXT, at(10, table * 10))
    report = timeline.state(at(12)).report
    assert report is not None and report.table == 12 and report.next is None
    act(timeline, Action.REPORT_NEXT, at(12))
    report = timeline.state(at(12)).report
    assert report is not None and not report.active
    assert report.reported == tuple(range(1, 13)) and report.missing == ()
    assert not act(timeline, Action.REPORT_NEXT, at(12))
    assert not act(timeline, Action.REPORT_START, at(12))  # nobody left to report


def test_ending_leaves_the_rest_missing_and_a_new_start_goes_on(timeline: Timeline) -> None:
    act(timeline, Action.REPORT_START, at(10))
    act(timeline, Action.REPORT_SKIP, at(10, 10))
    act(timeline, Action.REPORT_END, at(10, 20))  # table 2 was reporting: it did
    report = timeline.state(at(11)).report
    assert report is not None and not report.active
    assert report.reported == (2,) and report.missing == (1, *range(3, 13))
    assert not act(timeline, Action.REPORT_END, at(11))
    act(timeline, Action.REPORT_START, at(11))  # the skipped table gets another chance
    assert timeline.state(at(11)).report.table == 1  # type: ignore[union-attr]


def test_a_round_needs_a_started_dialogue_or_round_up(agenda: Agenda) -> None:
    timeline = Timeline(agenda, tz=CPH)
    assert not act(timeline, Action.REPORT_START, at(0))  # the day has not started
    act(timeline, Action.START, at(0))  # the welcome
    assert not act(timeline, Action.REPORT_START, at(1))
    assert not act(timeline, Action.REPORT_TABLE, at(1), table=3)
    act(timeline, Action.GOTO, at(2), slot=2)  # the dialogue
    assert act(timeline, Action.REPORT_START, at(3))
    assert not act(timeline, Action.REPORT_START, at(3))  # one round at a time


def test_leaving_the_slot_ends_the_round(timeline: Timeline) -> None:
    act(timeline, Action.REPORT_START, at(10))
    act(timeline, Action.NEXT, at(11))
    assert timeline.state(at(11)).report is None  # the case has no round
    rounds = timeline.log.rounds
    assert rounds[SUMMARY] is not None and rounds[SUMMARY].reported == (1,)
    assert not rounds[SUMMARY].active
    assert not act(timeline, Action.REPORT_NEXT, at(11))


def test_undo_takes_back_each_step(timeline: Timeline) -> None:
    act(timeline, Action.REPORT_START, at(10))
    act(timeline, Action.REPORT_NEXT, at(10, 20))
    act(timeline, Action.REPORT_SKIP, at(10, 40))
    assert timeline.state(at(11)).report.table == 3  # type: ignore[union-attr]
    act(timeline, Action.UNDO, at(11))
    report = timeline.state(at(11)).report
    assert report is not None and report.table == 2 and report.skipped == ()
    act(timeline, Action.UNDO, at(11))
    assert timeline.state(at(11)).report.table == 1  # type: ignore[union-attr]
    act(timeline, Action.UNDO, at(11))
    assert timeline.state(at(11)).report is None


def test_a_turn_redraws_on_its_own_second(timeline: Timeline) -> None:
    """The turn started half a second into the slot's second: its digits change then."""
    act(timeline, Action.REPORT_START, at(10, 0.5))
    state = timeline.state(at(10, 1))
    assert seconds_to_next_change(state) == pytest.approx(0.5)


def test_the_round_survives_the_session_file(agenda: Agenda, timeline: Timeline) -> None:
    act(timeline, Action.REPORT_START, at(10))
    act(timeline, Action.REPORT_TABLE, at(10, 20), table=5)
    session = Session(id="s", created=at(0), day=at(0).date(), agenda=agenda)
    session.events = list(timeline.events)
    data = tomllib.loads(tomli_w.dumps(session.model_dump(mode="json", exclude_none=True)))
    again = Session.model_validate(data).timeline(CPH)
    assert again.state(at(11)) == timeline.state(at(11))


def test_turn_length_never_goes_below_the_shortest() -> None:
    assert turn_length(None, -30.0, 4) == SHORTEST_TURN
    assert turn_length(None, 100.0, 4) == 25
    assert turn_length(90, -30.0, 4) == 90


def test_a_round_up_takes_its_dialogues_tables(agenda: Agenda) -> None:
    data = agenda.to_toml_data()
    data["slot"][2]["tables"] = 5
    changed = parse_agenda(data, "agenda.toml")
    assert round_tables(changed, SUMMARY) == 5
    assert topic_of(changed, SUMMARY) == 2 and topic_of(changed, 2) == 2


# Properties ---------------------------------------------------------------------------

AGENDA = load_agenda(AGENDA_FILE)
round_steps = st.lists(
    st.tuples(
        st.floats(0, 40, allow_nan=False),
        st.sampled_from(
            [
                (Action.REPORT_START, None),
                (Action.REPORT_NEXT, None),
                (Action.REPORT_SKIP, None),
                (Action.REPORT_END, None),
                (Action.PAUSE, None),
                (Action.RESUME, None),
                (Action.UNDO, None),
                (Action.ADJUST, None),
                *[(Action.REPORT_TABLE, table) for table in (1, 5, 12)],
            ]
        ),
    ),
    max_size=30,
)


def _run(steps: list[tuple[float, tuple[Action, int | None]]]) -> tuple[Timeline, datetime]:
    timeline = Timeline(AGENDA, tz=CPH)
    timeline.apply(Event.of(Action.START, at(0)))
    timeline.apply(Event.of(Action.GOTO, at(10), slot=SUMMARY))
    when = at(10)
    for gap, (action, table) in steps:
        when += timedelta(seconds=gap)
        seconds = 60 if action is Action.ADJUST else None
        timeline.apply(Event.of(action, when, seconds, table=table))
    return timeline, when


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(round_steps, st.floats(0, 120, allow_nan=False))
def test_every_table_is_in_exactly_one_place(
    steps: list[tuple[float, tuple[Action, int | None]]], later: float
) -> None:
    """Reported, skipped, reporting or waiting: each table once, whatever the host did."""
    timeline, when = _run(steps)
    report = timeline.state(when + timedelta(seconds=later)).report
    if report is None:
        return
    now = (report.table,) if report.table else ()
    waiting = [
        table
        for table in range(1, report.tables + 1)
        if table not in (*report.reported, *report.skipped, *now)
    ]
    every = [*report.reported, *report.skipped, *now, *waiting]
    assert sorted(every) == list(range(1, report.tables + 1))
    assert report.next is None or report.next in waiting
    assert report.length >= SHORTEST_TURN or not report.active


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(round_steps, st.floats(0, 120, allow_nan=False))
def test_the_log_replayed_gives_the_same_round(
    steps: list[tuple[float, tuple[Action, int | None]]], later: float
) -> None:
    """A console that reads the log afterwards (the stage, a resumed host) sees the same."""
    timeline, when = _run(steps)
    moment = when + timedelta(seconds=later)
    again = Timeline(AGENDA, tz=CPH, events=timeline.events)
    assert again.state(moment).report == timeline.state(moment).report


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(round_steps, st.floats(0, 60, allow_nan=False), st.floats(0, 60, allow_nan=False))
def test_the_turn_countdown_never_runs_backwards(
    steps: list[tuple[float, tuple[Action, int | None]]], first: float, second: float
) -> None:
    """Between two actions the turn's digits only go down, never skip a whole second on
    a redraw a second apart, and stand still while paused."""
    timeline, when = _run(steps)
    early = timeline.state(when + timedelta(seconds=first)).report
    late = timeline.state(when + timedelta(seconds=first + min(second, 1.0))).report
    if early is None or late is None or not early.active:
        return
    drop = early.display_seconds - late.display_seconds
    assert 0 <= drop <= 1
    if early.paused:
        assert drop == 0
