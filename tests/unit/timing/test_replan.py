"""The re-plan on the repository's day: what `r` proposes when the welcome runs over, what
Enter records, what every reader of the log sees, and what undo takes back."""

from __future__ import annotations

import tomllib
from datetime import datetime, timedelta

import pytest

from facilitator.agenda.model import Agenda, parse_agenda
from facilitator.review.analysis import review_session
from facilitator.review.archive import LoadedSession
from facilitator.review.exports import markdown
from facilitator.roles.host import HostRun
from facilitator.session.store import SESSION_FILE, SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action, Event
from facilitator.timing.replan import check_lengths, propose
from facilitator.timing.timeline import Timeline
from tests.conftest import CPH

TALK, DIALOGUE, BIG_TALK, LATE_DIALOGUE, LUNCH, ELECTION = 1, 2, 9, 10, 12, 13


def at(hour: int, minute: int, second: float = 0) -> datetime:
    return datetime(2024, 11, 26, hour, minute, tzinfo=CPH) + timedelta(seconds=second)


@pytest.fixture
def rehearsal(agenda: Agenda, store: SessionStore) -> tuple[HostRun, FakeClock]:
    """A rehearsal at 60× whose welcome (08:45–08:50) has run 15 minutes over: 09:05."""
    base = FakeClock(datetime(2024, 11, 26, 7, 0, tzinfo=CPH))
    host = HostRun(agenda, store, base, speed=60, tz=CPH)
    assert host.clock.now() == at(8, 45)
    host.act(Action.START)
    base.advance(20)  # 20 minutes of the virtual day
    assert host.clock.now() == at(9, 5)
    return host, base


def test_the_header_says_a_re_plan_would_help_when_lunch_is_threatened(
    rehearsal: tuple[HostRun, FakeClock],
) -> None:
    host, _ = rehearsal
    state = host.state()
    assert state.offset == 15 * 60
    assert [(risk.index, risk.seconds, risk.held) for risk in state.fixed_risks] == [
        (LUNCH, 900.0, True)
    ]
    assert state.replan is not None and state.replan.target == LUNCH
    assert state.replan.seconds == 900 and state.replan_helps


def test_the_proposal_cuts_15_minutes_before_lunch_in_whole_minutes(
    rehearsal: tuple[HostRun, FakeClock],
) -> None:
    host, _ = rehearsal
    proposal = host.replan_proposal()
    assert proposal is not None and proposal.applicable
    assert [slot.index for slot in proposal.slots] == list(range(1, LUNCH))
    assert proposal.cut == 15 * 60 and proposal.unsaved == 0
    assert all(slot.proposed % 60 == 0 for slot in proposal.slots)
    assert all(slot.proposed >= slot.shortest for slot in proposal.slots)
    # The hour-long talk and the long dialogue have the most room: they give the most.
    assert proposal.lengths[BIG_TALK] == 56 * 60 and proposal.lengths[LATE_DIALOGUE] == 26 * 60
    assert proposal.slots[0].expected_start == at(9, 5)
    assert proposal.slots[-1].expected_end == at(12, 0)
    assert proposal.target_planned == proposal.target_expected == at(12, 0)
    assert proposal.expected_end == at(12, 30)


def test_applying_it_brings_lunch_back_to_noon_for_every_reader(
    rehearsal: tuple[HostRun, FakeClock],
    store: SessionStore,
) -> None:
    host, _ = rehearsal
    proposal = host.replan_proposal()
    assert proposal is not None
    assert host.apply_replan(proposal.lengths)
    state = host.state()
    assert state.slots[LUNCH].expected_start == at(12, 0)
    assert state.slots[LUNCH - 1].expected_start == at(11, 50)
    assert state.fixed_risks == () and not state.replan_helps
    assert state.offset == 15 * 60  # still 15 minutes behind the printed programme
    assert state.slots[BIG_TALK].planned_duration == 56 * 60
    assert state.slots[BIG_TALK].replanned_from == 60 * 60
    # The stage, the note-takers and the review read the session file: the same day.
    assert host.session is not None
    stored = tomllib.loads((store.folder(host.session.id) / SESSION_FILE).read_text())
    assert stored["event"][-1]["action"] == "replan"
    assert stored["event"][-1]["lengths"] == {
        str(index): length for index, length in proposal.lengths.items()
    }
    replayed = store.load(host.session.id).timeline(CPH).state(host.clock.now())
    assert replayed == state


