"""Text from a person or a file is shown as typed, never read as markup: each spot where
brackets once crashed a console or vanished."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.widgets import DataTable, Input, OptionList, Static

from facilitator.agenda.model import Agenda
from facilitator.roles.host import HostRun
from facilitator.roles.note_taker import NoteTaking
from facilitator.roles.stage import Stage
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action
from facilitator.ui.app import host_app, notes_app, review_app, stage_app
from facilitator.ui.dialogs.confirm import ConfirmModal
from facilitator.ui.dialogs.goto import GotoModal
from facilitator.ui.dialogs.message import MessageModal
from facilitator.ui.screens.host import HostScreen
from facilitator.ui.screens.notes import NotesScreen
from facilitator.ui.screens.review_list import QUOTED_CHARS, ReviewListScreen
from facilitator.ui.screens.review_session import SessionReviewScreen
from facilitator.ui.screens.stage import StageScreen
from tests.ui.reading import agenda_with, rendered, screen_text, toasts

SIZE = (160, 40)
CLOSING = "Lunch [/lunch] now"
"""Once a MarkupError that ended the host and the stage, and every start after it."""
BRACKETS = "Room [B] closed"
"""Once shown as "Room  closed"."""
ACTION = "[@click=app.quit]Click me[/]"
"""Action markup: must show as typed and never act."""


async def test_a_message_with_a_closing_tag_is_sent_and_shown(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    app = host_app(HostRun(agenda, store, clock))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("space", "m")
        assert isinstance(app.screen, MessageModal)
        await pilot.press(*CLOSING, "enter")
        await pilot.pause()
        assert isinstance(app.screen, HostScreen)
        assert rendered(app.screen.query_one("#stage-message")) == f"On stage: {CLOSING}"
        assert f"On stage: {CLOSING}" in screen_text(app)
        assert f"Sent to the stage: {CLOSING}" in "\n".join(toasts(app))
        await pilot.press("m")  # the dialog quotes the message on stage
        assert CLOSING in screen_text(app)


async def test_a_saved_message_with_brackets_does_not_stop_a_resumed_host(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    first = HostRun(agenda, store, clock)
    first.act(Action.START)
    first.send_message(CLOSING)
    first.close()
    assert first.session is not None
    run = HostRun(agenda, store, clock)
    run.resume(store.load(first.session.id))
    app = host_app(run)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert f"On stage: {CLOSING}" in screen_text(app)


async def test_the_stage_shows_brackets_as_typed(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    host = HostRun(agenda_with(agenda, title=BRACKETS, speaker="[b]Ann[/b]"), store, clock)
    host.act(Action.START)
    host.send_message(CLOSING)
    app = stage_app(Stage(store, clock, None))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StageScreen)
        assert rendered(screen.query_one("#stage-title")) == BRACKETS
        assert rendered(screen.query_one("#stage-speakers")) == "[b]Ann[/b], Tinne Christiansen"
        assert rendered(screen.query_one("#stage-message")) == CLOSING


async def test_action_markup_on_the_stage_does_nothing_when_clicked(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    host = HostRun(agenda, store, clock)
    host.act(Action.START)
    host.send_message(ACTION)
    app = stage_app(Stage(store, clock, None))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert ACTION in screen_text(app)
        await pilot.click("#stage-message")
        await pilot.click("#stage-message", offset=(3, 0))
        await pilot.pause()
        assert app.is_running and app.return_code is None


async def test_the_host_shows_titles_speakers_and_notes_as_typed(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    day = agenda_with(
        agenda, title=BRACKETS, speaker="[i]Ann", note="[/] mind the [red]", day="Day [1]"
    )
    app = host_app(HostRun(day, store, clock))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        assert "Day [1]" in shown
        assert rendered(app.screen.query_one("#slot-title")) == BRACKETS
        assert rendered(app.screen.query_one("#slot-speakers")) == "[i]Ann, Tinne Christiansen"
        assert rendered(app.screen.query_one("#host-note")) == "Note: [/] mind the [red]"
        assert BRACKETS in shown.split("Room [B] closed", 1)[1]  # also in the agenda list
        await pilot.press("space", "n", "p")  # back to the welcome: asks, quoting the title
        assert isinstance(app.screen, ConfirmModal)
        assert f"“{BRACKETS}”" in screen_text(app)
        await pilot.press("n", "g")
        assert isinstance(app.screen, GotoModal)
        slots = app.screen.query_one(OptionList)
        assert BRACKETS in str(slots.get_option_at_index(0).prompt)
        assert BRACKETS in screen_text(app)


async def test_the_notes_console_starts_on_bracketed_titles_and_questions(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    day = agenda_with(agenda, question="[/x] What [b]works[/b]?")
    host = HostRun(day, store, clock)
    host.act(Action.START)
    host.act(Action.GOTO, slot=2)
    assert host.session is not None
    app = notes_app(NoteTaking(store, host.session, "desk", clock))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen)
        question = rendered(app.screen.query_one("#question-label"))
        assert question.startswith("Question 1 of 2: [/x] What [b]works[/b]?")
        await pilot.press(*"Table said [/x] and [b]", "ctrl+s")
        assert "Table said [/x] and [b]" in screen_text(app)


def _day_with_brackets(agenda: Agenda, store: SessionStore, clock: FakeClock) -> str:
    day = agenda_with(agenda, title="[/x] Welcome", day="Day [/] [b]one[/b]")
    host = HostRun(day, store, clock)
    host.act(Action.START)
    host.act(Action.GOTO, slot=2)
    assert host.session is not None
    desk = NoteTaking(store, host.session, "desk", clock)
    desk.save(2, 1, None, "Trust [/trust] and [link=https://x]links[/link]")
    desk.close()
    host.act(Action.FINISH)
    host.close()
    return host.session.id


async def test_the_review_list_and_session_show_titles_as_typed(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    _day_with_brackets(agenda, store, clock)
    app = review_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReviewListScreen)
        table = app.screen.query_one("#sessions", DataTable)
        assert str(table.get_row_at(0)[0]) == "Day [/] [b]one[/b]"
        assert "Day [/] [b]one[/b]" in screen_text(app)
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, SessionReviewScreen)
        assert rendered(screen.query_one("#session-heading")).startswith("Day [/] [b]one[/b] ·")
        assert "[/x] Welcome" in screen_text(app)  # the timeline table
        await pilot.press("2")
        notes = rendered(screen.query_one("#notes-text", Static))
        assert "Trust [/trust] and [link=https://x]links[/link]" in notes
        await pilot.press("3")
        assert "3. Dialog ved bordene" in screen_text(app)


async def test_the_review_filter_takes_brackets(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    _day_with_brackets(agenda, store, clock)
    app = review_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"zz[/]")
        await pilot.pause()
        assert app.screen.query_one("#review-filter", Input).value == "zz[/]"
        assert rendered(app.screen.query_one("#review-heading")) == "Nothing matches “zz[/]”."
        assert app.screen.query_one("#sessions", DataTable).row_count == 0


async def test_a_pasted_page_in_the_review_filter_is_quoted_short(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    _day_with_brackets(agenda, store, clock)
    page = "[red]æø[/]x" * 15_000
    app = review_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        app.post_message(events.Paste(page))
        await pilot.pause()
        assert app.screen.query_one("#review-filter", Input).value == page
        quoted = page[: QUOTED_CHARS - 1] + "…"
        assert rendered(app.screen.query_one("#review-heading")) == f"Nothing matches “{quoted}”."


async def test_a_notification_quoting_a_file_shows_it_as_written(
    agenda: Agenda, store: SessionStore, clock: FakeClock, tmp_path: Path
) -> None:
    session_id = _day_with_brackets(agenda, store, clock)
    (store.folder(session_id) / "notes-bad.toml").write_text(
        'writer = "bad"\nsession = "x"\n[[note]]\nid = "[/x]"\nslot = "[b]two[/b]"\n',
        encoding="utf-8",
    )
    app = review_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionReviewScreen)
        shown = "\n".join(toasts(app))
        assert "notes-bad.toml" in shown and "[b]two[/b]" in shown
