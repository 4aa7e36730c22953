"""The host and the stage without a screen: a slot's phases, the bell at each change, and
the question the host marks reaching a stage in another process (through the file)."""

from __future__ import annotations

import pytest

from facilitator.agenda.model import Agenda
from facilitator.roles.host import HostRun
from facilitator.roles.note_taker import NoteTaking
from facilitator.roles.stage import Stage
from facilitator.session.questions import StageQuestion, marked_in, stepped
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action


@pytest.fixture
def day(agenda: Agenda) -> Agenda:
    """The seed's day with its first dialogue made a 12-minute 1-2-4-All (9.00-9.12)."""
    data = agenda.to_toml_data()
    data["slot"][2]["template"] = "1-2-4-all"
    data["slot"][3]["start"] = "09:12"
    return Agenda.model_validate(data)


def at_the_dialogue(day: Agenda, store: SessionStore, clock: FakeClock) -> HostRun:
    run = HostRun(day, store, clock)
    run.act(Action.GOTO, slot=2)
    run.act(Action.START)
    return run


def test_the_bell_rings_once_per_phase_and_not_for_what_a_resumed_console_missed(
    day: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    run = at_the_dialogue(day, store, clock)
    rang = []
    for _ in range(0, 6 * 60):  # redrawn every second, into the foursomes
        rang.append(run.bell_due(run.state()))
        clock.advance(1)
    assert [i for i, bell in enumerate(rang) if bell] == [60, 180]
    run.close()

    again = HostRun(day, store, clock)
    resumable = again.begin()
    assert resumable is not None
    again.resume(resumable)
    clock.advance(2 * 60)  # the console was away when the phase changed at 7 min
    assert not again.bell_due(again.state())
    clock.advance(60)
    assert not again.bell_due(again.state())
    again.act(Action.PAUSE)
    clock.advance(3 * 60)
    assert not again.bell_due(again.state())  # a pause changes no phase
    again.act(Action.RESUME)
    assert not again.bell_due(again.state())
    clock.advance(3 * 60 + 1)  # past zero: the last phase's end is the slot's
    assert again.bell_due(again.state())


def test_the_stage_shows_the_phase_its_countdown_and_the_next(
    day: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    run = at_the_dialogue(day, store, clock)
    stage = Stage(store, clock)
    stage.follow()
    clock.advance(70)
    view = stage.view()
    assert (view.step, view.digits, view.step_next) == (
        "To og to · 2/4",  # the room's language: the agenda says "da"
        "01:50",
        "Then: Fire sammen (4 min)",
    )
    clock.advance(6 * 60)
    view = stage.view()
    assert (view.step, view.digits, view.step_next) == ("Alle sammen · 4/4", "04:50", "")
    assert run.state().current_slot.display_seconds == 290


def test_a_marked_question_reaches_the_stage_through_the_file(
    day: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    run = at_the_dialogue(day, store, clock)
    stage = Stage(store, clock)
    stage.follow()
    questions = day.slots[2].questions
    assert stage.view().questions == tuple(questions)
    assert stage.view().question is None
    assert run.step_question(1) == StageQuestion(slot=2, index=0)
    assert stage.follow()
    assert stage.view().question == 0
    run.step_question(1)
    run.step_question(1)  # past the last: stays on the last
    stage.follow()
    assert stage.view().question == 1
    run.act(Action.NEXT)  # the round-up has no questions: none shown, none marked
    stage.follow()
    assert stage.view().questions == ()
    assert store.load(run.session.id).stage_question == StageQuestion(slot=2, index=1)  # type: ignore[union-attr]


def test_the_cloud_takes_the_place_of_the_questions(
    day: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    run = at_the_dialogue(day, store, clock)
    assert run.session is not None
    dialogue = run.state().current
    NoteTaking(store, run.session, "desk", clock).save(dialogue, 1, None, "Tryghed og tillid")
    run.toggle_cloud()
    stage = Stage(store, clock)
    stage.follow()
    assert stage.view().cloud is not None and stage.view().questions == ()


def test_stepping_through_questions() -> None:
    assert stepped(None, 2, 2, 1) == StageQuestion(slot=2, index=0)
    assert stepped(None, 2, 2, -1) is None
    assert stepped(StageQuestion(slot=2, index=0), 2, 2, -1) is None
    assert stepped(StageQuestion(slot=2, index=1), 2, 2, 1) == StageQuestion(slot=2, index=1)
    # The mark of another slot does not carry over: forward starts at the first question.
    assert stepped(StageQuestion(slot=2, index=1), 10, 2, 1) == StageQuestion(slot=10, index=0)
    assert stepped(None, 0, 0, 1) is None
    assert marked_in(StageQuestion(slot=2, index=1), 10, 2) is None


def test_a_session_with_a_question_out_of_range_is_refused(
    day: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    run = at_the_dialogue(day, store, clock)
    run.step_question(1)
    assert run.folder is not None
    path = run.folder / "session.toml"
    text = path.read_text(encoding="utf-8")
    assert "[stage_question]" in text or "stage_question = {" in text
    path.write_text(text.replace("index = 0", "index = 7"), encoding="utf-8")
    from facilitator.errors import SessionError

    with pytest.raises(SessionError, match="question 7 is not among the slot's 2 questions"):
        store.load(run.session.id)  # type: ignore[union-attr]
