"""The host console's first frame: the day not started, drawn from the agenda's preview
before the models load; the keys typed meanwhile reach the console, and an agenda the
models refuse closes it with the message."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from pathlib import Path

from facilitator.agenda.model import load_agenda
from facilitator.agenda.preview import AgendaPreview, preview_agenda
from facilitator.errors import AgendaError
from facilitator.roles.host import HostRun
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.timeline import Phase
from facilitator.ui.app import FacilitatorApp, add_host_modes
from facilitator.ui.screens.host import HostScreen
from facilitator.ui.screens.host_opening import HostOpening
from facilitator.ui.widgets.big_digits import BigDigits
from facilitator.ui.widgets.plain_label import PlainLabel
from tests.loaded import packages_loaded_by
from tests.seed import AGENDA_FILE
from tests.ui.waiting import until

SIZE = (120, 40)
MORNING = datetime.fromisoformat("2024-11-26T08:44:00+01:00")


def _preview() -> AgendaPreview:
    preview = preview_agenda(AGENDA_FILE)
    assert preview is not None
    return preview


def _opening_app(store: SessionStore, clock: FakeClock, runs: list[HostRun]) -> FacilitatorApp:
    def prepare(app: FacilitatorApp) -> None:
        run = HostRun(load_agenda(AGENDA_FILE), store, clock)
        runs.append(run)
        add_host_modes(app, run, run.begin())

    return FacilitatorApp("host", HostOpening(_preview(), MORNING), prepare)


def _text(screen: HostOpening | HostScreen, widget_id: str) -> str:
    return screen.query_one(f"#{widget_id}", PlainLabel).text


async def test_the_first_frame_shows_the_day_as_the_console_then_does(tmp_path: Path) -> None:
    app = FacilitatorApp("host", HostOpening(_preview(), MORNING))  # no console behind it
    async with app.run_test(size=SIZE):
        screen = app.screen
        assert isinstance(screen, HostOpening)
        assert _text(screen, "slot-position") == "Slot 1 of 14 · welcome"
        assert _text(screen, "slot-title") == "Velkommen til arbejdsmiljødagen"
        assert _text(screen, "slot-speakers") == "Jonas Kroustrup, Tinne Christiansen"
        assert screen.query_one("#countdown", BigDigits).value == "05:00"
        assert _text(screen, "slot-phase") == "Press space to start"


async def test_the_console_replaces_the_first_frame_and_takes_the_keys_typed_on_it(
    tmp_path: Path,
) -> None:
    store, clock, runs = SessionStore(tmp_path / "sessions"), FakeClock(MORNING), []
    app = _opening_app(store, clock, runs)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, HostOpening)
        await pilot.press("space")  # before the console is there
        await until(pilot, lambda: isinstance(app.screen, HostScreen), "the host screen")
        screen = app.screen
        assert isinstance(screen, HostScreen)
        # The console shows what the first frame showed, now from the models.
        assert _text(screen, "slot-title") == "Velkommen til arbejdsmiljødagen"
        await until(pilot, lambda: runs[0].session is not None, "the day started by space")
        assert runs[0].state().current_slot.phase is Phase.RUNNING
        assert [event.action.value for event in runs[0].session.events] == ["start"]
    runs[0].close()


async def test_an_agenda_the_models_refuse_closes_the_first_frame_with_the_message() -> None:
    def refuse(app: FacilitatorApp) -> None:
        raise AgendaError("agenda.toml: messages: at most 9 preset messages, not 10")

    app = FacilitatorApp("host", HostOpening(_preview(), MORNING), refuse)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.failure is not None, "the refusal")
    assert app.return_code == 2
    assert str(app.failure).startswith("agenda.toml: messages")


def test_the_first_frame_needs_no_pydantic() -> None:
    """What runs before the host's first frame imports no pydantic: its models take longer
    to build than the rest of the start-up together."""
    modules = [
        "facilitator.cli",
        "facilitator.cli.run",
        "facilitator.agenda.preview",
        "facilitator.ui.screens.host_opening",
    ]
    assert packages_loaded_by(modules, "pydantic") == []


def test_the_language_of_a_session_is_found_without_pydantic(tmp_path: Path) -> None:
    """The stage, notes and review consoles read their session's language before their
    first frame: from the TOML alone."""
    folder = tmp_path / "sessions" / "day"
    folder.mkdir(parents=True)
    (folder / "session.toml").write_text('[agenda]\nlanguage = "da"\n', encoding="utf-8")
    code = (
        "import sys\n"
        "from facilitator.cli import _language_of_session\n"
        f"print(_language_of_session({str(tmp_path / 'sessions')!r}, 'day'),"
        f" _language_of_session({str(tmp_path / 'sessions')!r}, None),"
        f" _language_of_session('.', {str(folder)!r}),"
        " 'pydantic' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.split() == ["da", "da", "da", "False"]


async def test_the_first_frame_gives_way_on_a_small_terminal_as_the_console_does() -> None:
    app = FacilitatorApp("host", HostOpening(_preview(), MORNING))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.has_class("-narrow") and screen.has_class("-short")
        assert not screen.query_one("#agenda").display  # as on the host screen
