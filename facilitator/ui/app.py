"""The one Textual app, and a factory per console that the CLI and the tests both use:
`host_app` (the host console with its notes mode), `notes_app`, `review_app`, `stage_app`.

Screens are imported where a console is built, so each command loads only its own and the
host console paints sooner.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING, Any, Protocol, cast, runtime_checkable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import Screen

if TYPE_CHECKING:
    from facilitator.control.server import ControlSockets
    from facilitator.review.archive import ReviewedSession
    from facilitator.review.index import SessionSummary
    from facilitator.roles.host import HostRun
    from facilitator.roles.note_taker import NoteTaking
    from facilitator.roles.stage import Stage
    from facilitator.session.model import Session
    from facilitator.session.store import SessionStore

from facilitator.errors import FacilitatorError
from facilitator.i18n import t
from facilitator.ui.localize import Localized, describe
from facilitator.ui.type_ahead import TypeAheadApp

FIRST_FRAME_OUT = 0.03
"""Seconds a first frame is given to reach the terminal before the console loads."""


class FacilitatorApp(Localized, TypeAheadApp):
    """Holds the screens of the console it was built for (modes: host and notes, notes,
    review, or stage); built by the factories below."""

    TITLE = "facilitator"
    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = True
    # Textual's own keys, restated so that their descriptions come from the catalogue.
    BINDINGS = [
        Binding("ctrl+q", "quit", "key.quit", show=False, priority=True),
        Binding("ctrl+c", "help_quit", show=False, system=True),
        Binding("ctrl+p", "command_palette", "key.palette", show=False, priority=True),
    ]

    def __init__(
        self,
        start_mode: str,
        opening: Screen[None] | None = None,
        prepare: Callable[[FacilitatorApp], None] | None = None,
    ) -> None:
        """`opening`, if given, is drawn first; `prepare` then runs (it loads the models
        and adds the modes) before the app switches to `start_mode`. Without `prepare`,
        `opening` stays: it is the console (the review's list), or a first frame on its
        own (a test looking at it)."""
        super().__init__()
        self.start_mode = start_mode
        self.opening = opening
        self.prepare = prepare
        self.crash: Exception | None = None
        """The first exception that no handler caught, for the crash log."""
        self.failure: FacilitatorError | None = None
        """Why `prepare` could not open the console (a file it refused), to be reported
        as the command line reports it once the terminal is restored."""
        self.help_lines: list[str] = []
        """Lines the help shows under the keys (where the control API listens)."""

    def get_default_screen(self) -> Screen[Any]:
        """The first frame, when there is one."""
        return self.opening if self.opening is not None else super().get_default_screen()

    def on_mount(self) -> None:
        """Open the area this app was started for; after the first frame, if it has one."""
        if self.opening is None:
            self.switch_mode(self.start_mode)
        elif self.prepare is not None:
            self.opening.call_after_refresh(self._after_first_frame)

    def _after_first_frame(self) -> None:
        """The first refresh has laid the frame out; the next draws it. Loading waits a
        moment more: the frame goes to the terminal from Textual's writer thread, which
        the imports would otherwise keep from running until they are done."""
        assert self.opening is not None
        self.opening.call_after_refresh(
            lambda: self.set_timer(FIRST_FRAME_OUT, self._open_after_first_frame)
        )

    def _open_after_first_frame(self) -> None:
        """Load what the console needs, then show it; the keys the first frame held go on
        to it. A file refused now closes the console with its message."""
        assert self.prepare is not None
        try:
            self.prepare(self)
        except FacilitatorError as error:
            self.failure = error
            self.exit(return_code=error.exit_status)
            return
        self.switch_mode(self.start_mode)
        self.release_keys()

    def get_css_variables(self) -> dict[str, str]:
        """The theme's variables, and the phase colours made readable on its background
        ($phase-running, $phase-warning, …: see ui/contrast.py)."""
        from facilitator.ui.contrast import phase_variables

        variables = super().get_css_variables()
        variables.update(phase_variables(variables))
        return variables

    def _handle_exception(self, error: Exception) -> None:
        """Textual's one way out for an exception that no handler caught: the app exits
        with return code 1 (and Pilot raises it in tests). Keep the exception for the
        crash log (cli/crash.py) instead of printing a traceback over the terminal."""
        if self.crash is None:
            self.crash = error
        super()._handle_exception(error)
        self._exit_renderables.clear()

    def action_command_palette(self) -> None:
        """The command palette, asking in the language in use."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(cast("App[object]", self)):
            self.push_screen(
                CommandPalette(placeholder=t("palette.placeholder"), id="--command-palette")
            )

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """A notification shown as written, never read as markup: most quote a title, a
        message, a file or an error that quotes one."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def action_help_quit(self) -> None:
        """ctrl+c does not quit; say which key does."""
        self.notify(t("notify.how_to_quit"), title=t("notify.quit_title"))

    async def action_quit(self) -> None:
        """ctrl+q asks first when the screen in front (under any dialog) says to: while a
        slot runs, or while a note is not saved."""
        for screen in reversed(self.screen_stack):
            if isinstance(screen, AsksBeforeQuitting):
                ask_then_quit(self, screen.quit_question())
                return
        self.exit()

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Every key of the screen is also a command; then the theme."""
        for binding in screen.BINDINGS:
            if not isinstance(binding, Binding) or binding.id is None:
                continue
            action, _, argument = binding.action.partition("(")
            if screen.check_action(action, (argument.rstrip(")"),) if argument else ()) is not True:
                continue
            yield SystemCommand(
                describe(binding),
                f"{binding.key_display or binding.key}",
                partial(screen.run_action, binding.action),
            )
        yield SystemCommand(t("key.colours"), t("help.colours"), self.action_change_theme)
        if not any(isinstance(b, Binding) and "quit" in b.action for b in screen.BINDINGS):
            yield SystemCommand(t("key.quit"), t("help.quit"), self.action_quit)


@runtime_checkable
class AsksBeforeQuitting(Protocol):
    """A screen that may have something to ask before the console quits."""

    def quit_question(self) -> str | None:
        """The question to ask before quitting now, or None to quit at once."""


def ask_then_quit(app: App[Any], question: str | None) -> None:
    """Quit at once without a question; else quit only on yes."""
    if question is None:
        app.exit()
        return
    from facilitator.ui.dialogs.confirm import confirm

    confirm(app, question, app.exit)


def host_app(
    run: HostRun, offer_resume: Session | None = None, control: ControlSockets | None = None
) -> FacilitatorApp:
    """The host console on `run`, offering to resume `offer_resume`; tab opens its notes.
    With `control`, it serves the control API on those sockets while it runs."""
    app = FacilitatorApp("host")
    add_host_modes(app, run, offer_resume, control)
    return app


def add_host_modes(
    app: FacilitatorApp,
    run: HostRun,
    offer_resume: Session | None = None,
    control: ControlSockets | None = None,
) -> None:
    """Give `app` the host console's modes (see `host_app`): also the way a console whose
    first frame came before its models (cli/run.py) becomes the host console."""
    from facilitator.ui.screens.host import HostScreen

    def notes_screen() -> Screen[None]:
        from facilitator.ui.screens.notes import HostNotesScreen

        return HostNotesScreen(run.note_taking(), run)

    if control is None:
        app.add_mode("host", lambda: HostScreen(run, offer_resume))
    else:
        from facilitator.ui.control import ScreenConsole, start_control

        console = ScreenConsole(run)

        def host_screen() -> Screen[None]:
            console.screen = HostScreen(run, offer_resume)
            return console.screen

        app.add_mode("host", host_screen)
        start_control(app, console, control)
    app.add_mode("notes", notes_screen)


def notes_app(note_taking: NoteTaking) -> FacilitatorApp:
    """The note-taker's console."""
    app = FacilitatorApp("notes")
    add_notes_mode(app, note_taking)
    return app


def add_notes_mode(app: FacilitatorApp, note_taking: NoteTaking) -> None:
    """Give `app` the note-taker's screen (see `notes_app`), also after a first frame."""
    from facilitator.ui.screens.notes import NotesScreen

    app.add_mode("notes", lambda: NotesScreen(note_taking))


def review_app(
    store: SessionStore,
    session: ReviewedSession | None = None,
    listed: list[SessionSummary] | None = None,
) -> FacilitatorApp:
    """The review: the list of sessions in `store` (`listed`, if they have been read),
    with `session` opened on top of it."""
    from facilitator.ui.screens.review_list import ReviewListScreen

    # The list is the app's first screen, with no mode to switch to: a switch holds every
    # paint back for a twentieth of a second.
    listing = ReviewListScreen(store, shown_first=session is None, listed=listed)
    app = FacilitatorApp("review", opening=listing)
    if session is not None:
        from facilitator.ui.screens.review_session import SessionReviewScreen

        app.call_later(app.push_screen, SessionReviewScreen(session))
    return app


def add_review_mode(app: FacilitatorApp, store: SessionStore, session: ReviewedSession) -> None:
    """Give `app` the review with `session` opened over the list (see `review_app`), after
    the session's first frame (screens/review_opening.py)."""
    from facilitator.ui.screens.review_list import ReviewListScreen
    from facilitator.ui.screens.review_session import SessionReviewScreen

    app.add_mode("review", lambda: ReviewListScreen(store, shown_first=False))
    screen = SessionReviewScreen(session)
    app.call_later(app.push_screen, screen)  # once the app has switched to the list


def stage_app(stage: Stage) -> FacilitatorApp:
    """The stage screen, drawing what `stage` follows."""
    app = FacilitatorApp("stage")
    add_stage_mode(app, stage)
    return app


def add_stage_mode(app: FacilitatorApp, stage: Stage) -> None:
    """Give `app` the stage screen (see `stage_app`), also after a first frame."""
    from facilitator.ui.screens.stage import StageScreen

    app.add_mode("stage", lambda: StageScreen(stage))
