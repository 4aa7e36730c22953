"""A save appends one note's table: it serialises and writes that note alone, whatever the
file holds, and readers read only what was appended. Counted, not timed."""

from __future__ import annotations

import pytest

import facilitator.notes.reader as reader_module
import facilitator.notes.store as store_module
from facilitator.agenda.model import Agenda
from facilitator.errors import SessionError
from facilitator.notes.model import Note
from facilitator.notes.store import NotesReader, NotesWriter, count_live_notes, load_notes_file
from facilitator.roles.note_taker import NoteTaking
from facilitator.session.model import Session
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from tests.seed import dialogue_session


@pytest.fixture
def session(agenda: Agenda, store: SessionStore, clock: FakeClock) -> Session:
    return dialogue_session(agenda, store, clock)


def _many(store: SessionStore, session: Session, clock: FakeClock, count: int) -> NotesWriter:
    writer = NotesWriter(store.folder(session.id), session.id, "desk")
    for index in range(count):
        note = Note.new("desk", 2, "Dialog", 1 + index % 12, None, f"Note {index}", clock.now())
        writer.notes[note.id] = note
    writer.flush()
    return writer


def test_a_save_serialises_and_appends_one_note_among_two_thousand(
    store: SessionStore, session: Session, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    writer = _many(store, session, clock, 2000)
    before = writer.path.read_bytes()
    tables, whole = [], []
    real = store_module.note_table
    monkeypatch.setattr(store_module, "note_table", lambda n: tables.append(n.id) or real(n))
    monkeypatch.setattr(store_module, "atomic_write", lambda *args: whole.append(args))
    note = Note.new("desk", 2, "Dialog", 3, None, "En ny note", clock.now())
    writer.save(note)
    after = writer.path.read_bytes()
    assert tables == [note.id] and whole == []
    assert after.startswith(before) and len(after) - len(before) < 400
    assert len(load_notes_file(writer.path).notes) == 2001
    writer.close()


def test_an_edit_and_a_deletion_append_versions_that_read_as_one_note(
    store: SessionStore, session: Session, clock: FakeClock
) -> None:
    desk = NoteTaking(store, session, "desk", clock)
    kept = desk.save(2, 1, None, "Først")
    gone = desk.save(2, 2, None, "Slettes")
    clock.advance(5)
    desk.save(2, 1, None, "Rettet", note_id=kept.id)
    desk.delete(gone.id)
    text = desk.writer.path.read_text(encoding="utf-8")
    assert text.count("[[note]]") == 4
    assert [(n.id, n.text, n.deleted) for n in load_notes_file(desk.writer.path).notes] == [
        (kept.id, "Rettet", False),
        (gone.id, "Slettes", True),
    ]
    assert count_live_notes(desk.folder) == 1 == len(desk.notes(2))
    fresh = NotesReader(desk.folder)
    fresh.refresh()
    assert [n.text for n in fresh.notes()] == ["Rettet"]
    desk.close()


def test_a_reader_reads_only_the_tables_appended(
    store: SessionStore, session: Session, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    writer = _many(store, session, clock, 200)
    reader = NotesReader(writer.folder)
    reader.refresh()
    whole = []
    real = reader_module._load_notes
    monkeypatch.setattr(reader_module, "_load_notes", lambda *a: whole.append(a) or real(*a))
    clock.advance(1)
    writer.save(Note.new("desk", 2, "Dialog", 1, None, "Ny", clock.now()))
    assert reader.refresh()
    assert whole == [] and len(reader.notes()) == 201
    writer.close()


def test_a_note_taker_does_not_read_back_its_own_save(
    store: SessionStore, session: Session, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = NoteTaking(store, session, "desk", clock)
    desk.save(2, 1, None, "Først")
    reads = []
    for module in (reader_module, store_module):
        load = module._load_notes
        monkeypatch.setattr(module, "_load_notes", lambda *a, f=load: reads.append(a) or f(*a))
    for table in range(2, 8):
        desk.save(2, table, None, f"Bord {table}")
    assert reads == [] and len(desk.notes(2)) == 7
    desk.close()


def test_an_append_cut_short_is_reported_and_the_file_left_alone(
    store: SessionStore, session: Session, clock: FakeClock
) -> None:
    desk = NoteTaking(store, session, "desk", clock)
    desk.save(2, 1, None, "Bekræftet")
    desk.close()
    path = desk.writer.path
    with open(path, "ab") as handle:  # a power cut in the middle of the next append
        handle.write(b'\n[[note]]\nid = "desk-torn"\nslot = 2\ntext = "Halvt skr')
    damaged = path.read_bytes()
    with pytest.raises(SessionError, match=str(path)):
        NoteTaking(store, session, "desk", clock)
    reader = NotesReader(desk.folder)
    reader.refresh()
    assert path in reader.problems and path.read_bytes() == damaged
