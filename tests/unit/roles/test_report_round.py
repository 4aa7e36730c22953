"""The report-back round in words and for the note-taker: the table a note goes under, the
bell at the end of a turn, and the review and minutes of a round."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from facilitator.agenda.model import Agenda, parse_agenda
from facilitator.review.analysis import review_session
from facilitator.review.archive import LoadedSession
from facilitator.review.exports import markdown
from facilitator.roles.host import HostRun
from facilitator.roles.note_taker import NoteTaking
from facilitator.roles.report_round import TableFollower
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action

SUMMARY = 3


def test_the_editor_follows_the_table_reporting_only_while_empty() -> None:
    follower = TableFollower()
    assert follower.follow(None, 1, busy=False) == (1, False)  # no round: no change
    assert follower.follow(2, 1, busy=False) == (2, False)  # a turn: the table reporting
    assert follower.follow(2, 5, busy=False) == (5, False)  # picked by hand: it stays
    assert follower.follow(3, 2, busy=True) == (2, True)  # typing: stays, told once
    assert follower.follow(3, 2, busy=True) == (2, False)
    assert follower.follow(3, 2, busy=False) == (3, False)  # saved: the table reporting
    assert follower.follow(None, 3, busy=False) == (3, False)  # the round ended


@given(
    st.lists(
        st.tuples(st.one_of(st.none(), st.integers(1, 12)), st.integers(1, 12), st.booleans()),
        max_size=40,
    )
)
def test_text_being_typed_never_changes_table(steps: list[tuple[int | None, int, bool]]) -> None:
    """Whatever the turns do, a busy editor keeps the table it has."""
    follower = TableFollower()
    for reporting, table, busy in steps:
        chosen, _ = follower.follow(reporting, table, busy)
        if busy:
            assert chosen == table
        else:
            assert chosen in (table, reporting)


def test_the_bell_rings_once_as_a_turn_is_up(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    run = HostRun(agenda, store, clock)
    run.act(Action.START)
    run.act(Action.GOTO, slot=SUMMARY)
    run.act(Action.REPORT_START)  # 25 s each for 12 tables in 5 minutes
    rings = []
    for _ in range(40):
        rings.append(run.bell_due(run.state()))
        clock.advance(1)
    assert rings.count(True) == 1 and rings.index(True) == 26
    run.act(Action.REPORT_NEXT)
    assert not run.bell_due(run.state())


def test_the_review_and_the_minutes_say_who_reported(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    run = HostRun(agenda, store, clock)
    run.act(Action.START)
    run.act(Action.GOTO, slot=SUMMARY)
    run.act(Action.REPORT_START)
    run.act(Action.REPORT_SKIP)
    run.call_table(9)  # table 2, reporting, has reported
    run.act(Action.NEXT)  # leaving the slot ends the round: table 9 reported
    assert run.session is not None
    loaded = LoadedSession(session=store.load(run.session.id), notes_files=())
    slot = review_session(loaded.session).slots[SUMMARY]
    assert slot.reported == (2, 9) and slot.not_reported == (1, *range(3, 9), 10, 11, 12)
    assert review_session(loaded.session).slots[0].reported is None
    lines = markdown(loaded).splitlines()
    assert (
        "Report-back in Kort opsamling: reported 2 9; not reported 1 3 4 5 6 7 8 10 11 12" in lines
    )


def test_a_table_the_dialogue_lacks_is_not_preselected(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    """A round-up with more tables than its dialogue: table 14 has nowhere to go in the
    dialogue's notes, so the note-taker's table is left alone rather than moved to 12."""
    data = agenda.to_toml_data()
    data["slot"][SUMMARY]["tables"] = 15
    bigger = parse_agenda(data, "agenda.toml")
    run = HostRun(bigger, store, clock)
    run.act(Action.START)
    run.act(Action.GOTO, slot=SUMMARY)
    run.act(Action.REPORT_START)
    assert run.session is not None
    notes = NoteTaking(store, run.session, "desk", clock)
    assert notes.reporting(2) == 1
    run.call_table(14)
    notes.refresh()
    assert notes.reporting(2) is None
    notes.close()
