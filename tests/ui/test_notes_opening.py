"""The notes console's first frame: the slot it opens on, drawn from the session's preview
before the models load; the console then shows the same, the keys typed meanwhile reach
its editor, and a session the models refuse closes it with the message."""

from __future__ import annotations

import subprocess
import sys

from textual.widgets import TextArea

from facilitator.agenda.model import Agenda
from facilitator.errors import SessionError
from facilitator.notes.preview import NotesPreview, preview_notes
from facilitator.roles.host import HostRun
from facilitator.roles.note_taker import NoteTaking
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.screens.notes import NotesScreen
from facilitator.ui.screens.notes_opening import NotesOpening
from facilitator.ui.widgets.plain_label import PlainLabel
from tests.ui.waiting import until

SIZE = (120, 40)
LABELS = ("notes-heading", "table-label", "question-label")


def _session(agenda: Agenda, store: SessionStore, clock: FakeClock) -> tuple[str, NotesPreview]:
    host = HostRun(agenda, store, clock)
    host.act(Action.START)
    host.act(Action.GOTO, slot=10)  # the day's second dialogue
    assert host.session is not None
    host.close()
    preview = preview_notes(store.folder(host.session.id))
    assert preview is not None
    return host.session.id, preview


def _texts(screen: NotesOpening | NotesScreen) -> list[str]:
    return [screen.query_one(f"#{name}", PlainLabel).text for name in LABELS]


async def test_the_console_shows_what_its_first_frame_showed_and_takes_the_keys(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    session_id, preview = _session(agenda, store, clock)
    held: list[NoteTaking] = []

    def prepare(app: FacilitatorApp) -> None:
        notes = NoteTaking(store, store.load(session_id), "Ann Desk", clock)
        held.append(notes)
        app.add_mode("notes", lambda: NotesScreen(notes))

    app = FacilitatorApp("notes", NotesOpening(preview, "Ann Desk"), prepare)
    async with app.run_test(size=SIZE) as pilot:
        opening = app.screen
        assert isinstance(opening, NotesOpening)
        shown = _texts(opening)
        assert shown[0].startswith("Notes · slot 11 11:20 ") and "writing as Ann Desk" in shown[0]
        assert shown[1].startswith("Table 1 of 12")
        await pilot.press("h", "e", "j")  # before the console is there
        await until(pilot, lambda: isinstance(app.screen, NotesScreen), "the notes screen")
        screen = app.screen
        assert isinstance(screen, NotesScreen)
        assert _texts(screen) == shown
        editor = screen.query_one("#editor", TextArea)
        await until(pilot, lambda: editor.text == "hej", "the keys typed on the first frame")
    held[0].close()


async def test_a_session_refused_after_the_first_frame_closes_it_with_the_message(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    _session_id, preview = _session(agenda, store, clock)

    def refuse(app: FacilitatorApp) -> None:
        raise SessionError("sessions/x/session.toml: event 3: no slot 40")

    app = FacilitatorApp("notes", NotesOpening(preview, "desk"), refuse)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.failure is not None, "the refusal")
    assert app.return_code == 2
    assert str(app.failure).endswith("no slot 40")


async def test_a_narrow_terminal_hides_the_notes_side_as_the_console_does(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    _session_id, preview = _session(agenda, store, clock)
    app = FacilitatorApp("notes", NotesOpening(preview, "desk"))
    async with app.run_test(size=(80, 30)):
        assert not app.screen.query_one("#notes-right").display


def test_the_command_draws_the_first_frame_before_pydantic_loads(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    """`facilitator notes` on a session it can preview starts its app on the first frame,
    and nothing before that has imported pydantic."""
    session_id, _preview = _session(agenda, store, clock)
    code = (
        "import sys\n"
        "import textual.app\n"
        "def run(self, *args, **options):\n"
        "    print(type(self.opening).__name__, 'pydantic' in sys.modules)\n"
        "textual.app.App.run = run\n"
        "from facilitator.cli import main\n"
        f"main(['notes', {session_id!r}, '--as', 'desk', '--sessions', {str(store.root)!r}])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.split() == ["NotesOpening", "False"]
