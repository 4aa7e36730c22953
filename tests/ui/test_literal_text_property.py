"""Any text from a person or a file, however full of brackets, markup, backslashes, emoji,
combining, zero-width or right-to-left characters, shows as typed in every console and
dialog, in notifications and in `check`'s output, and never stops a console."""

from __future__ import annotations

import asyncio
import io
import tempfile
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import tomli_w
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from rich.console import Console, RenderableType
from textual import events
from textual.widgets import DataTable, OptionList, Static

from facilitator.agenda.model import Agenda, load_agenda
from facilitator.cli.check import print_check
from facilitator.i18n import t
from facilitator.roles.host import HostRun
from facilitator.roles.note_taker import NoteTaking
from facilitator.roles.stage import Stage
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action
from facilitator.ui.app import host_app, notes_app, review_app, stage_app
from facilitator.ui.dialogs.confirm import ConfirmModal
from facilitator.ui.dialogs.goto import GotoModal
from facilitator.ui.dialogs.message import MessageModal, preset_for
from facilitator.ui.screens.host import HostScreen
from facilitator.ui.screens.notes import NotesScreen
from facilitator.ui.screens.review_list import ReviewListScreen
from facilitator.ui.screens.review_session import SessionReviewScreen
from facilitator.ui.screens.stage import StageScreen
from facilitator.ui.widgets.day_header import DayHeader
from facilitator.ui.widgets.notes_list import NotesList
from tests.conftest import AGENDA_FILE, CPH
from tests.ui.reading import agenda_with, rendered, toasts

SIZE = (200, 50)
SEED_DAY: Agenda = load_agenda(AGENDA_FILE)

PIECES = [
    "[",
    "]",
    "[/x]",
    "[b]",
    "[/]",
    "[/b]",
    "[@click=app.quit]",
    "[link=https://x]",
    "[red]",
    "\\",
    "\\[",
    "🎤",
    "👩‍👩‍👧",
    "e\u0301",
    "\u200b",
    "\u200d",
    "שלום",
    "مرحبا",
    "\u202e",
    ":fire:",
    "{0}",
    "%s",
    "$x",
    "Ann",
    "ø",
    " ",
    "x",
]
"""What breaks markup, formatting and width: tags, actions, links, escapes, emoji, joiners,
combining and zero-width characters, right-to-left text and its override."""

line = (
    st.lists(
        st.one_of(
            st.sampled_from(PIECES),
            st.characters(exclude_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp")),
        ),
        min_size=1,
        max_size=6,
    )
    .map("".join)
    .map(str.strip)
    .filter(bool)
)
"""One line of text as a person might type it, without leading or trailing space (the
consoles strip those)."""


@dataclass(frozen=True)
class Texts:
    """A text for each place a console shows one: several per console start, since a
    start is what takes the time."""

    title: str
    speaker: str
    question: str
    note: str
    day: str
    message: str


texts = st.builds(Texts, line, line, line, line, line, line)

EXAMPLES = settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
"""Eight console starts each, with six texts in each: about a second a start."""


def fake_clock() -> FakeClock:
    return FakeClock(datetime(2024, 11, 26, 8, 44, tzinfo=CPH))


def rich_text(renderable: RenderableType) -> str:
    """A Rich renderable (a table) as plain text, by a console that reads markup."""
    console = Console(width=400, file=io.StringIO(), record=True, color_system=None)
    console.print(renderable)
    return console.export_text()


def the_day(texts: Texts) -> Agenda:
    return agenda_with(
        SEED_DAY,
        title=texts.title,
        speaker=texts.speaker,
        question=texts.question,
        note=texts.note,
        day=texts.day,
    )


async def drive_host(texts: Texts, store: SessionStore) -> None:
    run = HostRun(the_day(texts), store, fake_clock())
    # A preset's number sends the preset (tests/ui/test_stage_controls.py): not literal text.
    presets = run.agenda.messages or t("message.presets").split("|")
    assume(preset_for(texts.message, presets) is None)
    app = host_app(run)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("space", "m")
        app.post_message(events.Paste(texts.message))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HostScreen)
        assert run.stage_message == texts.message
        assert texts.day in rich_text(screen.query_one(DayHeader).render())
        assert rendered(screen.query_one("#slot-title")) == texts.title
        assert rendered(screen.query_one("#slot-speakers")) == (
            f"{texts.speaker}, Tinne Christiansen"
        )
        assert rendered(screen.query_one("#host-note")) == f"Note: {texts.note}"
        assert rendered(screen.query_one("#stage-message")) == f"On stage: {texts.message}"
        assert f"Sent to the stage: {texts.message}" in toasts(app)
        assert texts.title in rich_text(screen.query_one("#agenda-table", Static).content)
        await pilot.press("m")
        assert isinstance(app.screen, MessageModal)
        hints = [rendered(label) for label in app.screen.query(".hint")]
        assert f"On stage now: {texts.message}" in hints
        await pilot.press("escape", "n", "p")
        assert isinstance(app.screen, ConfirmModal)
        assert f"“{texts.title}”" in rendered(app.screen.query_one(".question"))
        await pilot.press("n", "g")
        assert isinstance(app.screen, GotoModal)
        first = app.screen.query_one(OptionList).get_option_at_index(0).prompt
        assert texts.title in str(first)
        await pilot.press("escape")
        assert app.is_running


