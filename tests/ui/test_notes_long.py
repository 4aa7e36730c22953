"""A long note in the notes console: the list shows its start, a table switch weighs no
cloud, and a long text is weighed off the keys' way. Counted, not timed."""

from __future__ import annotations

import threading
import weakref

import pytest
from textual.widgets import Label, TextArea

import facilitator.ui.widgets.word_cloud as word_cloud
from facilitator.agenda.model import Agenda
from facilitator.notes.store import load_notes_file
from facilitator.roles.host import HostRun
from facilitator.roles.note_taker import NoteTaking
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action
from facilitator.ui.app import notes_app
from facilitator.ui.screens.notes import NotesScreen
from facilitator.ui.widgets.notes_list import PREVIEW_CHARACTERS, NotesList
from facilitator.ui.widgets.word_cloud import WordCloud
from tests.ui.waiting import until

SIZE = (120, 40)
LONG = "\n".join(f"Linje {n}: tillid og psykologisk tryghed ved bordene" for n in range(2000))


@pytest.fixture
def notes(agenda: Agenda, store: SessionStore, clock: FakeClock) -> NoteTaking:
    host = HostRun(agenda, store, clock)
    host.act(Action.START)
    host.act(Action.GOTO, slot=2)
    assert host.session is not None
    return NoteTaking(store, host.session, "desk", clock)


async def test_a_long_note_is_saved_whole_and_listed_by_its_start(notes: NoteTaking) -> None:
    app = notes_app(notes)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, NotesScreen)
        screen.query_one("#editor", TextArea).load_text(LONG)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not screen.query_one("#editor", TextArea).text, "a save")
        (stored,) = load_notes_file(notes.writer.path).notes
        assert stored.text == LONG
        (option,) = screen.query_one(NotesList).options
        shown = str(option.prompt)
        assert "Linje 0:" in shown and "Linje 1999" not in shown and shown.endswith("…")
        assert len(shown) < PREVIEW_CHARACTERS + 100
        cloud = screen.query_one(WordCloud)
        await until(pilot, lambda: bool(cloud.terms), "the cloud weighed in its thread")
        assert "psykologisk tryghed" in [term.term for term in cloud.terms]


async def test_switching_tables_weighs_no_cloud(
    notes: NoteTaking, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes.save(2, 1, None, "Tillid og dialog")
    weighed = []
    real = word_cloud.weigh
    monkeypatch.setattr(word_cloud, "weigh", lambda *a: weighed.append(a) or real(*a))
    app = notes_app(notes)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: len(weighed) == 1, "the cloud weighed after the first frame")
        await pilot.press("f3", "f3", "f2", "f4")
        await pilot.pause()
        assert len(weighed) == 1
        notes.save(2, 2, None, "Mere tillid")
        app.screen.redraw()  # as the poll does when a file changed
        assert len(weighed) == 2


async def test_saving_a_long_note_weighs_its_words_off_the_save(
    notes: NoteTaking, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The save confirms before the cloud is weighed, and a long text is weighed in a
    thread: the keys never wait for it."""
    weighed: list[tuple[int, bool]] = []
    real = word_cloud.weigh

    def counting(texts: list[str], *rest: object) -> object:
        on_main = threading.current_thread() is threading.main_thread()
        weighed.append((sum(len(text) for text in texts), on_main))
        return real(texts, *rest)

    monkeypatch.setattr(word_cloud, "weigh", counting)
    app = notes_app(notes)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, NotesScreen)
        screen.query_one("#editor", TextArea).load_text(LONG)
        await pilot.pause()
        before = len(weighed)
        screen.action_save()
        assert len(weighed) == before, "the cloud was weighed before the save returned"
        assert "Saved" in str(screen.query_one("#save-status", Label).render())
        cloud = screen.query_one(WordCloud)
        await until(pilot, lambda: bool(cloud.terms), "the cloud weighed in its thread")
        long_ones = [on_main for size, on_main in weighed if size >= len(LONG)]
        assert long_ones == [False]


async def test_the_editor_lets_go_of_a_saved_long_note_after_the_save(notes: NoteTaking) -> None:
    """Freeing a pasted note's lines takes longer than saving it: it comes after."""
    app = notes_app(notes)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, NotesScreen)
        editor = screen.query_one("#editor", TextArea)
        editor.load_text(LONG)
        await pilot.pause()
        document = weakref.ref(editor.document)
        screen.action_save()
        assert not editor.text
        assert document() is not None, "freed while the save was being shown"
        await until(pilot, lambda: document() is None, "the old text freed")
