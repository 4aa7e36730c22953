"""A slot's phases and the dialogue's questions under Pilot: the host's panel and bell, the
`.` and `,` keys, and the stage screen following them from the session file."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from rich.console import Console
from textual.widgets import Label

from facilitator.agenda.model import Agenda
from facilitator.roles.host import HostRun
from facilitator.roles.stage import Stage
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action
from facilitator.ui.app import stage_app
from facilitator.ui.dialogs.help import HelpModal
from facilitator.ui.screens.stage import StageScreen
from facilitator.ui.widgets.big_digits import BigDigits
from facilitator.ui.widgets.stage_questions import StageQuestions
from tests.ui.harness import HostFixture

SIZE = (120, 40)


@pytest.fixture
def day(agenda: Agenda) -> Agenda:
    """The seed's day with its first dialogue a 12-minute 1-2-4-All, in English."""
    data = agenda.to_toml_data()
    data["language"] = "en"
    data["slot"][2]["template"] = "1-2-4-all"
    data["slot"][3]["start"] = "09:12"
    return Agenda.model_validate(data)


@pytest.fixture
def host(
    make_host: Callable[..., HostFixture], day: Agenda, store: SessionStore, clock: FakeClock
) -> HostFixture:
    """The host console on that day, at the dialogue, not yet started."""
    run = HostRun(day, store, clock)
    run.act(Action.GOTO, slot=2)
    return make_host(run=run)


def label(screen: object, widget_id: str) -> str:
    widget = screen.query_one(f"#{widget_id}", Label)  # type: ignore[attr-defined]
    return str(widget.content) if widget.display else ""


async def test_the_panel_shows_each_phase_and_rings_at_each_change(host: HostFixture) -> None:
    async with host.app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        assert label(host.screen, "slot-step") == "Phase 1 of 4: Alone · 01:00"
        assert label(host.screen, "slot-step-next") == "Then: In pairs (2 min)"
        host.tick(59.5)
        assert label(host.screen, "slot-step") == "Phase 1 of 4: Alone · 00:01"
        assert host.bells == []
        host.tick(0.5)
        assert label(host.screen, "slot-step") == "Phase 2 of 4: In pairs · 02:00"
        assert host.bells == [1]
        host.tick(1)
        assert host.bells == [1]  # once per change, not per redraw
        await pilot.press("space")  # a pause holds the phase
        host.tick(600)
        assert label(host.screen, "slot-step") == "Phase 2 of 4: In pairs · 01:59"
        await pilot.press("space")
        host.tick(119)
        assert label(host.screen, "slot-step").startswith("Phase 3 of 4: In foursomes")
        host.tick(240)
        assert label(host.screen, "slot-step") == "Phase 4 of 4: All together · 05:00"
        assert label(host.screen, "slot-step-next") == "Last phase of the slot"
        assert host.bells == [1, 1, 1]
        await pilot.press("plus")  # a minute more goes to the last phase
        assert label(host.screen, "slot-step") == "Phase 4 of 4: All together · 06:00"


async def test_the_dot_and_comma_mark_the_questions(host: HostFixture) -> None:
    async with host.app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("space", "full_stop")
        assert label(host.screen, "slot-question").startswith("Question 1 of 2 on stage: Hvordan")
        await pilot.press("full_stop")
        assert label(host.screen, "slot-question").startswith("Question 2 of 2 on stage: Hvad")
        await pilot.press("comma", "comma")
        assert label(host.screen, "slot-question") == ""
        assert host.session().stage_question is None
        await pilot.press("full_stop")
        session = host.session()
        assert session.stage_question is not None and session.stage_question.index == 0
        notes = [str(n.message) for n in host.app._notifications]
        assert "On stage: question 1 of 2" in notes and "No question marked on the stage" in notes


async def test_the_question_keys_are_greyed_without_questions(
    make_host: Callable[..., HostFixture],
) -> None:
    host = make_host()  # the welcome has no questions
    async with host.app.run_test(size=SIZE):
        assert host.screen.check_action("question", ("1",)) is False  # not in the footer
        titles = [command.title for command in host.app.get_system_commands(host.screen)]
        assert "Question" not in titles


async def test_the_question_keys_are_in_the_footer_help_and_palette(host: HostFixture) -> None:
    async with host.app.run_test(size=SIZE) as pilot:
        titles = [command.title for command in host.app.get_system_commands(host.screen)]
        assert "Question" in titles and "Previous question" in titles
        shown = [key for key, b in host.screen.active_bindings.items() if b.binding.show]
        assert "full_stop" in shown
        await pilot.press("question_mark")
        modal = host.app.screen
        assert isinstance(modal, HelpModal)
        assert dict(modal.bindings_help)["."].startswith("Mark the next question")
        assert dict(modal.bindings_help)[","].startswith("Mark the previous question")


async def test_the_stage_follows_the_phase_and_the_marked_question(
    day: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    run = HostRun(day, store, clock)
    run.act(Action.GOTO, slot=2)
    run.act(Action.START)
    app = stage_app(Stage(store, clock))
    async with app.run_test(size=SIZE):
        screen = app.screen
        assert isinstance(screen, StageScreen)
        assert label(screen, "stage-step") == "Alone · 1/4"
        assert label(screen, "stage-step-next") == "Then: In pairs (2 min)"
        assert screen.query_one(BigDigits).value == "01:00"
        questions = screen.query_one(StageQuestions)
        assert questions.display and questions.marked is None
        assert len(questions.questions) == 2
        clock.advance(61)
        run.step_question(1)
        screen.follow()
        assert label(screen, "stage-step") == "In pairs · 2/4"
        assert screen.query_one(BigDigits).value == "01:59"
        assert questions.marked == 0
        console = Console(width=100, record=True, file=io.StringIO())
        console.print(questions.render())
        assert "▶ 1. Hvordan" in console.export_text()
        run.act(Action.NEXT)
        screen.follow()
        assert label(screen, "stage-step") == "" and not questions.display


async def test_a_question_shows_as_written_never_as_markup(
    day: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    data = day.to_toml_data()
    data["slot"][2]["questions"] = ["[bold red]Hvad[/] virker? :smile: [@click=app.quit]"]
    run = HostRun(Agenda.model_validate(data), store, clock)
    run.act(Action.GOTO, slot=2)
    run.step_question(1)
    app = stage_app(Stage(store, clock))
    async with app.run_test(size=SIZE):
        screen = app.screen
        assert isinstance(screen, StageScreen)
        console = Console(width=100, record=True, file=io.StringIO())
        console.print(screen.query_one(StageQuestions).render())
        assert "▶ 1. [bold red]Hvad[/] virker? :smile: [@click=app.quit]" in console.export_text()
