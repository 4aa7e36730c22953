"""Notes on disk: one file per writer, atomic, tombstones, unreadable files left alone."""

from __future__ import annotations

import tomllib
from datetime import timedelta
from pathlib import Path

import pytest

from facilitator.agenda.model import Agenda
from facilitator.errors import SessionError, SessionLocked
from facilitator.names import safe_name
from facilitator.notes.model import Note
from facilitator.notes.store import (
    NotesReader,
    NotesWriter,
    all_notes,
    load_notes_file,
    notes_path,
    reported_tables,
)
from facilitator.roles.host import HostRun
from facilitator.roles.note_taker import NoteTaking
from facilitator.session.model import Session
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action


@pytest.fixture
def session(agenda: Agenda, store: SessionStore, clock: FakeClock) -> Session:
    host = HostRun(agenda, store, clock)
    host.act(Action.START)
    host.act(Action.GOTO, slot=2)  # Dialog ved bordene
    assert host.session is not None
    host.lock.release()  # type: ignore[union-attr]
    return host.session


def taking(store: SessionStore, session: Session, clock: FakeClock, writer: str) -> NoteTaking:
    return NoteTaking(store, session, writer, clock)


def test_a_saved_note_is_in_the_writers_file(
    store: SessionStore, session: Session, clock: FakeClock
) -> None:
    desk = taking(store, session, clock, "desk")
    question = session.agenda.slots[2].questions[0]
    note = desk.save(2, 4, question, "Tillid og åbenhed, også når det er svært")
    data = tomllib.loads(notes_path(store.folder(session.id), "desk").read_text())
    assert data["writer"] == "desk" and data["session"] == session.id
    (stored,) = data["note"]
    assert stored["id"] == note.id and stored["table"] == 4 and stored["question"] == question
    assert stored["slot"] == 2 and stored["slot_title"] == "Dialog ved bordene"
    assert stored["text"] == "Tillid og åbenhed, også når det er svært"
    assert not stored["deleted"]


def test_edits_and_deletions_keep_one_entry_per_note(
    store: SessionStore, session: Session, clock: FakeClock
) -> None:
    desk = taking(store, session, clock, "desk")
    note = desk.save(2, 4, None, "first")
    clock.advance(30)
    edited = desk.save(2, 5, None, "second", note_id=note.id)
    assert edited.id == note.id and edited.created == note.created
    assert edited.updated == note.created + timedelta(seconds=30)
    desk.delete(note.id)
    stored = load_notes_file(desk.writer.path).notes
    assert len(stored) == 1 and stored[0].deleted and stored[0].text == "second"
    assert desk.notes(2) == []
    with pytest.raises(SessionError):
        desk.delete(note.id)


def test_every_writer_is_read_newest_first(
    store: SessionStore, session: Session, clock: FakeClock
) -> None:
    desk, hall = taking(store, session, clock, "desk"), taking(store, session, clock, "hall")
    desk.save(2, 1, None, "one")
    clock.advance(1)
    hall.save(2, 2, None, "two")
    clock.advance(1)
    desk.save(3, 3, None, "elsewhere")
    assert [note.text for note in desk.notes(2)] == ["two", "one"]
    desk.refresh()
    assert [note.text for note in hall.notes(2)] == ["two", "one"]
    assert desk.reported(2) == ([1, 2], list(range(3, 13)))


def test_a_writer_reloads_its_own_notes(
    store: SessionStore, session: Session, clock: FakeClock
) -> None:
    desk = taking(store, session, clock, "desk")
    notes = [desk.save(2, table, None, f"table {table}") for table in range(1, 6)]
    desk.close()
    again = taking(store, session, clock, "desk")
    again.save(2, 6, None, "table 6")
    assert {note.id for note in notes} < set(again.writer.notes)
    assert len(load_notes_file(again.writer.path).notes) == 6


