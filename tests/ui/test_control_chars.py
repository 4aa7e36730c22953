"""No control character reaches the terminal: not from a planted notes file, in the notes
console or the review, and not from a paste into any box."""

from __future__ import annotations

from textual import events
from textual.widgets import Input, Static, TextArea

from facilitator.agenda.model import Agenda
from facilitator.roles.host import HostRun
from facilitator.roles.note_taker import NoteTaking
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action
from facilitator.ui.app import host_app, notes_app, review_app
from facilitator.ui.dialogs.message import MessageModal
from facilitator.ui.screens.review_list import ReviewListScreen
from facilitator.ui.screens.review_session import SessionReviewScreen
from facilitator.ui.widgets.notes_list import NotesList
from facilitator.ui.widgets.word_cloud import WordCloud
from tests.hostile import CLEAR, CLIPBOARD, CONTROL, HOSTILE, HOSTILE_SHOWN, hostile_notes
from tests.ui.reading import rendered, screen_text

SIZE = (160, 40)


def dialogue_with_hostile_notes(agenda: Agenda, store: SessionStore, clock: FakeClock) -> HostRun:
    host = HostRun(agenda, store, clock)
    host.act(Action.START)
    host.act(Action.GOTO, slot=2)
    assert host.session is not None
    hostile_notes(store.folder(host.session.id), host.session.id)
    return host


async def test_the_notes_console_shows_a_planted_note_without_escapes(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    host = dialogue_with_hostile_notes(agenda, store, clock)
    assert host.session is not None
    app = notes_app(NoteTaking(store, host.session, "desk", clock))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        prompt = str(app.screen.query_one(NotesList).get_option_at_index(0).prompt)
        assert HOSTILE_SHOWN in prompt and not CONTROL.search(prompt)
        terms = [term.term for term in app.screen.query_one(WordCloud).terms]
        assert "tillid" in terms and not any(CONTROL.search(term) for term in terms)
        assert "\x1b" not in screen_text(app) and HOSTILE_SHOWN in screen_text(app)


async def test_the_reviews_notes_tab_shows_a_planted_note_without_escapes(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    host = dialogue_with_hostile_notes(agenda, store, clock)
    host.act(Action.FINISH)
    host.close()
    app = review_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "2")
        assert isinstance(app.screen, SessionReviewScreen)
        notes = rendered(app.screen.query_one("#notes-text", Static))
        assert HOSTILE_SHOWN in notes and not CONTROL.search(notes)
        assert "\x1b" not in screen_text(app)


async def test_a_pasted_message_loses_its_escapes(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    run = HostRun(agenda, store, clock)
    app = host_app(run)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "m")
        assert isinstance(app.screen, MessageModal)
        box = app.screen.query_one(Input)
        app.post_message(events.Paste(f"Pause{CLEAR} nu{CLIPBOARD}\x07"))
        await pilot.pause()
        assert box.value == "Pause nu"
        await pilot.press("enter")
        assert run.stage_message == "Pause nu"


async def test_a_pasted_note_loses_its_escapes(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    host = HostRun(agenda, store, clock)
    host.act(Action.START)
    assert host.session is not None
    notes = NoteTaking(store, host.session, "desk", clock)
    app = notes_app(notes)
    async with app.run_test(size=SIZE) as pilot:
        editor = app.screen.query_one("#editor", TextArea)
        app.post_message(events.Paste(HOSTILE + "\r\nanden linje"))
        await pilot.pause()
        assert editor.text == HOSTILE_SHOWN + "\nanden linje"
        editor.insert("\x1b]0;x\x07!")  # any other way in is cleaned as well
        assert editor.text.endswith("linje!")
        await pilot.press("ctrl+s")
        assert [note.text for note in notes.notes(notes.opening_slot())] == [
            HOSTILE_SHOWN + "\nanden linje!"
        ]


async def test_a_pasted_filter_loses_its_escapes(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    app = review_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        assert isinstance(app.screen, ReviewListScreen)
        box = app.screen.query_one("#review-filter", Input)
        app.post_message(events.Paste(f"{CLEAR}zz\x9b1m"))
        await pilot.pause()
        assert box.value == "zz"
