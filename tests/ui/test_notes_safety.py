"""The notes console never loses a note: failed saves stay queued, an edited note moves,
a take-over stops saving and says so, and a sync tool's conflict copy is merged."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Label, TextArea

from facilitator.agenda.model import Agenda
from facilitator.i18n import t
from facilitator.notes.store import load_notes_file
from facilitator.roles.note_taker import NoteTaking
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.ui.app import FacilitatorApp, notes_app
from facilitator.ui.dialogs.confirm import ConfirmModal
from facilitator.ui.screens.host import HostScreen
from facilitator.ui.screens.notes import NotesScreen
from facilitator.ui.widgets.notes_list import NotesList
from tests.seed import dialogue_session
from tests.ui.harness import HostFixture
from tests.ui.reading import notified
from tests.ui.waiting import until

SIZE = (120, 40)


@pytest.fixture
def notes(agenda: Agenda, store: SessionStore, clock: FakeClock) -> NoteTaking:
    return NoteTaking(store, dialogue_session(agenda, store, clock), "desk", clock)


@pytest.fixture
def app(notes: NoteTaking) -> FacilitatorApp:
    return notes_app(notes)


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> Callable[[bool], None]:
    """Call with True to make every notes write fail as on a full disk, False to free it."""
    import facilitator.notes.store as notes_store

    real_write = notes_store.atomic_write

    def failing(path: object, text: str) -> None:
        raise OSError(28, "No space left on device")

    def set_full(full: bool) -> None:
        monkeypatch.setattr(notes_store, "atomic_write", failing if full else real_write)

    return set_full


def screen_of(app: FacilitatorApp) -> NotesScreen:
    assert isinstance(app.screen, NotesScreen)
    return app.screen


def label(app: FacilitatorApp, widget_id: str) -> str:
    return str(screen_of(app).query_one(f"#{widget_id}", Label).content)


def editor(app: FacilitatorApp) -> TextArea:
    return screen_of(app).query_one("#editor", TextArea)


def stored(notes: NoteTaking) -> list[str]:
    return sorted(n.text for n in load_notes_file(notes.writer.path).notes if not n.deleted)


def listed(app: FacilitatorApp) -> list[str]:
    notes_list = screen_of(app).query_one(NotesList)
    return [str(notes_list.get_option_at_index(i).prompt) for i in range(notes_list.option_count)]


async def test_a_failed_note_survives_ctrl_n_and_the_next_note(
    app: FacilitatorApp, notes: NoteTaking, full_disk: Callable[[bool], None]
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        full_disk(True)
        await pilot.press(*"Vigtigt", "ctrl+s", "ctrl+n")
        assert editor(app).text == "" and len(notes.unsaved) == 1
        (line,) = listed(app)
        assert "Vigtigt" in line and "not saved yet" in line
        await pilot.press(*"Andet", "ctrl+s")  # fails too: two notes queued, not one
        assert len(notes.unsaved) == 2 and editor(app).text == "Andet"
        await pilot.press("ctrl+n", *"Tredje")
        full_disk(False)
        await pilot.press("ctrl+s")
        assert stored(notes) == ["Andet", "Tredje", "Vigtigt"]
        assert not notes.unsaved and not any("not saved" in line for line in listed(app))


async def test_a_failed_note_survives_another_slot_and_table_and_is_retried(
    app: FacilitatorApp, notes: NoteTaking, full_disk: Callable[[bool], None]
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        full_disk(True)
        await pilot.press(*"Vigtigt", "ctrl+s", "f3", "f6", *["down"] * 7, "enter")
        assert screen_of(app).slot == 10 and len(notes.unsaved) == 1
        full_disk(False)
        screen_of(app).retry()  # as the one-second interval does
        assert stored(notes) == ["Vigtigt"] and notes.notes(2)[0].table == 1
        assert label(app, "save-status").startswith("✓ Saved")


async def test_quit_asks_while_a_note_is_queued(
    app: FacilitatorApp, notes: NoteTaking, full_disk: Callable[[bool], None]
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        full_disk(True)
        await pilot.press(*"Vigtigt", "ctrl+s", "ctrl+n", "ctrl+q")
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("n")
        assert app.is_running and len(notes.unsaved) == 1


async def test_an_edited_note_moves_to_another_slot(app: FacilitatorApp, notes: NoteTaking) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Frist", "ctrl+s", "escape", "enter")
        (original,) = notes.notes(2)
        await pilot.press("f6", *["down"] * 7, "enter", "ctrl+s")
        assert notes.notes(2) == []
        (moved,) = notes.notes(10)
        assert moved.id == original.id and moved.created == original.created
        assert len(load_notes_file(notes.writer.path).notes) == 1


async def test_a_console_taken_over_stops_saving_and_says_who_took_over(
    app: FacilitatorApp, notes: NoteTaking, store: SessionStore, clock: FakeClock
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Gemt", "ctrl+s", *"Halvt skrevet")
        other = NoteTaking(store, notes.session, "desk", clock, take_over=True)
        other.save(2, 5, None, "Fra den anden")
        screen_of(app).poll()  # as the half-second interval does
        await pilot.pause()
        status = label(app, "save-status")
        assert "took over writing as 'desk'" in status and "pid" in status
        await pilot.press("ctrl+s")
        assert stored(notes) == ["Fra den anden", "Gemt"]
        assert editor(app).text == "Halvt skrevet"
        assert label(app, "save-status") == status
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ConfirmModal)
        other.close()


async def test_a_running_console_survives_a_conflict_copy_and_names_it_once(
    app: FacilitatorApp, notes: NoteTaking
) -> None:
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press(*"Tillid", "ctrl+s", *"Skrives stadig")
        copies = [
            notes.folder / "notes-desk (1).toml",
            notes.folder / "notes-desk.sync-conflict-20261128-101010-ABC1234.toml",
        ]
        for copy in copies:
            shutil.copy(notes.writer.path, copy)
        screen_of(app).poll()
        screen_of(app).poll()
        await pilot.pause()
        assert len(listed(app)) == 1
        assert editor(app).text == "Skrives stadig"
        named = [n for n in notified(app) if "Conflict copies" in n]
        assert len(named) == 1 and all(copy.name in named[0] for copy in copies)
        assert [Path(p) for p in notes.reader.copies()] == sorted(copies)


async def test_the_heading_shows_the_writers_name_as_given(
    agenda: Agenda, store: SessionStore, clock: FakeClock, notes: NoteTaking
) -> None:
    app = notes_app(NoteTaking(store, notes.session, "日本語 Ann", clock))
    async with app.run_test(size=SIZE):
        assert "writing as 日本語 Ann" in label(app, "notes-heading")


async def test_the_timer_asks_before_quitting_while_a_host_note_is_queued(
    host: HostFixture, full_disk: Callable[[bool], None]
) -> None:
    """A host note that could not be written is named in the quit question on the timer
    screen too, not only on the notes screen where it was typed."""
    async with host.app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "space", "tab")  # a session to write to, then paused
        full_disk(True)
        await pilot.press(*"Vigtigt", "ctrl+s", "ctrl+n", "tab")
        assert isinstance(host.app.screen, HostScreen) and host.run.notes_unsaved
        await pilot.press("q")
        assert isinstance(host.app.screen, ConfirmModal)
        assert host.app.screen.question == t("confirm.quit_queued")
        await pilot.press("n")
        full_disk(False)
        await pilot.press("tab")
        await until(pilot, lambda: not host.run.notes_unsaved, "the one-second retry")
        await pilot.press("tab", "q")
        assert host.app.screen.question == t("confirm.quit")  # only the paused slot is left