def test_one_undo_takes_the_whole_re_plan_back(rehearsal: tuple[HostRun, FakeClock]) -> None:
    host, _ = rehearsal
    before = host.state()
    proposal = host.replan_proposal()
    assert proposal is not None and host.apply_replan(proposal.lengths)
    assert host.act(Action.UNDO)
    assert host.state() == before
    assert host.session is not None
    assert [event.action for event in host.session.events][-2:] == [Action.REPLAN, Action.UNDO]


def test_the_host_chooses_a_length_and_the_rest_is_proposed_around_it(
    rehearsal: tuple[HostRun, FakeClock],
) -> None:
    host, _ = rehearsal
    proposal = host.replan_proposal({BIG_TALK: 45 * 60})
    assert proposal is not None and not proposal.problems
    assert proposal.lengths == {BIG_TALK: 45 * 60}  # it alone gives the 15 minutes
    assert [slot.chosen for slot in proposal.slots].count(True) == 1
    # A longer dialogue than planned makes the others give more.
    proposal = host.replan_proposal({LATE_DIALOGUE: 35 * 60})
    assert proposal is not None and proposal.cut == 15 * 60
    assert proposal.lengths[LATE_DIALOGUE] == 35 * 60 and proposal.unsaved == 0


def test_lengths_a_re_plan_cannot_set_are_named(rehearsal: tuple[HostRun, FakeClock]) -> None:
    host, _ = rehearsal
    chosen = {DIALOGUE: 4 * 60, LUNCH: 600, ELECTION: 600, 0: 60, 99: 60}
    problems = check_lengths(host.timeline, host.clock.now(), chosen)
    assert problems[DIALOGUE] == (
        "slot 3 \"Dialog ved bordene\": at least 5 min, its shortest ('min')"
    )
    assert "slot 13" in problems[LUNCH] and "before the slot it keeps on time" in problems[LUNCH]
    assert "slot 14" in problems[ELECTION] and "slot 1 " in problems[0]
    assert problems[99] == "slot 100: there is no such slot"
    proposal = host.replan_proposal(chosen)
    assert proposal is not None and not proposal.applicable and proposal.cut == 15 * 60
    assert not host.apply_replan({DIALOGUE: 4 * 60})
    assert host.session is not None and host.session.events[-1].action is Action.START


def test_what_cannot_be_saved_when_the_cut_is_not_enough(
    rehearsal: tuple[HostRun, FakeClock],
) -> None:
    host, base = rehearsal
    base.advance(115)  # the welcome runs until 11:00: 130 minutes behind
    proposal = host.replan_proposal()
    assert proposal is not None
    assert all(slot.proposed == slot.shortest for slot in proposal.slots)
    assert proposal.cut == 55 * 60 and proposal.unsaved == 75 * 60
    assert host.apply_replan(proposal.lengths)
    [risk] = host.state().fixed_risks
    assert risk.index == LUNCH and risk.seconds == 75 * 60


