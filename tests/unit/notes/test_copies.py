"""Conflict copies from sync tools: read and merged by note id, never written, named once."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from pathlib import Path

import pytest
import tomli_w

from facilitator.agenda.model import Agenda
from facilitator.notes.store import (
    NotesReader,
    count_live_notes,
    is_conflict_copy,
    load_notes_file,
)
from facilitator.review.archive import archive_text, load_folder
from facilitator.review.exports import notes_csv
from facilitator.roles.note_taker import NoteTaking
from facilitator.session.model import Session
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from tests.seed import dialogue_session

COPIES = [
    "notes-ann.sync-conflict-20261128-101010-ABC1234.toml",  # Syncthing
    "notes-ann (Bob's conflicted copy 2026-11-28).toml",  # Dropbox
    "notes-ann (1).toml",  # OneDrive, Google Drive, a copy in a file manager
    "notes-ann-DESKTOP-1.toml",  # OneDrive's machine-named copy
]


@pytest.fixture
def session(agenda: Agenda, store: SessionStore, clock: FakeClock) -> Session:
    return dialogue_session(agenda, store, clock)


@pytest.fixture
def ann(store: SessionStore, session: Session, clock: FakeClock) -> NoteTaking:
    """Ann's console with three notes: "kept", "edited" and "deleted"."""
    ann = NoteTaking(store, session, "Ann", clock)
    for table, text in enumerate(("kept", "edited", "deleted"), start=1):
        ann.save(2, table, None, text)
    return ann


def conflict_copy(ann: NoteTaking, name: str, clock: FakeClock) -> Path:
    """What a sync tool leaves when another machine changed Ann's file at the same time:
    one note edited later, one deleted later, one new."""
    file = load_notes_file(ann.writer.path)
    clock.advance(60)
    kept, edited, deleted = file.notes
    file.notes = [
        kept,
        edited.model_copy(update={"text": "edited elsewhere", "updated": clock.now()}),
        deleted.model_copy(update={"deleted": True, "updated": clock.now()}),
        kept.model_copy(update={"id": "ann-elsewhere", "text": "only in the copy"}),
    ]
    path = ann.folder / name
    path.write_text(
        tomli_w.dumps(file.model_dump(by_alias=True, exclude_none=True)), encoding="utf-8"
    )
    return path


MERGED = ["edited elsewhere", "kept", "only in the copy"]


@pytest.mark.parametrize("name", COPIES)
def test_a_copy_is_merged_by_id_and_named(ann: NoteTaking, clock: FakeClock, name: str) -> None:
    copy = conflict_copy(ann, name, clock)
    assert is_conflict_copy(copy, "ann")
    assert ann.refresh()
    assert sorted(note.text for note in ann.notes(2)) == MERGED
    assert ann.new_copies() == [copy] and ann.new_copies() == []
    assert count_live_notes(ann.folder) == 3


@pytest.mark.parametrize("name", COPIES)
def test_a_copy_is_never_written(ann: NoteTaking, clock: FakeClock, name: str) -> None:
    copy = conflict_copy(ann, name, clock)
    before = copy.read_bytes()
    ann.refresh()
    note = next(note for note in ann.notes(2) if note.text == "only in the copy")
    edited = ann.save(2, 5, None, "edited here", note_id=note.id)
    assert copy.read_bytes() == before
    own = {n.id: n for n in load_notes_file(ann.writer.path).notes}
    assert own[edited.id].text == "edited here" and own[edited.id].created == note.created
    assert sorted(n.text for n in ann.notes(2)) == ["edited elsewhere", "edited here", "kept"]


def test_the_review_and_the_csv_list_each_note_once(
    ann: NoteTaking, store: SessionStore, session: Session, clock: FakeClock
) -> None:
    copies = [conflict_copy(ann, name, clock) for name in COPIES]
    loaded = load_folder(store, session.id)
    assert sorted(loaded.copies) == sorted(copies)
    assert sorted(note.text for note in loaded.notes) == MERGED
    rows = list(csv.reader(io.StringIO(notes_csv(loaded))))[1:]
    assert sorted(row[-1] for row in rows) == MERGED
    assert [file.writer for file in loaded.notes_files] == ["ann"]
    assert loaded.notes_files[0].name == "Ann"
    assert archive_text(loaded).count("[[notes.note]]") == 4  # the tombstone travels too


def test_the_newest_version_wins_whichever_file_holds_it(ann: NoteTaking, clock: FakeClock) -> None:
    copy = conflict_copy(ann, COPIES[0], clock)
    clock.advance(60)
    edited = next(note for note in ann.notes(2) if note.text == "edited")
    ann.save(2, 2, None, "edited here, later", note_id=edited.id)
    assert "edited here, later" in [note.text for note in ann.notes(2)]
    reader = NotesReader(ann.folder)
    reader.refresh()
    assert reader.copies() == [copy]
    assert reader.merged()[edited.id].updated == clock.now()
    assert reader.merged()[edited.id].updated - edited.updated == timedelta(seconds=120)


def test_own_files_and_other_writers_are_not_copies(tmp_path: Path) -> None:
    assert not is_conflict_copy(tmp_path / "notes-ann.toml", "ann")
    assert not is_conflict_copy(tmp_path / "notes-日本語.toml", "日本語")
    assert not is_conflict_copy(tmp_path / "notes-ann-desktop-1.toml", "ann-desktop-1")
    assert is_conflict_copy(tmp_path / "notes-ann (1).toml", "ann (1)")  # not a safe name
    assert is_conflict_copy(tmp_path / "notes-bob.toml", "ann")


def test_a_file_is_its_writers_own_in_any_unicode_form(tmp_path: Path) -> None:
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "notes-ånn.toml")
    assert not is_conflict_copy(tmp_path / decomposed, "ånn")


def test_a_copy_of_an_unreadable_kind_is_a_problem_not_a_crash(
    ann: NoteTaking, clock: FakeClock
) -> None:
    (ann.folder / "notes-ann (2).toml").write_text("writer = 3\n", encoding="utf-8")
    ann.refresh()
    assert sorted(note.text for note in ann.notes(2)) == ["deleted", "edited", "kept"]
    assert list(ann.reader.problems) == [ann.folder / "notes-ann (2).toml"]


def test_export_names_the_copies_it_merged_on_stderr(
    ann: NoteTaking,
    store: SessionStore,
    session: Session,
    clock: FakeClock,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The minutes go to stdout; which conflict copies went into them goes to stderr."""
    from facilitator.cli import main

    conflict_copy(ann, COPIES[0], clock)
    args = ["export", session.id, "--format", "md", "--sessions", str(store.root)]
    assert main([*args, "--lang", "en"]) == 0
    out, err = capsys.readouterr()
    assert "only in the copy" in out and COPIES[0] not in out
    assert "Conflict copies" in err and COPIES[0] in err
