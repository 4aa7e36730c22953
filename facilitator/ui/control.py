"""The bridge from the control verbs (facilitator/control/) to the host console's screen.

Each call is carried out on the host screen's own message queue, in turn with the keys,
through the screen's own actions: it lands in the same event log, ctrl+z takes it back,
and the console shows it for a moment ("Via control: next"). A call never asks first as
a key does (`p`, going back with `g`, `f`): a button pressed on purpose is the host's
decision, and ctrl+z takes it back. While the console asks the host a question (resume
the unfinished session? quit?), calls that change the day are refused until it is
answered.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from facilitator.control.server import ControlSockets, serve
from facilitator.control.status import run_status
from facilitator.control.verbs import Command, ControlError, refused
from facilitator.i18n import t
from facilitator.roles.host import HostRun
from facilitator.timing.events import Action
from facilitator.ui.dialogs.confirm import ConfirmModal
from facilitator.ui.dialogs.message import MessageChoice

if TYPE_CHECKING:
    from facilitator.ui.app import FacilitatorApp
    from facilitator.ui.screens.host import HostScreen

ANSWER_TIMEOUT = 10.0
"""How long a call waits for the console before it is answered 503 and dropped."""


class ScreenConsole:
    """The host screen as the control verbs see it (the `Console` protocol)."""

    def __init__(self, run: HostRun) -> None:
        self.run = run
        self.screen: HostScreen | None = None
        """Set when the host screen is built; calls before that are answered 503."""

    @property
    def slot_count(self) -> int:
        """How many slots the day has (a resumed session brings its own agenda)."""
        return len(self.run.agenda.slots)

    async def perform(self, command: Command) -> dict[str, Any]:
        """Carry `command` out on the screen's queue and wait for the answer; a call that
        has waited too long is dropped, never carried out late."""
        screen = self.screen
        if screen is None or not screen.is_mounted:
            raise ControlError(503, "not_ready", t("control.not_ready"))
        answer: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()

        def carry_out() -> None:
            if answer.done():  # the caller gave up waiting
                return
            try:
                answer.set_result(self._carry_out(screen, command))
            except ControlError as error:
                answer.set_exception(error)
            except Exception as error:  # answered and shown; a call never stops the console
                answer.set_exception(ControlError(500, "failed", str(error)))
                screen.notify(t("control.failed", error=error), severity="error", timeout=10)

        if not screen.call_later(carry_out):
            raise ControlError(503, "not_ready", t("control.not_ready"))
        try:
            return await asyncio.wait_for(answer, ANSWER_TIMEOUT)
        except TimeoutError:
            raise ControlError(503, "busy", t("control.busy")) from None

    def _carry_out(self, screen: HostScreen, command: Command) -> dict[str, Any]:
        """What the verb does, through the screen's own actions; the answer's body."""
        run = screen.run
        if command.verb == "status":
            return run_status(run)
        if run.read_only:
            raise refused(run.read_only_notice())
        if any(isinstance(shown, ConfirmModal) for shown in screen.app.screen_stack):
            # Its answer acts on the day as it was asked about (resume that session? go
            # back to that slot?): the host answers first.
            raise refused(t("control.asking"))
        match command.verb:
            case "message":
                assert command.text is not None
                screen._send_message(MessageChoice(command.text))  # a line, flashing as it comes
            case "clearmessage":
                if not run.stage_message:
                    raise refused(t("control.cannot.clearmessage"))
                screen._send_message(MessageChoice(""))
            case "cloud":
                if screen.check_action("cloud", ()) is not True:
                    raise refused(t("control.cannot.cloud"))
                screen.action_cloud()
            case _:
                action = _timing_action(run, command)
                if not screen._act(action, slot=command.slot, seconds=command.seconds):
                    raise refused(t(f"control.cannot.{command.verb}"))
        if run.read_only:  # another console took the session over as this wrote
            raise refused(run.read_only_notice())
        screen.notify(t("control.via", action=_label(command)), timeout=3)
        return {"saved": not run.unsaved, "current": run_status(run, replan=False)["current"]}


def _timing_action(run: HostRun, command: Command) -> Action:
    """The timing action a verb takes now; 409 when it would change nothing."""
    for action in _ACTIONS[command.verb]:
        if run.can(action, slot=command.slot, seconds=command.seconds or 0):
            return action
    if command.verb == "goto" and command.slot == run.state().current:
        raise refused(t("control.cannot.goto_here", number=command.slot + 1))
    raise refused(t(f"control.cannot.{command.verb}"))


_ACTIONS: dict[str, tuple[Action, ...]] = {
    "start": (Action.START, Action.RESUME),
    "pause": (Action.PAUSE,),
    "next": (Action.NEXT,),
    "previous": (Action.PREVIOUS,),
    "goto": (Action.GOTO,),
    "addtime": (Action.ADJUST,),
    "finish": (Action.FINISH,),
}
"""The timing actions each timing verb may take, the first that applies now."""


def _label(command: Command) -> str:
    """The verb as the console shows it: "next", "go to slot 4", "+60 s"."""
    if command.verb == "goto":
        assert command.slot is not None
        return t("control.verb.goto", number=command.slot + 1)
    if command.verb == "addtime":
        return t("control.verb.addtime", seconds=f"{command.seconds:+d}")
    return t(f"control.verb.{command.verb}")


def start_control(app: FacilitatorApp, console: ScreenConsole, sockets: ControlSockets) -> None:
    """Serve the control sockets on the app's loop from its start until it quits, and say
    where in the console's help."""
    app.help_lines = control_lines(sockets)

    async def run_server() -> None:
        try:
            await serve(console, sockets)
        except Exception as error:  # the console goes on without control
            app.notify(t("control.stopped", error=error), severity="error", timeout=30)

    def begin() -> None:
        app.run_worker(run_server(), name="control", exit_on_error=False)
        app.notify(" · ".join(app.help_lines), timeout=10)

    app.call_later(begin)


def control_lines(sockets: ControlSockets) -> list[str]:
    """Where the control API listens and its token, for the help and the first notice."""
    lines = []
    if (url := sockets.http_url()) is not None:
        lines.append(t("control.help_http", url=url))
    if (address := sockets.osc_address()) is not None:
        lines.append(t("control.help_osc", address=address))
    lines.append(t("control.help_token", token=sockets.token))
    return lines
