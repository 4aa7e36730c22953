"""The host console's keys for what the stage shows: a message, the word cloud, the
question marked, how phones join `facilitator serve`, clock only and blackout. A mixin of
HostScreen, which keeps to the day's timing keys."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from textual.binding import Binding

from facilitator.i18n import t
from facilitator.roles.host import HostRun
from facilitator.session.stage_show import StageMode

if TYPE_CHECKING:
    from textual.app import App

    from facilitator.ui.dialogs.message import MessageChoice

T = TypeVar("T")

STAGE_BINDINGS = [
    Binding("m", "message", "key.message", id="message"),
    Binding("w", "cloud", "key.cloud", id="cloud"),
    Binding("full_stop", "question(1)", "key.question_next", id="question_next", key_display="."),
    Binding(
        "comma",
        "question(-1)",
        "key.question_previous",
        id="question_previous",
        key_display=",",
        show=False,
    ),
    Binding("j", "join", "key.join", id="join", show=False),
    Binding("c", "stage_mode('clock')", "key.clock", id="clock", show=False),
    # b starts a report-back round; blackout is B, as in presentation programs' b key.
    Binding("B", "stage_mode('blackout')", "key.blackout", id="blackout", show=False),
]
"""m and w are in the footer; `.` only in a slot with questions; the rest in the help and
the palette, since the footer is full at 120 columns."""

STAGE_ACTIONS = {binding.action.partition("(")[0] for binding in STAGE_BINDINGS}

MODE_NOTICES = {
    StageMode.NORMAL: "notify.stage_normal",
    StageMode.CLOCK: "notify.stage_clock",
    StageMode.BLACKOUT: "notify.stage_blackout",
}
"""What the host is told as the stage changes mode."""


class StageKeys:
    """The stage's actions; the screen provides `run`, `app`, `refresh_state` and `_write`
    (a change that writes the session, reported when it fails)."""

    run: HostRun
    app: App[object]

    if TYPE_CHECKING:  # the screen's own; declared here for the type checker only

        def refresh_state(self) -> None: ...

        def _write(self, change: Callable[[], T], if_unsaved: T) -> tuple[bool, T]: ...

    def stage_key_possible(self, action: str) -> bool | None:
        """Whether a stage key can do anything now: None greys it, False keeps it out of
        the footer."""
        run = self.run
        match action:
            case "cloud":
                return run.cloud_slot() is not None or None
            case "question":  # hidden outside a slot with questions: the footer is full
                state = run.state()
                return not state.finished and bool(run.agenda.slots[state.current].questions)
            case "join":
                return run.session is not None or None
        return True

    def action_message(self) -> None:
        """Ask for a message (or a preset's number) and how it shows, and send it."""
        from facilitator.ui.dialogs.message import MessageModal

        presets = self.run.agenda.messages or t("message.presets").split("|")
        self.app.push_screen(MessageModal(self.run.stage_message, presets), self._send_message)

    def _send_message(self, choice: MessageChoice | None) -> None:
        if choice is None:
            return
        changed, _ = self._write(
            lambda: self.run.send_message(
                choice.text, full=choice.full, flash=choice.flash, pinned=choice.pinned
            ),
            if_unsaved=None,
        )
        if not changed:
            return
        key = "notify.message_sent" if choice.text else "notify.message_cleared"
        self.app.notify(t(key, text=choice.text), timeout=4)
        self.refresh_state()

    def action_stage_mode(self, mode: str) -> None:
        """Clock only or blackout on the stage; the same key again brings the day back."""
        changed, _ = self._write(
            lambda: self.run.switch_stage_mode(StageMode(mode)), if_unsaved=StageMode(mode)
        )
        if changed:
            self.app.notify(t(MODE_NOTICES[self.run.stage_mode]), timeout=4)
            self.refresh_state()

    def action_cloud(self) -> None:
        """Put the latest dialogue's word cloud on the stage, or take it off."""
        changed, _ = self._write(self.run.toggle_cloud, if_unsaved=None)
        if not changed:
            return
        slot = self.run.stage_cloud
        if slot is None:
            self.app.notify(t("notify.cloud_off"), timeout=4)
        else:
            self.app.notify(
                t("notify.cloud_on", title=self.run.agenda.slots[slot].title), timeout=4
            )
        self.refresh_state()

    def action_question(self, step: int) -> None:
        """Mark the next (1) or previous (-1) question of the slot on the stage."""
        changed, _ = self._write(lambda: self.run.step_question(step), if_unsaved=None)
        if not changed:
            return
        marked = self.run.stage_question  # a failed write keeps the mark, and retries it
        if marked is None:
            self.app.notify(t("notify.question_none"), timeout=3)
        else:
            count = len(self.run.agenda.slots[marked.slot].questions)
            self.app.notify(t("notify.question", number=marked.index + 1, count=count), timeout=3)
        self.refresh_state()

    def action_join(self) -> None:
        """Show on the stage how phones join `facilitator serve`, or take it off."""
        changed, _ = self._write(self.run.toggle_join, if_unsaved=None)
        if changed:
            shown = self.run.session is not None and self.run.session.stage_join
            self.app.notify(t("notify.join_on" if shown else "notify.join_off"), timeout=4)
