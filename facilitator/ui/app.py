"""The one Textual app: the host console or the stage screen, built by `create_app`."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from facilitator.clock import Clock
from facilitator.host import HostRun
from facilitator.session import Session
from facilitator.store import SessionStore
from facilitator.ui.host import HostScreen
from facilitator.ui.stage import StageScreen
from facilitator.ui.text import t


class FacilitatorApp(App[None]):
    """Holds the screens of the area it was started for (MODES: host, stage)."""

    TITLE = "facilitator"
    CSS_PATH = "dialogs/dialogs.tcss"
    ENABLE_COMMAND_PALETTE = True

    def __init__(self, start_mode: str) -> None:
        super().__init__()
        self.start_mode = start_mode

    def on_mount(self) -> None:
        """Open the area this app was started for."""
        self.switch_mode(self.start_mode)

    async def action_quit(self) -> None:
        """ctrl+q goes through the screen's own quit, which asks while a slot runs."""
        screen = self.screen
        if isinstance(screen, HostScreen):
            screen.action_quit_day()
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
                binding.description,
                f"{binding.key_display or binding.key}",
                partial(screen.run_action, binding.action),
            )
        yield SystemCommand(t("key.colours"), t("help.colours"), self.action_change_theme)


def create_app(
    host: HostRun | None = None,
    offer_resume: Session | None = None,
    stage_store: SessionStore | None = None,
    stage_session: str | None = None,
    clock: Clock | None = None,
) -> FacilitatorApp:
    """The app for the CLI and the tests alike: a host console, or a stage screen."""
    if host is not None:
        app = FacilitatorApp("host")
        app.add_mode("host", lambda: HostScreen(host, offer_resume))
        return app
    assert stage_store is not None and clock is not None, "a stage needs a store and a clock"
    app = FacilitatorApp("stage")
    app.add_mode("stage", lambda: StageScreen(stage_store, stage_session, clock))
    return app
