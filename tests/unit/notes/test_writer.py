"""One writer per notes file: names as given, a lost lock, a take-over that keeps every note."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from facilitator.agenda.model import Agenda
from facilitator.errors import SessionError
from facilitator.notes.store import NotesTakenOver, NotesWriter, load_notes_file, notes_path
from facilitator.roles.note_taker import NoteTaking
from facilitator.session.model import Session
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from tests.seed import dialogue_session


@pytest.fixture
def session(agenda: Agenda, store: SessionStore, clock: FakeClock) -> Session:
    return dialogue_session(agenda, store, clock)


def taking(
    store: SessionStore, session: Session, clock: FakeClock, name: str, take_over: bool = False
) -> NoteTaking:
    return NoteTaking(store, session, name, clock, take_over=take_over)


@pytest.mark.parametrize(
    ("name", "file"),
    [
        ("日本語", "notes-日本語.toml"),
        ("ß", "notes-ss.toml"),
        ("Ånn Østergård", "notes-ånn-østergård.toml"),
    ],
)
def test_a_writer_of_any_script_keeps_their_name(
    store: SessionStore, session: Session, clock: FakeClock, name: str, file: str
) -> None:
    desk = taking(store, session, clock, name)
    desk.save(2, 1, None, "Tillid")
    assert desk.writer.path.name == file
    data = tomllib.loads(desk.writer.path.read_text(encoding="utf-8"))
    assert data["name"] == name and data["writer"] == file[6:-5]
    assert desk.display_name == name
    assert [note.text for note in desk.notes(2)] == ["Tillid"]


@pytest.mark.parametrize("other", ["ANN", "ann", " ANN "])
def test_two_names_for_one_file_are_refused(
    store: SessionStore, session: Session, clock: FakeClock, other: str
) -> None:
    ann = taking(store, session, clock, "Ann")
    ann.save(2, 1, None, "Ann's note")
    ann.close()
    with pytest.raises(SessionError, match=r"notes-ann\.toml: these notes belong to 'Ann'"):
        taking(store, session, clock, other)
    again = taking(store, session, clock, " Ann")  # the same name again is welcome
    assert [note.text for note in again.notes(2)] == ["Ann's note"]


def test_a_file_from_before_names_were_recorded_is_read_and_takes_the_name(
    store: SessionStore, session: Session, clock: FakeClock
) -> None:
    path = notes_path(store.folder(session.id), "desk")
    path.write_text(
        f'writer = "desk"\nsession = "{session.id}"\n\n[[note]]\nid = "desk-1"\nslot = 2\n'
        'slot_title = "Dialog ved bordene"\ntable = 3\ntext = "gammel"\nwriter = "desk"\n'
        "created = 2024-11-26T08:05:00Z\nupdated = 2024-11-26T08:05:00Z\n",
        encoding="utf-8",
    )
    desk = taking(store, session, clock, "Desk")
    desk.save(2, 4, None, "ny")
    stored = load_notes_file(path)
    assert stored.name == "Desk" and [n.text for n in stored.notes] == ["gammel", "ny"]


def test_a_writer_that_lost_its_lock_writes_nothing_more(
    store: SessionStore, session: Session, clock: FakeClock
) -> None:
    first = taking(store, session, clock, "desk")
    first.save(2, 1, None, "NOTE-0")
    second = taking(store, session, clock, "desk", take_over=True)
    assert "took over writing as 'desk'" in (first.taken_over() or "")
    assert "pid" in (first.taken_over() or "")
    second.save(2, 2, None, "NOTE-B")
    before = second.writer.path.read_bytes()
    with pytest.raises(NotesTakenOver, match="saves nothing more"):
        first.save(2, 3, None, "NOTE-A")
    with pytest.raises(NotesTakenOver):
        first.retry()
    assert second.writer.path.read_bytes() == before
    assert sorted(n.text for n in load_notes_file(second.writer.path).notes) == ["NOTE-0", "NOTE-B"]
    first.close()  # releases nothing: the lock is the second console's
    assert second.taken_over() is None
    second.save(2, 4, None, "NOTE-C")


def test_a_take_over_starts_from_the_file_as_it_is_on_disk(
    store: SessionStore, session: Session, clock: FakeClock
) -> None:
    first = taking(store, session, clock, "desk")
    first.save(2, 1, None, "before")
    second = taking(store, session, clock, "desk", take_over=True)
    # The old console's write that raced the take-over: it passed its lock check just
    # before the second console took over, and lands after the second console read.
    first.writer.lock = second.writer.lock
    first.save(2, 2, None, "raced")
    second.save(2, 3, None, "after")
    texts = sorted(note.text for note in load_notes_file(second.writer.path).notes)
    assert texts == ["after", "before", "raced"]


def test_an_unreadable_own_file_is_not_overwritten_later(
    store: SessionStore, session: Session, clock: FakeClock
) -> None:
    desk = taking(store, session, clock, "desk")
    desk.save(2, 1, None, "one")
    desk.writer.path.write_text("[[note]\n", encoding="utf-8")
    with pytest.raises(SessionError, match="not valid TOML"):
        desk.save(2, 2, None, "two")
    assert desk.writer.path.read_text(encoding="utf-8") == "[[note]\n"
    assert len(desk.unsaved) == 1


def test_an_empty_name_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SessionError, match="letters or digits"):
        NotesWriter(tmp_path, "s", "../..")
