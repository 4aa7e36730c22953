"""The notes console under Pilot: save, edit, delete, tables, slots, live notes, failed writes."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass

import pytest
from textual.widgets import Label, TextArea

from facilitator.agenda.model import Agenda
from facilitator.notes.store import load_notes_file
from facilitator.roles.following import NewestSession
from facilitator.roles.host import HostRun
from facilitator.roles.note_taker import NoteTaking
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action
from facilitator.ui.app import FacilitatorApp, host_app, notes_app
from facilitator.ui.dialogs.confirm import ConfirmModal
from facilitator.ui.dialogs.goto import GotoModal
from facilitator.ui.screens.notes import NotesScreen
from facilitator.ui.widgets.notes_list import NotesList
from facilitator.ui.widgets.word_cloud import WordCloud
from tests.ui.reading import notified
from tests.ui.waiting import until

SIZE = (120, 40)


@dataclass
class Desk:
    app: FacilitatorApp
    notes: NoteTaking
    host: HostRun

    @property
    def screen(self) -> NotesScreen:
        screen = self.app.screen
        assert isinstance(screen, NotesScreen)
        return screen

    def label(self, widget_id: str) -> str:
        return str(self.screen.query_one(f"#{widget_id}", Label).content)

    def stored(self) -> list[str]:
        return [n.text for n in load_notes_file(self.notes.writer.path).notes if not n.deleted]


@pytest.fixture
def make_desk(agenda: Agenda, store: SessionStore, clock: FakeClock) -> Callable[..., Desk]:
    def make(writer: str = "desk", goto: int | None = 2) -> Desk:
        host = HostRun(agenda, store, clock)
        host.act(Action.START)
        if goto is not None:
            host.act(Action.GOTO, slot=goto)
        assert host.session is not None
        notes = NoteTaking(store, host.session, writer, clock)
        return Desk(notes_app(notes), notes, host)

    return make


@pytest.fixture
async def desk(make_desk: Callable[..., Desk]) -> AsyncIterator[Desk]:
    yield make_desk()


async def test_it_opens_on_the_dialogue_with_the_editor_focused(desk: Desk) -> None:
    async with desk.app.run_test(size=SIZE):
        assert desk.screen.slot == 2
        assert "Dialog ved bordene" in desk.label("notes-heading")
        assert desk.screen.query_one("#editor", TextArea).has_focus
        assert desk.label("table-label").startswith("Table 1 of 12")
        assert "Hvordan understøtter vi" in desk.label("question-label")
        assert desk.label("reported").startswith("Reported: – · missing: 1 2 3")


async def test_a_later_slot_opens_on_the_latest_dialogue(make_desk: Callable[..., Desk]) -> None:
    desk = make_desk(goto=5)
    async with desk.app.run_test(size=SIZE):
        assert desk.screen.slot == 2


async def test_typing_and_ctrl_s_saves_to_disk_then_confirms(desk: Desk) -> None:
    async with desk.app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Tillid og dialog", "ctrl+s")
        assert desk.stored() == ["Tillid og dialog"]
        assert desk.label("save-status").startswith("✓ Saved")
        assert "table 1, Q1" in desk.label("save-status")
        assert desk.screen.query_one("#editor", TextArea).text == ""
        assert desk.label("reported").startswith("Reported: 1 · missing: 2 3")
        assert [t.term for t in desk.screen.query_one(WordCloud).terms] == ["dialog", "tillid"]


async def test_an_empty_note_is_not_saved(desk: Desk) -> None:
    async with desk.app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "ctrl+s")
        assert "Nothing to save" in desk.label("save-status")
        assert not desk.notes.writer.path.exists()


async def test_tables_and_questions_step_without_leaving_the_editor(desk: Desk) -> None:
    async with desk.app.run_test(size=SIZE) as pilot:
        await pilot.press("f3", "f3", "ctrl+up", "f2")
        assert desk.label("table-label").startswith("Table 3 of 12")
        await pilot.press("f2", "f2", "f2")  # wraps round
        assert desk.label("table-label").startswith("Table 12 of 12")
        await pilot.press("f4")
        assert "Question 2 of 2: Hvad kan vi gøre" in desk.label("question-label")
        await pilot.press("f4")
        assert desk.label("question-label").startswith("General note")
        await pilot.press(*"Alt", "ctrl+s")
        note = desk.notes.notes(2)[0]
        assert note.table == 12 and note.question is None
        assert desk.screen.query_one("#editor", TextArea).has_focus


async def test_switching_slots(desk: Desk) -> None:
    async with desk.app.run_test(size=SIZE) as pilot:
        await pilot.press("f6")
        assert isinstance(desk.app.screen, GotoModal)
        await pilot.press(*["down"] * 7, "enter")  # from slot 4 to slot 11
        assert desk.screen.slot == 10
        assert "Hvornår oplever I" in desk.label("question-label")
        await pilot.press(*"Fælles beslutninger", "ctrl+s")
        assert desk.notes.notes(10)[0].slot_title == "Dialog ved bordene"
        assert desk.notes.notes(2) == []


async def test_editing_ones_own_note(desk: Desk) -> None:
    async with desk.app.run_test(size=SIZE) as pilot:
        await pilot.press("f3", *"Frist", "ctrl+s")
        await pilot.press("escape")
        assert desk.screen.query_one(NotesList).has_focus
        await pilot.press("enter")
        editor = desk.screen.query_one("#editor", TextArea)
        assert editor.has_focus and editor.text == "Frist"
        assert "editing" in desk.label("notes-heading")
        await pilot.press("end", *" og ro", "ctrl+s")
        (note,) = load_notes_file(desk.notes.writer.path).notes
        assert note.text == "Frist og ro" and note.table == 2
        assert "editing" not in desk.label("notes-heading")


async def test_deleting_asks_and_leaves_a_tombstone(desk: Desk) -> None:
    async with desk.app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Slet mig", "ctrl+s", "escape", "d")
        assert isinstance(desk.app.screen, ConfirmModal)
        await pilot.press("n")
        assert desk.stored() == ["Slet mig"]
        await pilot.press("d", "y")
        (note,) = load_notes_file(desk.notes.writer.path).notes
        assert note.deleted and note.text == "Slet mig"
        assert desk.screen.query_one(NotesList).option_count == 0


async def test_another_writers_note_appears_and_cannot_be_edited(
    desk: Desk, store: SessionStore, clock: FakeClock
) -> None:
    async with desk.app.run_test(size=SIZE, notifications=True) as pilot:
        hall = NoteTaking(store, desk.notes.session, "hall", clock)
        hall.save(2, 7, None, "Fra bord syv")
        notes_list = desk.screen.query_one(NotesList)
        # The console polls twice a second.
        await until(pilot, lambda: notes_list.option_count == 1, "hall's note in the list")
        assert desk.label("reported").startswith("Reported: 7")
        await pilot.press("escape", "enter")
        await pilot.pause()
        assert any("Only your own" in n for n in notified(desk.app))
        await pilot.press("d")
        assert not isinstance(desk.app.screen, ConfirmModal)


async def test_a_failed_write_keeps_the_text_and_retries(desk: Desk, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    async with desk.app.run_test(size=SIZE) as pilot:
        import facilitator.notes.store as notes_store

        real_write = notes_store.atomic_write

        def full_disk(path: object, text: str) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(notes_store, "atomic_write", full_disk)
        await pilot.press(*"Vigtigt", "ctrl+s")
        assert desk.label("save-status").startswith("✗ Not saved")
        assert "No space left on device" in desk.label("save-status")
        assert desk.screen.query_one("#editor", TextArea).text == "Vigtigt"
        pending = desk.screen.editing
        assert pending is not None and desk.notes.unsaved == {pending}
        await pilot.press("ctrl+s")  # saving again keeps the one note, not a second
        assert desk.screen.editing == pending and desk.notes.unsaved == {pending}
        desk.screen.retry()
        assert desk.label("save-status").startswith("✗ Not saved")
        monkeypatch.setattr(notes_store, "atomic_write", real_write)
        desk.screen.retry()
        assert desk.label("save-status").startswith("✓ Saved")
        assert desk.stored() == ["Vigtigt"]
        assert desk.screen.query_one("#editor", TextArea).text == ""


async def test_quitting_with_unsaved_text_asks(desk: Desk) -> None:
    async with desk.app.run_test(size=SIZE) as pilot:
        await pilot.press(*"halvt", "ctrl+q")
        assert isinstance(desk.app.screen, ConfirmModal)
        await pilot.press("n")
        assert desk.app.is_running
        await pilot.press("ctrl+q", "y")
        await pilot.pause()
        assert not desk.app.is_running


async def test_the_host_console_has_the_notes_screen_behind_tab(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    run = HostRun(agenda, store, clock)
    app = host_app(run)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab")
        assert app.current_mode == "host"  # nothing to take notes in before the start
        await pilot.press("space", "g", "down", "enter", "tab")
        assert app.current_mode == "notes"
        screen = app.screen
        assert isinstance(screen, NotesScreen) and screen.notes.writer_name == "host"
        await pilot.press(*"Fra scenen", "ctrl+s")
        assert screen.notes.writer.path.name == "notes-host.toml"
        await pilot.press("tab")
        assert app.current_mode == "host"
    run.close()


async def test_ctrl_q_asks_the_screen_in_front_even_under_a_dialog(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    run = HostRun(agenda, store, clock)
    app = host_app(run)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "tab")
        assert app.current_mode == "notes"
        await pilot.press("ctrl+q")  # nothing typed, but the timer's slot runs
        assert isinstance(app.screen, ConfirmModal)
        assert app.screen.question.startswith("A slot is running")
        await pilot.press("n", *"halvt", "f6", "ctrl+q")  # a dialog is open over the note
        assert isinstance(app.screen, ConfirmModal)
        assert app.screen.question.startswith("The editor holds text")
        await pilot.press("n")
        assert app.is_running
    run.close()


async def test_w_puts_the_latest_dialogue_cloud_on_stage(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    run = HostRun(agenda, store, clock)
    app = host_app(run)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "n", "n", "n")  # the round-up after the first dialogue
        await pilot.press("w")
        assert run.session is not None
        assert store.load(run.session.id).stage_cloud == 2
        await pilot.press("w")
        assert store.load(run.session.id).stage_cloud is None
    run.close()


@pytest.fixture
def rehearsal_desk(agenda: Agenda, store: SessionStore, clock: FakeClock) -> Desk:
    """A notes console started without a session during a rehearsal's first dialogue."""
    rehearsal = HostRun(agenda, store, clock, speed=60)
    rehearsal.act(Action.START)
    rehearsal.act(Action.GOTO, slot=2)
    assert rehearsal.session is not None
    notes = NoteTaking(store, store.resolve(None)[1], "desk", clock, newest=NewestSession(store))
    return Desk(notes_app(notes), notes, rehearsal)


