"""What `run`, `notes`, `review` and `stage` do around their console, through the command
line with the app's run stubbed: they open one console, hold the right lock while it
runs, let go of it after, and refuse bad input with status 2 before any console opens."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from textual.app import App

from facilitator.agenda.model import load_agenda
from facilitator.cli import main
from facilitator.i18n import language, set_language
from facilitator.roles.host import HostRun
from facilitator.session.lock import LOCK_FILE
from facilitator.session.model import Session
from facilitator.session.store import SessionStore
from facilitator.timing.clock import SystemClock
from facilitator.timing.events import Action
from facilitator.ui.screens.review_list import ReviewListScreen
from tests.seed import AGENDA_FILE


@dataclass
class Place:
    """A folder with the seed's agenda and a sessions folder, where the commands run."""

    root: Path
    started: list[App[object]] = field(default_factory=list)
    locks_while_running: list[list[str]] = field(default_factory=list)

    @property
    def agenda(self) -> Path:
        return self.root / "agenda.toml"

    @property
    def sessions(self) -> Path:
        return self.root / "sessions"

    def locks(self) -> list[str]:
        return sorted(path.name for path in self.sessions.glob("*/*.lock"))

    def command(self, *args: str) -> int:
        return main([*args, "--sessions", str(self.sessions), "--lang", "en"])

    def rehearsal(self, speed: float = 1.0) -> Session:
        """An unfinished rehearsal of the agenda, as a host console left it."""
        run = HostRun(
            load_agenda(self.agenda),
            SessionStore(self.sessions),
            SystemClock(),
            agenda_file=self.agenda,
            speed=speed,
        )
        run.act(Action.START)
        run.close()
        assert run.session is not None
        return run.session


@pytest.fixture
def place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Place]:
    """Commands run in `tmp_path`; an app's run returns at once, as if its user quit (after
    what follows a first frame, when the console has one)."""
    shutil.copy(AGENDA_FILE, tmp_path / "agenda.toml")
    monkeypatch.chdir(tmp_path)
    place = Place(tmp_path)

    def run(app: App[object], *args: object, **kwargs: object) -> None:
        place.started.append(app)
        prepare = getattr(app, "prepare", None)
        if prepare is not None:  # as the app does after a first frame: load, take locks
            prepare(app)
        place.locks_while_running.append(place.locks())

    monkeypatch.setattr(App, "run", run)
    yield place


def test_run_resumes_at_the_asked_speed_and_lets_go_of_the_lock(place: Place) -> None:
    session = place.rehearsal(speed=1)
    code = place.command("run", str(place.agenda), "--rehearse", "--speed", "60", "--resume")
    assert code == 0 and len(place.started) == 1
    assert place.locks_while_running == [[LOCK_FILE]]
    assert place.locks() == []  # closed with the console
    resumed = SessionStore(place.sessions).load(session.id)
    assert resumed.rehearsal is not None and resumed.rehearsal.speed == 60


def test_run_without_resume_leaves_the_unfinished_session_to_the_console(
    place: Place,
) -> None:
    session = place.rehearsal()
    assert place.command("run", str(place.agenda), "--rehearse") == 0
    assert len(place.started) == 1
    assert place.locks_while_running == [[]]  # offered, not taken
    assert SessionStore(place.sessions).load(session.id) == session


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["run", "agenda.toml", "--speed", "60"], "--speed works only with --rehearse"),
        (["run", "nowhere.toml"], "nowhere.toml: no such file"),
        (["notes", "--as", "desk"], "no unfinished session"),
        (["stage", "no-such-session"], "no-such-session"),
        (["review", "no-such-session"], "no-such-session"),
    ],
)
def test_bad_input_is_refused_before_a_console_opens(
    place: Place, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert place.command(*args) == 2
    assert place.started == []
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_notes_holds_the_writers_lock_while_it_runs(
    place: Place, capsys: pytest.CaptureFixture[str]
) -> None:
    place.rehearsal()
    assert place.command("notes", "--as", "desk") == 0
    assert len(place.started) == 1
    assert [lock for lock in place.locks_while_running[0] if "desk" in lock]
    assert place.locks() == []
    assert place.command("notes", "--as", "Host") == 2
    assert "host console's own" in capsys.readouterr().err
    assert len(place.started) == 1


@pytest.mark.parametrize("command", ["review", "stage"])
def test_review_and_stage_open_the_list_or_one_session(place: Place, command: str) -> None:
    assert place.command(command) == 0  # the list, or the stage waiting for a session
    session = place.rehearsal()
    assert place.command(command, session.id) == 0
    assert place.command(command, str(place.sessions / session.id)) == 0  # a folder path
    assert len(place.started) == 3
    assert place.locks_while_running == [[], [], []]  # readers take no lock


def test_review_speaks_the_newest_sessions_language_also_of_the_unreadable(
    place: Place,
) -> None:
    """The list is read before the console opens, once, for its sessions and for the
    console's language: the newest session's agenda's. A folder that cannot be read says
    why in that language, though the listing that found the language spoke English."""
    place.rehearsal()  # the seed's agenda is Danish
    (place.sessions / "broken").mkdir()
    (place.sessions / "broken" / "session.toml").write_text("id = [", encoding="utf-8")
    set_language("en")
    assert main(["review", "--sessions", str(place.sessions)]) == 0
    assert language() == "da"
    (app,) = place.started
    screen = app.get_default_screen()
    assert isinstance(screen, ReviewListScreen) and screen.listed is not None
    (broken,) = [summary for summary in screen.listed if summary.error]
    assert "ikke gyldig TOML" in broken.error
    assert main(["review", "--sessions", str(place.sessions), "--lang", "en"]) == 0
    assert language() == "en"