def test_ahead_the_spare_time_goes_to_the_dialogues(agenda: Agenda) -> None:
    timeline = Timeline(agenda, tz=CPH)
    timeline.apply(Event.of(Action.START, at(8, 45)))
    timeline.apply(Event.of(Action.NEXT, at(8, 46)))  # the welcome took one minute
    now = at(8, 47)
    state = timeline.state(now)
    assert state.offset == -4 * 60 and state.replan is not None and state.replan_helps
    proposal = propose(timeline, now)
    assert proposal is not None and proposal.cut == -4 * 60
    assert proposal.lengths == {DIALOGUE: 11 * 60, LATE_DIALOGUE: 33 * 60}
    assert timeline.apply(Event.of(Action.REPLAN, now, lengths=proposal.lengths))
    state = timeline.state(now)
    assert state.slots[LUNCH - 1].expected_start == at(11, 50)
    assert not state.replan_helps


def test_without_a_fixed_slot_the_re_plan_keeps_the_days_end() -> None:
    agenda = parse_agenda(
        {
            "title": "Day",
            "end": "10:00",
            "slot": [
                {"start": "9.00", "title": "Welcome", "kind": "welcome"},
                {"start": "9.10", "title": "Keynote", "kind": "talk", "keep": True},
                {"start": "9.30", "title": "Dialogue", "kind": "dialogue", "min": "10m"},
                {"start": "9.50", "title": "Round-up", "kind": "summary"},
            ],
        },
        source="day.toml",
    )
    timeline = Timeline(agenda, tz=CPH)
    timeline.apply(Event.of(Action.START, at(9, 0)))
    now = at(9, 17, 30)  # the welcome is 7.5 minutes over
    proposal = propose(timeline, now)
    assert proposal is not None and proposal.need.target is None
    assert proposal.target_planned == at(10, 0)
    assert proposal.lengths == {2: 14 * 60 + 30, 3: 8 * 60}  # the keynote is kept
    timeline.apply(Event.of(Action.REPLAN, now, lengths=proposal.lengths))
    assert timeline.state(now).expected_end == at(10, 0)


def test_a_re_plan_applies_only_to_later_slots_of_a_started_day(agenda: Agenda) -> None:
    timeline = Timeline(agenda, tz=CPH)
    assert timeline.state(at(8, 50)).replan is None
    assert not timeline.apply(Event.of(Action.REPLAN, at(8, 50), lengths={3: 60}))
    timeline.apply(Event.of(Action.START, at(8, 45)))
    timeline.apply(Event.of(Action.NEXT, at(8, 55)))
    assert not timeline.apply(Event.of(Action.REPLAN, at(9, 0), lengths={1: 60}))
    assert not timeline.apply(Event.of(Action.REPLAN, at(9, 0), lengths={0: 60}))
    assert not timeline.apply(Event.of(Action.REPLAN, at(9, 0), lengths={2: 600}))  # no change
    assert timeline.apply(Event.of(Action.REPLAN, at(9, 0), lengths={2: 300}))
    timeline.apply(Event.of(Action.FINISH, at(9, 1)))
    assert timeline.state(at(9, 2)).replan is None


def test_the_review_and_the_minutes_mark_the_re_plan(
    rehearsal: tuple[HostRun, FakeClock],
) -> None:
    host, base = rehearsal
    host.apply_replan({BIG_TALK: 50 * 60, LATE_DIALOGUE: 25 * 60})
    base.advance(1)
    host.act(Action.FINISH)
    assert host.session is not None
    review = review_session(host.session)
    [mark] = review.replans
    assert mark.at == at(9, 5) and mark.during == 0
    assert mark.changes == ((BIG_TALK, 3600, 3000), (LATE_DIALOGUE, 1800, 1500))
    assert review.slots[BIG_TALK].replanned == 3000
    assert review.slots[BIG_TALK].planned_duration == 3600  # measured against the programme
    assert review.slots[TALK].replanned is None
    text = markdown(LoadedSession(session=host.session, notes_files=()))
    assert "| 1 h → 50 min |" in text
    assert (
        "Re-planned at 09:05, during Velkommen til arbejdsmiljødagen: Fælles lederskab og "
        "dets betydning for arbejdsmiljøet (1 h → 50 min), Dialog ved bordene "
        "(30 min → 25 min)."
    ) in text
