"""A session is its folder: the id inside session.toml never decides where files go, and a
SESSION given as a path works from any folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.agenda.model import Agenda
from facilitator.cli import main
from facilitator.errors import SessionError
from facilitator.review.archive import load_any
from facilitator.roles.host import HostRun
from facilitator.roles.note_taker import NoteTaking
from facilitator.session.store import SESSION_FILE, SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action


@pytest.fixture
def started(agenda: Agenda, store: SessionStore, clock: FakeClock) -> Path:
    """The folder of an unfinished session, its host console closed."""
    host = HostRun(agenda, store, clock, agenda_file=Path("agenda.toml"))
    host.act(Action.START)
    host.close()
    assert host.session is not None
    return store.folder(host.session.id)


def set_id(folder: Path, new_id: str) -> None:
    path = folder / SESSION_FILE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f'id = "{folder.name}"', f'id = "{new_id}"', 1), encoding="utf-8")


@pytest.mark.parametrize("escape", ["absolute", "../../elsewhere", "other-name", "."])
def test_an_id_that_is_not_its_folder_is_listed_as_unreadable_and_never_written(
    agenda: Agenda,
    store: SessionStore,
    clock: FakeClock,
    started: Path,
    tmp_path: Path,
    escape: str,
) -> None:
    elsewhere = tmp_path / "elsewhere"
    set_id(started, str(elsewhere) if escape == "absolute" else escape)
    before = (started / SESSION_FILE).read_bytes()
    with pytest.raises(SessionError, match="folder") as error:
        store.load(started.name)
    assert str(started / SESSION_FILE) in str(error.value)
    (entry,) = store.entries()
    assert entry.session is None and "folder" in (entry.error or "")
    with pytest.raises(SessionError):
        store.resolve(started.name)
    # run --resume finds nothing to resume; a new day goes into a new folder of its own
    host = HostRun(agenda, store, clock, agenda_file=Path("agenda.toml"))
    assert host.resumable() is None
    host.act(Action.START)
    host.close()
    assert not elsewhere.exists() and not (tmp_path / "other-name").exists()
    assert sorted(path.parent for path in store.root.glob(f"*/{SESSION_FILE}")) == sorted(
        [started, store.folder(host.session.id)] if host.session else [started]
    )
    assert (started / SESSION_FILE).read_bytes() == before


def test_an_id_is_a_folder_name(store: SessionStore) -> None:
    for bad in ("", ".", "..", "../x", "/srv/x", "a/b", "a\\b", ".hidden"):
        with pytest.raises(SessionError):
            store.folder(bad)


def test_a_session_named_by_path_is_found_from_any_folder(
    started: Path,
    store: SessionStore,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    clock: FakeClock,
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    here = SessionStore("sessions")  # the default --sessions, which does not exist here
    names = [
        str(started),
        f"../sessions/{started.name}",
        f"{started}/",
        str(started / SESSION_FILE),
    ]
    for name in names:
        found, session = here.resolve(name)
        assert found.folder(session.id) == started, name
        assert load_any(here, name).source == started, name
    monkeypatch.chdir(started)
    found, session = here.resolve(".")
    assert found.folder(session.id) == started
    with pytest.raises(SessionError, match="no such session"):
        here.resolve(started.name)  # an id is looked up in the sessions folder only
    # notes written for a session named by its path go into that session's folder
    found, session = here.resolve(str(started))
    desk = NoteTaking(found, session, "desk", clock)
    desk.save(2, 1, None, "Tillid")
    desk.close()
    assert (started / "notes-desk.toml").is_file()
    assert not (elsewhere / "sessions").exists() and not (started / "sessions").exists()


def test_export_and_review_take_a_path_from_any_folder(
    started: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    monkeypatch.chdir(tmp_path.parent)
    assert main(["export", str(started), "--format", "md", "--lang", "en"]) == 0
    assert capsysbinary.readouterr().out.startswith(b"# Hovedudvalgets")


def test_a_plain_id_is_looked_up_in_the_sessions_folder_first(
    started: Path, store: SessionStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    decoy = store.root.parent / "cwd" / started.name
    decoy.mkdir(parents=True)
    (decoy / SESSION_FILE).write_text("broken = [")
    monkeypatch.chdir(decoy.parent)
    found, session = store.resolve(started.name)
    assert found.folder(session.id) == started