def start_the_real_day(agenda: Agenda, store: SessionStore, clock: FakeClock) -> HostRun:
    clock.advance(600)
    real = HostRun(agenda, store, clock)
    real.act(Action.START)
    return real


async def test_an_idle_console_moves_to_the_day_that_starts_later(
    rehearsal_desk: Desk, agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    desk = rehearsal_desk
    old_folder = desk.notes.folder
    async with desk.app.run_test(size=SIZE, notifications=True) as pilot:
        real = start_the_real_day(agenda, store, clock)
        desk.screen.poll()
        await pilot.pause()
        assert real.session is not None and desk.notes.session.id == real.session.id
        assert desk.label("notes-heading").startswith("Notes · slot 3")  # its first dialogue
        assert any("Now taking notes" in n for n in notified(desk.app))
        assert not (old_folder / "notes-desk.lock").exists()  # let go of the rehearsal
    real.close()


async def test_typed_text_is_kept_until_it_is_saved_then_the_console_moves(
    rehearsal_desk: Desk, agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    desk = rehearsal_desk
    rehearsal_id = desk.notes.session.id
    rehearsal_file = desk.notes.writer.path
    async with desk.app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press(*"Halvt sagt")
        real = start_the_real_day(agenda, store, clock)
        for _ in range(3):
            desk.screen.poll()
        await pilot.pause()
        assert desk.notes.session.id == rehearsal_id
        assert desk.screen.query_one(TextArea).text == "Halvt sagt"
        told = [n for n in notified(desk.app) if "later session has started" in n]
        assert len(told) == 1  # said once, not at every look
        await pilot.press("ctrl+s")
        # Saved in the rehearsal, where it was typed; the console may move at once.
        assert [n.text for n in load_notes_file(rehearsal_file).notes] == ["Halvt sagt"]
        desk.screen.poll()
        assert real.session is not None and desk.notes.session.id == real.session.id
        await pilot.press(*"Fra dagen", "ctrl+s")
        assert desk.stored() == ["Fra dagen"]
        assert desk.notes.writer.path.parent.name == real.session.id
    real.close()
