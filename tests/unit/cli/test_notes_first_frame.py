"""`facilitator notes` with a first frame: the console then opens the session that frame
showed, even when the host finished it in the moment between (the app's run stubbed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App

from facilitator.agenda.model import load_agenda
from facilitator.cli import main
from facilitator.roles.host import HostRun
from facilitator.session.store import SessionStore
from facilitator.timing.clock import SystemClock
from facilitator.timing.events import Action
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.screens.notes_opening import NotesOpening
from tests.seed import AGENDA_FILE


def test_the_session_the_first_frame_showed_opens_though_it_finished_meanwhile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = SessionStore(tmp_path / "sessions")
    host = HostRun(load_agenda(AGENDA_FILE), store, SystemClock())
    host.act(Action.START)
    assert host.session is not None
    folder = store.folder(host.session.id)
    locks: list[list[str]] = []

    def run(app: App[object], *args: object, **options: object) -> None:
        assert isinstance(app, FacilitatorApp) and isinstance(app.opening, NotesOpening)
        host.act(Action.FINISH)  # while the first frame shows
        assert app.prepare is not None
        app.prepare(app)  # what the app does next: load the session, take the lock
        locks.append(sorted(path.name for path in folder.glob("notes-*.lock")))

    monkeypatch.setattr(App, "run", run)
    try:
        code = main(["notes", "--as", "desk", "--sessions", str(store.root), "--lang", "en"])
    finally:
        host.close()
    assert code == 0
    assert locks == [["notes-desk.lock"]]