async def drive_stage(texts: Texts, store: SessionStore) -> None:
    clock = fake_clock()
    host = HostRun(the_day(texts), store, clock)
    host.act(Action.START)
    host.send_message(texts.message)
    app = stage_app(Stage(store, clock, None))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StageScreen)
        assert rendered(screen.query_one("#stage-title")) == texts.title
        assert rendered(screen.query_one("#stage-speakers")) == (
            f"{texts.speaker}, Tinne Christiansen"
        )
        assert rendered(screen.query_one("#stage-message")) == texts.message
        await pilot.click("#stage-message")
        assert app.is_running


async def drive_notes(texts: Texts, store: SessionStore) -> None:
    clock = fake_clock()
    host = HostRun(the_day(texts), store, clock)
    host.act(Action.START)
    host.act(Action.GOTO, slot=2)
    assert host.session is not None
    app = notes_app(NoteTaking(store, host.session, "desk", clock))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, NotesScreen)
        assert rendered(screen.query_one("#question-label")).startswith(
            f"Question 1 of 2: {texts.question}"
        )
        app.post_message(events.Paste(texts.message))
        await pilot.pause()
        await pilot.press("ctrl+s")
        prompt = str(screen.query_one(NotesList).get_option_at_index(0).prompt)
        assert prompt.endswith(f"\n{texts.message}")


async def drive_review(texts: Texts, store: SessionStore) -> None:
    clock = fake_clock()
    host = HostRun(the_day(texts), store, clock)
    host.act(Action.START)
    host.act(Action.GOTO, slot=2)
    assert host.session is not None
    desk = NoteTaking(store, host.session, "desk", clock)
    desk.save(2, 1, texts.question, texts.message)
    desk.close()
    host.act(Action.FINISH)
    host.close()
    # A file that cannot be read: the notification quotes the value it found.
    planted = store.folder(host.session.id) / "notes-other.toml"
    planted.write_text(
        tomli_w.dumps(
            {"writer": "other", "session": "x", "note": [{"id": "a", "slot": [texts.note]}]}
        ),
        encoding="utf-8",
    )
    app = review_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = app.screen
        assert isinstance(screen, ReviewListScreen)
        await pilot.press("slash")
        app.post_message(events.Paste(texts.day))
        await pilot.pause()
        table = screen.query_one("#sessions", DataTable)
        assert table.row_count == 1 and str(table.get_row_at(0)[0]) == texts.day
        await pilot.press("enter", "enter")
        review = app.screen
        assert isinstance(review, SessionReviewScreen)
        await pilot.pause()
        assert rendered(review.query_one("#session-heading")).startswith(f"{texts.day} · ")
        assert texts.title in rich_text(review.query_one("#timeline-table", Static).content)
        await pilot.press("2")  # the notes tab is made when it is shown
        notes = rendered(review.query_one("#notes-text", Static))
        assert f"  {texts.question}\n" in notes
        assert f"Table 1: {texts.message}  (desk," in notes
        assert any(
            "notes-other.toml" in toast and repr(texts.note) in toast for toast in toasts(app)
        )


def run(scenario: Callable[[Texts, SessionStore], Awaitable[None]], texts: Texts) -> None:
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(scenario(texts, SessionStore(Path(folder) / "sessions")))


@EXAMPLES
@given(texts)
def test_the_host_console_and_its_dialogs(texts: Texts) -> None:
    run(drive_host, texts)


@EXAMPLES
@given(texts)
def test_the_stage(texts: Texts) -> None:
    run(drive_stage, texts)


@EXAMPLES
@given(texts)
def test_the_notes_console(texts: Texts) -> None:
    run(drive_notes, texts)


@EXAMPLES
@given(texts)
def test_the_review_list_session_and_notifications(texts: Texts) -> None:
    run(drive_review, texts)


@settings(max_examples=25, deadline=None)
@given(texts)
def test_the_check_output(texts: Texts) -> None:
    console = Console(width=400, file=io.StringIO(), record=True, color_system=None)
    path = Path(f"{texts.message}.toml")  # a path joins "//" into "/"
    print_check(the_day(texts), path, console=console)
    printed = console.export_text()
    assert texts.day in printed.splitlines()[0]  # the day's title heads the table
    for text in (texts.title, texts.speaker, str(path)):
        assert text in printed
