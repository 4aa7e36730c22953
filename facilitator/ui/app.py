"""The one Textual app, built by `create_app` for the CLI and the tests alike: the host
console (with its notes mode), the notes console, the review, or the stage screen.

Screens are imported where an area is built, so each command loads only its own and the
host console paints sooner.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

if TYPE_CHECKING:
    from facilitator.review.archive import LoadedSession
    from facilitator.roles.host import HostRun
    from facilitator.roles.note_taker import NoteTaking
    from facilitator.session.model import Session
    from facilitator.session.store import SessionStore
    from facilitator.timing.clock import Clock
    from facilitator.ui.screens.host import HostScreen

from facilitator.ui.localize import describe, localize_bindings
from facilitator.ui.text import t
from facilitator.ui.type_ahead import TypeAheadApp


class FacilitatorApp(TypeAheadApp):
    """Holds the screens of the area it was started for (MODES: host and notes, notes, or stage)."""

    TITLE = "facilitator"
    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = True
    # Textual's own keys, restated so that their descriptions come from the catalogue.
    BINDINGS = [
        Binding("ctrl+q", "quit", "key.quit", show=False, priority=True),
        Binding("ctrl+c", "help_quit", show=False, system=True),
        Binding("ctrl+p", "command_palette", "key.palette", show=False, priority=True),
    ]

    def __init__(self, start_mode: str) -> None:
        super().__init__()
        localize_bindings(self)
        self.start_mode = start_mode
        self.host_screen: HostScreen | None = None

    def on_mount(self) -> None:
        """Open the area this app was started for."""
        self.switch_mode(self.start_mode)

    def action_command_palette(self) -> None:
        """The command palette, asking in the language in use."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(cast("App[object]", self)):
            self.push_screen(
                CommandPalette(placeholder=t("palette.placeholder"), id="--command-palette")
            )

    def action_help_quit(self) -> None:
        """ctrl+c does not quit; say which key does."""
        self.notify(t("notify.how_to_quit"), title=t("notify.quit_title"))

    async def action_quit(self) -> None:
        """ctrl+q asks first while a slot runs or a note is not saved."""
        from facilitator.ui.screens.notes import NotesScreen

        screen = self.screen
        if isinstance(screen, NotesScreen) and screen.has_unsaved_text():
            screen.ask_before_quitting()
        elif self.host_screen is not None:
            self.host_screen.action_quit_day()
        else:
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


def create_app(
    host: HostRun | None = None,
    offer_resume: Session | None = None,
    notes: NoteTaking | None = None,
    review_store: SessionStore | None = None,
    review_session: LoadedSession | None = None,
    stage_store: SessionStore | None = None,
    stage_session: str | None = None,
    clock: Clock | None = None,
) -> FacilitatorApp:
    """The app for the CLI and the tests alike: a host console (with its notes mode), a
    notes console, or a stage screen."""
    if host is not None:
        from facilitator.ui.screens.host import HostScreen

        def notes_screen() -> Screen[None]:
            from facilitator.ui.screens.notes import HostNotesScreen

            return HostNotesScreen(host.note_taking())

        app = FacilitatorApp("host")
        host_screen = HostScreen(host, offer_resume)
        app.host_screen = host_screen
        app.add_mode("host", lambda: host_screen)
        app.add_mode("notes", notes_screen)
        return app
    if review_store is not None:
        from facilitator.ui.screens.review_list import ReviewListScreen
        from facilitator.ui.screens.review_session import SessionReviewScreen

        app = FacilitatorApp("review")
        app.add_mode("review", lambda: ReviewListScreen(review_store))
        if review_session is not None:
            app.call_later(app.push_screen, SessionReviewScreen(review_session))
        return app
    if notes is not None:
        from facilitator.ui.screens.notes import NotesScreen

        app = FacilitatorApp("notes")
        app.add_mode("notes", lambda: NotesScreen(notes))
        return app
    assert stage_store is not None and clock is not None, "a stage needs a store and a clock"
    from facilitator.roles.stage import Stage
    from facilitator.ui.screens.stage import StageScreen

    app = FacilitatorApp("stage")
    app.add_mode("stage", lambda: StageScreen(Stage(stage_store, clock, stage_session)))
    return app
