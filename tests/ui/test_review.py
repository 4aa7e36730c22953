"""The review console under Pilot: the list, one session's tabs, search, export, big sessions."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Label, Static, TabbedContent

from facilitator.agenda.model import Agenda
from facilitator.notes.model import Note
from facilitator.notes.store import NotesWriter
from facilitator.review.archive import archive_text, load_folder, open_any
from facilitator.roles.host import HostRun
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action
from facilitator.ui.app import review_app
from facilitator.ui.dialogs.export import ExportModal
from facilitator.ui.screens.review_list import ReviewListScreen
from facilitator.ui.screens.review_session import SessionReviewScreen
from facilitator.ui.widgets.plain_label import PlainLabel
from tests.ui.reading import notified
from tests.ui.waiting import until

SIZE = (120, 40)


def finished_day(agenda: Agenda, store: SessionStore, clock: FakeClock, notes: int = 3) -> str:
    host = HostRun(agenda, store, clock)
    host.act(Action.START)
    clock.advance(8 * 60)
    host.act(Action.NEXT)
    host.act(Action.GOTO, slot=2)
    assert host.session is not None
    writer = NotesWriter(store.folder(host.session.id), host.session.id, "desk")
    questions = agenda.slots[2].questions
    for index in range(notes):
        note = Note.new(
            "desk",
            2,
            "Dialog ved bordene",
            1 + index % 12,
            questions[index % 2] if index % 3 else None,
            f"Note {index}: tillid og psykologisk tryghed",
            clock.now(),
        )
        writer.notes[note.id] = note
    writer.flush()
    writer.close()
    clock.advance(600)
    host.act(Action.FINISH)
    host.close()
    return host.session.id


async def test_the_list_shows_every_session_and_the_unreadable(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    finished_day(agenda, store, clock)
    (store.root / "broken").mkdir()
    (store.root / "broken" / "session.toml").write_text("id = [")
    app = review_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = app.screen
        assert isinstance(screen, ReviewListScreen)
        table = screen.query_one("#sessions", DataTable)
        assert table.row_count == 2
        cells = [str(table.get_row_at(i)[0]) for i in range(2)]
        assert "Hovedudvalgets arbejdsmiljødag" in cells and "broken" in cells
        await pilot.press("slash", *"broken")
        assert table.row_count == 1
        await pilot.press("enter")  # back to the table
        await pilot.press("enter")  # opening it says why it cannot be read
        await pilot.pause()
        assert any("not valid TOML" in n for n in notified(app))
        assert isinstance(app.screen, ReviewListScreen)


async def test_the_lists_keys_wait_until_it_is_filled(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    finished_day(agenda, store, clock)
    unfilled = ReviewListScreen(store)  # an action asked of a list not filled does nothing
    assert not any(unfilled.check_action(key, ()) for key in ("open", "filter", "sort", "reload"))
    app = review_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, ReviewListScreen)
        await pilot.press("slash", *"zz")  # typed as the list opens
        search = screen.query_one("#review-filter", Input)
        await until(pilot, lambda: search.value == "zz", "the keys typed ahead")
        assert all(screen.check_action(key, ()) for key in ("open", "filter", "sort", "reload"))


async def test_sorting_cycles_columns(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    finished_day(agenda, store, clock)
    app = review_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, ReviewListScreen)
        assert (screen.sort_column, screen.sort_reverse) == (1, True)
        await pilot.press("s")
        assert (screen.sort_column, screen.sort_reverse) == (2, False)
        await pilot.press("s")
        assert (screen.sort_column, screen.sort_reverse) == (2, True)


async def test_one_session_timeline_notes_clouds_and_export(
    agenda: Agenda, store: SessionStore, clock: FakeClock, tmp_path: Path
) -> None:
    finished_day(agenda, store, clock)
    app = review_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, SessionReviewScreen)
        screen.export_folder = tmp_path
        timeline = str(screen.query_one("#timeline-analysis", Static).content)
        assert "The delay came from: Velkommen til arbejdsmiljødagen (+3 min)" in timeline
        await pilot.press("2")
        assert screen.query_one(TabbedContent).active == "notes"
        notes_text = str(screen.query_one("#notes-text", Static).content)
        assert "Note 0: tillid" in notes_text and "General" in notes_text
        await pilot.press("slash", *"Note 2")

        def shown() -> str:
            return str(screen.query_one("#notes-text", Static).content)

        await until(pilot, lambda: "Note 1:" not in shown(), "the search, once typing paused")
        assert "Note 2:" in shown()
        screen.query_one("#notes-search", Input).value = "zzz"
        await until(pilot, lambda: "Nothing matches" in shown(), "the search for zzz")
        await pilot.press("escape")  # leaves the search box, not the session
        assert app.screen is screen and screen.focused is None
        await pilot.press("3")
        assert screen.query_one(TabbedContent).active == "clouds"
        await pilot.press("e")
        assert isinstance(app.screen, ExportModal)
        await pilot.press("m")
        written = list(tmp_path.glob("*.md"))
        assert len(written) == 1 and written[0].read_text().startswith("# Hovedudvalgets")
        await pilot.press("e", "m")  # exists: asks before overwriting
        await pilot.press("n")
        await pilot.press("escape")
        assert isinstance(app.screen, ReviewListScreen)


async def test_a_session_of_two_thousand_notes_opens(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    session_id = finished_day(agenda, store, clock, notes=2000)
    reviewed = open_any(store, session_id)
    assert "loaded" not in vars(reviewed)  # the notes are read after the timeline's frame
    app = review_app(store, reviewed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionReviewScreen)
        assert len(reviewed.loaded.notes) == 2000
        # The timeline shows first; the notes tab is made when it is shown.
        assert not screen.query("#notes-text")
        await pilot.press("2")
        assert "Note 1999:" in str(screen.query_one("#notes-text", Static).content)


async def test_an_archive_file_opens_alone(
    agenda: Agenda, store: SessionStore, clock: FakeClock, tmp_path: Path
) -> None:
    session_id = finished_day(agenda, store, clock)
    archive = tmp_path / "day.toml"
    archive.write_text(archive_text(load_folder(store, session_id)))
    app = review_app(SessionStore(tmp_path / "empty"), open_any(store, str(archive)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SessionReviewScreen)
        heading = str(app.screen.query_one("#session-heading", Label).content)
        assert session_id in heading
        below = app.screen_stack[0]
        assert isinstance(below, ReviewListScreen)
        heading = below.query_one("#review-heading", PlainLabel)
        assert "No sessions" not in heading.text  # the folder is read when first shown
        await pilot.press("escape")
        assert app.screen is below
        await until(pilot, lambda: "No sessions" in heading.text, "the list")


@pytest.mark.parametrize("size", [(60, 20), (250, 70)])
async def test_the_review_survives_small_and_large_terminals(
    agenda: Agenda, store: SessionStore, clock: FakeClock, size: tuple[int, int]
) -> None:
    finished_day(agenda, store, clock)
    app = review_app(store)
    async with app.run_test(size=size) as pilot:
        await pilot.press("enter", "2", "3", "1")
        assert isinstance(app.screen, SessionReviewScreen)
