"""The one Textual app: the host console or the stage screen, built by `create_app`."""

from __future__ import annotations

# Screens are imported where an area is built, so that each command loads only its own
# and the host console paints sooner.
import weakref
from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

if TYPE_CHECKING:
    from facilitator.archive import LoadedSession
    from facilitator.clock import Clock
    from facilitator.host import HostRun
    from facilitator.note_taking import NoteTaking
    from facilitator.session import Session
    from facilitator.store import SessionStore
    from facilitator.ui.host import HostScreen

from facilitator.ui.localize import describe, localize_bindings
from facilitator.ui.text import t

KEY_SETTLE_REFRESHES = 20
"""How many refreshes a key waits at most for a new screen to get ready."""


class FacilitatorApp(App[None]):
    """Holds the screens of the area it was started for (MODES: host and notes, notes, or stage)."""

    TITLE = "facilitator"
    CSS_PATH = "dialogs/dialogs.tcss"
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
        self._held_keys: list[events.Key] = []
        # Which screen each key in flight was sent to; a key a widget keeps drops out.
        self._sent_to: weakref.WeakKeyDictionary[events.Key, Screen[object]] = (
            weakref.WeakKeyDictionary()
        )

    def on_mount(self) -> None:
        """Open the area this app was started for."""
        self.switch_mode(self.start_mode)

    async def on_event(self, event: events.Event) -> None:
        """Keys go to the screen that is in front when they are handled, not when they arrive.

        Textual picks a key's receiver when the key arrives. A host presses "m" and types
        the message at once, or "g" and the arrows: those keys arrive while the screen
        behind is still in front, and would be lost there or, worse, "n" would move to the
        next slot. So a key that comes back unhandled from a screen no longer in front is
        sent again, and keys wait while a new screen is still being built.
        """
        if not isinstance(event, events.Key):
            await super().on_event(event)
            return
        if event.is_forwarded:
            if self._sent_to.pop(event, None) not in (None, self.screen):
                self._hold(event)
            else:
                await super().on_event(event)
            return
        if self._held_keys or not self._screen_ready():
            self._hold(event)
            return
        self._sent_to[event] = self.screen
        await super().on_event(event)

    def _hold(self, event: events.Key) -> None:
        self._held_keys.append(events.Key(event.key, event.character))
        if len(self._held_keys) == 1:
            self.call_after_refresh(self._release_keys)

    def _release_keys(self, waited: int = 0) -> None:
        if not self._screen_ready() and waited < KEY_SETTLE_REFRESHES:
            self.call_after_refresh(self._release_keys, waited + 1)
            return
        held, self._held_keys = self._held_keys, []
        for key in held:
            self.post_message(key)

    def _screen_ready(self) -> bool:
        """Mounted and, for a screen that puts the focus somewhere (a dialog's input),
        focused there."""
        screen = self.screen
        if not screen.is_mounted:
            return False
        if screen.focused is None:
            return not (screen.AUTO_FOCUS and screen.focus_chain)
        return screen.focused.is_mounted

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
        from facilitator.ui.notes import NotesScreen

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
        from facilitator.ui.host import HostScreen

        def notes_screen() -> Screen[None]:
            from facilitator.ui.notes import HostNotesScreen

            return HostNotesScreen(host.note_taking())

        app = FacilitatorApp("host")
        host_screen = HostScreen(host, offer_resume)
        app.host_screen = host_screen
        app.add_mode("host", lambda: host_screen)
        app.add_mode("notes", notes_screen)
        return app
    if review_store is not None:
        from facilitator.ui.review_list import ReviewListScreen
        from facilitator.ui.review_session import SessionReviewScreen

        app = FacilitatorApp("review")
        app.add_mode("review", lambda: ReviewListScreen(review_store))
        if review_session is not None:
            app.call_later(app.push_screen, SessionReviewScreen(review_session))
        return app
    if notes is not None:
        from facilitator.ui.notes import NotesScreen

        app = FacilitatorApp("notes")
        app.add_mode("notes", lambda: NotesScreen(notes))
        return app
    assert stage_store is not None and clock is not None, "a stage needs a store and a clock"
    from facilitator.ui.stage import StageScreen

    app = FacilitatorApp("stage")
    app.add_mode("stage", lambda: StageScreen(stage_store, stage_session, clock))
    return app
