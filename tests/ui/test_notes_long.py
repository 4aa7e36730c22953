"""A long note in the notes console: the list shows its start, a table switch weighs no
cloud, and a long text is weighed off the keys' way. Counted, not timed."""

from __future__ import annotations

import pytest
from textual.widgets import TextArea

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
        assert len(weighed) == 1
        await pilot.press("f3", "f3", "f2", "f4")
        await pilot.pause()
        assert len(weighed) == 1
        notes.save(2, 2, None, "Mere tillid")
        app.screen.redraw()  # as the poll does when a file changed
        assert len(weighed) == 2
