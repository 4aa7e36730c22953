"""Files on disk: the modes of written files, and one rule for files that cannot be read."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from facilitator.agenda.model import Agenda
from facilitator.cli.import_programme import read_programme
from facilitator.errors import AgendaError, FacilitatorError, ReportError
from facilitator.files import atomic_write, check_output, peek_toml, read_toml
from facilitator.notes.model import Note
from facilitator.notes.store import NotesWriter
from facilitator.session.store import SESSION_FILE, SessionStore, new_session
from facilitator.timing.clock import FakeClock


@pytest.fixture
def umask() -> Iterator[None]:
    """Restores the process's umask after a test that sets its own."""
    old = os.umask(0o022)
    os.umask(old)
    yield
    os.umask(old)


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_new_session_and_notes_files_get_the_mode_the_umask_gives(
    umask: None, mask: int, expected: int, store: SessionStore, agenda: Agenda, clock: FakeClock
) -> None:
    os.umask(mask)
    session = new_session(store, created=clock.now(), day=agenda.date, agenda=agenda)
    folder = store.folder(session.id)
    writer = NotesWriter(folder, session.id, "desk")
    writer.save(Note.new("desk", 2, "Dialog", 1, None, "Tillid", clock.now()))
    writer.close()
    assert mode_of(folder / SESSION_FILE) == expected
    assert mode_of(writer.path) == expected


def test_a_rewritten_file_keeps_its_mode(umask: None, tmp_path: Path) -> None:
    target = tmp_path / "session.toml"
    atomic_write(target, "a = 1\n")
    target.chmod(0o640)
    os.umask(0o077)
    atomic_write(target, "a = 2\n")
    assert mode_of(target) == 0o640 and target.read_text() == "a = 2\n"


def test_a_file_that_cannot_be_read_has_one_message_for_toml_and_programmes(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    with pytest.raises(FacilitatorError) as programme:
        read_programme(str(folder))
    with pytest.raises(AgendaError) as agenda:
        read_toml(folder, AgendaError, what="programme as a text file")
    assert str(programme.value) == str(agenda.value)
    assert "is a folder" in str(programme.value)


@pytest.mark.parametrize("kind", ["folder", "symlink", "fifo"])
def test_force_replaces_only_regular_files(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "out.md"
    if kind == "folder":
        target.mkdir()
    elif kind == "symlink":
        target.symlink_to(tmp_path / "elsewhere.md")
    else:
        os.mkfifo(target)
    with pytest.raises(ReportError, match="folder|symbolic link|named pipe"):
        check_output(target, True, ReportError)


def test_force_never_replaces_a_device() -> None:
    with pytest.raises(ReportError, match="is a device"):
        check_output(Path(os.devnull), True, ReportError)


def test_an_existing_regular_file_needs_force(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    check_output(target, False, ReportError)  # nothing there yet
    target.write_text("x")
    with pytest.raises(ReportError, match="exists already"):
        check_output(target, False, ReportError)
    check_output(target, True, ReportError)


def test_an_empty_key_is_named_as_one_in_the_message(tmp_path: Path) -> None:
    """A key written as `"" = 1` is quoted, so the message does not read `path: : …`."""
    from pydantic import ValidationError

    from facilitator.files import validation_message
    from facilitator.session.model import Session

    try:
        Session.model_validate({"": 1})
    except ValidationError as error:
        message = validation_message(tmp_path / "session.toml", error)
    assert f'{tmp_path / "session.toml"}: "": ' in message
    assert ": : " not in message


def test_a_named_pipe_a_device_and_deep_nesting_are_refused_with_a_message(
    tmp_path: Path,
) -> None:
    """Reading would wait for a writer forever, never end, or overflow the parser's stack:
    each is a file that cannot be read, named, and no first frame is drawn from it."""
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    device = tmp_path / "zero.toml"
    device.symlink_to("/dev/zero")
    deep = tmp_path / "deep.toml"
    deep.write_text("x = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    expected = {
        fifo: "is a named pipe (FIFO), not a file",
        device: "is a device, not a file",
        deep: "not valid TOML: arrays or tables nested too deeply",
    }
    for path, message in expected.items():
        with pytest.raises(FacilitatorError) as refused:
            read_toml(path, FacilitatorError, "session file")
        assert str(refused.value).startswith(f"{path}: {message}")
        assert peek_toml(path) is None