def test_a_broken_notes_file_is_skipped_and_never_overwritten(
    store: SessionStore, session: Session, clock: FakeClock
) -> None:
    folder = store.folder(session.id)
    broken = notes_path(folder, "hall")
    broken.write_bytes(b'writer = "hall"\n[[note]\nid = ')
    desk = taking(store, session, clock, "desk")
    desk.save(2, 1, None, "fine")
    notes, problems = all_notes(folder)
    assert [note.text for note in notes] == ["fine"]
    assert [problem.path for problem in problems] == [broken]
    assert "not valid TOML" in problems[0].message
    with pytest.raises(SessionError, match="not valid TOML"):
        NotesWriter(folder, session.id, "hall")
    assert broken.read_bytes() == b'writer = "hall"\n[[note]\nid = '


def test_two_consoles_cannot_write_as_one_writer(
    store: SessionStore, session: Session, clock: FakeClock
) -> None:
    taking(store, session, clock, "desk")
    with pytest.raises(SessionLocked, match="writing as 'desk'"):
        taking(store, session, clock, "desk")


def test_the_reader_notices_changes_only(
    store: SessionStore, session: Session, clock: FakeClock
) -> None:
    reader = NotesReader(store.folder(session.id))
    assert not reader.refresh()
    desk = taking(store, session, clock, "desk")
    desk.save(2, 1, None, "one")
    assert reader.refresh() and not reader.refresh()
    assert [note.text for note in reader.notes(2)] == ["one"]


def test_thousands_of_notes_round_trip(
    store: SessionStore, session: Session, clock: FakeClock
) -> None:
    desk = taking(store, session, clock, "desk")
    for index in range(300):
        note = Note.new(
            "desk",
            2,
            "Dialog ved bordene",
            1 + index % 12,
            None,
            f'note {index} "quoted"\n2nd line',
            clock.now(),
        )
        desk.writer.notes[f"n{index}"] = note.model_copy(update={"id": f"n{index}"})
    desk.save(2, 1, None, "last")
    stored = load_notes_file(desk.writer.path).notes
    assert len(stored) == 301 and stored[0].text == 'note 0 "quoted"\n2nd line'


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("desk", "desk"),
        ("../x", "x"),
        ("Bord 4 (Ann)", "bord-4-ann"),
        ("Søren", "søren"),
        ("/etc/passwd", "etc-passwd"),
        ("..", ""),
        ("a" * 80, "a" * 40),
        ("日本語", "日本語"),
        ("ß", "ss"),
        ("ANN", "ann"),
        ("Ånn", "ånn"),
    ],
)
def test_writer_names_keep_letters_and_cannot_leave_the_folder(name: str, safe: str) -> None:
    assert safe_name(name) == safe


def test_reported_tables() -> None:
    assert reported_tables([], 3) == ([], [1, 2, 3])


def test_a_notes_file_path_stays_in_the_session(tmp_path: Path) -> None:
    assert notes_path(tmp_path, safe_name("../../x")).parent == tmp_path


def test_counting_notes_for_the_list_matches_reading_them(
    store: SessionStore, session: Session, clock: FakeClock, tmp_path: Path
) -> None:
    from facilitator.notes.store import count_live_notes

    desk = taking(store, session, clock, "desk")
    notes = [desk.save(2, table, None, f"deleted = true\n[[note]] {table}") for table in (1, 2, 3)]
    desk.delete(notes[0].id)
    assert count_live_notes(desk.folder) == 2 == len(desk.notes(2))
    inline = tmp_path / "notes-x.toml"
    inline.write_text(
        'writer = "x"\nsession = "s"\nnote = [{ id = "a", slot = 0, slot_title = "t", '
        'table = 1, text = "t", writer = "x", created = 2024-11-26T08:00:00Z, '
        "updated = 2024-11-26T08:00:00Z }]\n"
    )
    assert count_live_notes(tmp_path) == 1
    (tmp_path / "notes-bad.toml").write_text("[[note]\n")
    assert count_live_notes(tmp_path) == 1
    # A conflict copy holding the same note is not counted twice.
    (tmp_path / "notes-x (1).toml").write_text(inline.read_text())
    assert count_live_notes(tmp_path) == 1
    desk_copy = desk.folder / "notes-desk.sync-conflict-20261128-101010-ABC1234.toml"
    desk_copy.write_text(desk.writer.path.read_text())
    assert count_live_notes(desk.folder) == 2
