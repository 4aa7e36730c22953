"""The host console: the current slot's countdown, the day's offset, the agenda, the keys."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen

from facilitator.errors import SessionError, SessionLocked
from facilitator.i18n import t
from facilitator.roles.host import HostRun
from facilitator.session.model import Session
from facilitator.timing.events import Action
from facilitator.timing.timeline import DayState
from facilitator.ui.dialogs.confirm import confirm
from facilitator.ui.first_frame import footer_after_first_frame
from facilitator.ui.localize import Localized
from facilitator.ui.looked_up import LooksUpOnce
from facilitator.ui.screens.host_report import REPORT_ACTIONS, REPORT_BINDINGS, ReportKeys
from facilitator.ui.screens.host_stage import STAGE_ACTIONS, STAGE_BINDINGS, StageKeys
from facilitator.ui.steady_day import SteadyDay
from facilitator.ui.ticking import Beat, next_redraw
from facilitator.ui.widgets.agenda_list import AgendaList
from facilitator.ui.widgets.day_header import DayHeader
from facilitator.ui.widgets.filled import FilledColumn, FilledRow
from facilitator.ui.widgets.plain_label import PlainLabel
from facilitator.ui.widgets.slot_panel import SlotPanel

T = TypeVar("T")


class HostScreen(Localized, LooksUpOnce, ReportKeys, StageKeys, Screen[None]):
    """What the host watches on the stage laptop."""

    CSS_PATH = "host.tcss"
    BLANK = True  # its children cover it: a tick need not draw its background (filled.py)
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (90, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (28, "-tall")]

    BINDINGS = [
        Binding("space", "start_pause", "key.start", id="start"),
        Binding("n", "next", "key.next", id="next"),
        Binding("p", "previous", "key.previous", id="previous", show=False),
        Binding("g", "goto", "key.goto", id="goto", show=False),
        Binding("plus,equals_sign", "adjust(60)", "key.more", id="more", key_display="+"),
        Binding("minus", "adjust(-60)", "key.less", id="less", key_display="-", show=False),
        Binding("ctrl+z", "undo", "key.undo", id="undo"),
        Binding("r", "replan", "key.replan", id="replan"),
        *STAGE_BINDINGS,
        *REPORT_BINDINGS,
        Binding("tab", "notes", "key.notes", id="notes", show=False),
        Binding("f", "finish", "key.finish", id="finish", show=False),
        Binding("question_mark,f1", "help", "key.help", id="help", key_display="?"),
        Binding("q", "quit_day", "key.quit", id="quit"),
    ]

    def __init__(self, run: HostRun, offer_resume: Session | None = None) -> None:
        super().__init__()
        self.run = run
        self.offer_resume = offer_resume
        self._save_failed = False
        self._beat = Beat(self, self.refresh_second)
        self._steady = SteadyDay()

    def compose(self) -> ComposeResult:
        """Header, the countdown panel beside the agenda list, and the footer.

        The header and the list are each alone in a blank container: as the countdown
        ticks, Textual draws the containers around it again, not what they hold
        (widgets/filled.py)."""
        with FilledColumn(id="header-row"):
            yield DayHeader(self.run.agenda, self._speed(), id="header")
        with FilledRow(id="main"):
            yield SlotPanel(self.run, id="slot-panel")
            with FilledColumn(id="agenda-column"):
                yield AgendaList(self.run.agenda, id="agenda")
        yield PlainLabel(id="read-only")

    def _speed(self) -> float | None:
        return self.run.rehearsal.speed if self.run.rehearsal else None

    def on_mount(self) -> None:
        """Draw at once (each redraw schedules the next), and offer to resume a session."""
        footer_after_first_frame(self, compact=True)  # every key the host needs fits 120 columns
        self.refresh_state()
        if self.offer_resume is not None:
            session = self.offer_resume
            confirm(self.app, t("confirm.resume", id=session.id), lambda: self._resume(session))

    def _resume(self, session: Session) -> None:
        try:
            self.run.resume(session)
        except SessionLocked as error:  # held since it was offered: follow it instead
            self.run.follow(session)
            self.notify(str(error), severity="error", timeout=15)
        except SessionError as error:
            self.notify(str(error), severity="error", timeout=15)
            return
        else:
            self.notify(t("notify.resumed", id=session.id))
        self._rebuild()
        self.refresh_state()

    def _rebuild(self) -> None:
        """A session resumed or followed brings its own agenda snapshot and clock."""
        header = self.query_one(DayHeader)
        header.rehearsal_speed = self._speed()
        header.agenda = self.run.agenda
        self.query_one(AgendaList).agenda = self.run.agenda
        self.refresh_bindings()

    # Drawing ---------------------------------------------------------------------------

    def refresh_state(self) -> None:
        """Compute the day from the log and the clock, and redraw what changed."""
        self._retry_save()
        self._watch_others()
        self._redraw(self.run.state())

    def refresh_second(self) -> None:
        """The beat's redraw: while the day holds steady (ui/steady_day.py) only the
        running slot's digits and bar, else as `refresh_state`."""
        self._retry_save()
        self._watch_others()
        state = self._steady.now(self.run, self.app.theme)
        if state is None:
            self._redraw(self.run.state())
            return
        if self.run.bell_due(state):
            self.app.bell()
        self.widget(SlotPanel).count_down(state.current_slot)
        self._schedule_next(state)

    def _redraw(self, state: DayState) -> None:
        """Draw the day at `state`."""
        if self.run.bell_due(state):
            self.app.bell()
        if self.widget(DayHeader).show(state, may_replan=not self.run.read_only):
            self.refresh_bindings()  # `r` came or went with the time
        self.widget(AgendaList).show(state)
        self.widget(SlotPanel).show(state)
        self._set("read-only", self.run.read_only_notice())
        self._steady.hold(self.run, state, self.app.theme)
        self._schedule_next(state)

    def _schedule_next(self, state: DayState) -> None:
        """Redraw when the next shown second changes (a little after, to be past it)."""
        speed = self._speed() or 1.0
        self._beat.redraw_in(next_redraw(state, speed), 1 / speed)

    def _set(self, widget_id: str, text: str) -> None:
        """Show `text` in a label, literally; it hides while empty."""
        self.widget(PlainLabel, widget_id).show(text)

    # Saving ----------------------------------------------------------------------------

    def _write(self, change: Callable[[], T], if_unsaved: T) -> tuple[bool, T]:
        """Make a change that writes the session: (False, …) if another console holds it and
        nothing changed; a failed write is reported, the change stands in memory, and
        every redraw retries it, giving `if_unsaved` as the change's result."""
        try:
            return True, change()
        except SessionLocked as error:
            self.notify(str(error), severity="error", timeout=30)
            self._rebuild()  # this console follows the session that another one holds
            self.refresh_state()
            return False, if_unsaved
        except SessionError as error:
            self._report_save_failure(error)
            return True, if_unsaved

    def _act(
        self,
        action: Action,
        slot: int | None = None,
        seconds: int | None = None,
        table: int | None = None,
    ) -> bool:
        """Apply a timing action; whether it did anything. `table`: call it out of turn."""
        changed, done = self._write(
            lambda: (
                self.run.call_table(table)
                if table is not None
                else self.run.act(action, slot=slot, seconds=seconds)
            ),
            if_unsaved=True,
        )
        if not changed:
            return False
        self.refresh_state()
        self.refresh_bindings()
        return done

    def _report_save_failure(self, error: SessionError) -> None:
        if not self._save_failed:
            self.notify(t("notify.saved_failed", error=error), severity="error", timeout=30)
        self._save_failed = True

    def _watch_others(self) -> None:
        """Tell the host, once, when another console has taken the session over; show what
        the console holding the session writes."""
        if self.run.watch_lock():
            self.notify(t("notify.taken_over"), severity="error", timeout=3600)
        try:
            if self.run.refresh_followed():
                self._rebuild()
        except SessionError as error:
            self.notify(t("stage.unreadable", error=error), severity="error", timeout=5)

    def _retry_save(self) -> None:
        if not self.run.unsaved:
            return
        try:
            self.run.flush()
        except SessionError as error:
            self._report_save_failure(error)
            return
        if self._save_failed:
            self._save_failed = False
            self.notify(t("notify.saved_again"))

    # Actions ---------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Grey out the keys that cannot do anything now: all but help and quit while
        another console holds the session."""
        run = self.run
        if run.read_only and action not in ("help", "quit_day"):
            return None
        match action:
            case "start_pause":
                return any(run.can(a) for a in (Action.START, Action.PAUSE, Action.RESUME)) or None
            case "next" | "previous" | "finish":
                return run.can(Action(action)) or None
            case "goto":
                return not run.state().finished or None
            case "adjust":
                return run.can(Action.ADJUST, seconds=int(str(parameters[0]))) or None
            case "undo":
                return run.timeline.undoable is not None or None
            case "replan":
                return run.state().replan_helps or None
            case "notes":
                return run.session is not None or None
            case report if report in REPORT_ACTIONS:
                return self.report_possible(report)
            case stage if stage in STAGE_ACTIONS:
                return self.stage_key_possible(stage)
        return True

    def action_start_pause(self) -> None:
        """Space: start the slot, or pause it, or resume it."""
        for action in (Action.START, Action.PAUSE, Action.RESUME):
            if self.run.can(action):
                self._act(action)
                return

    def action_next(self) -> None:
        """End this slot and start the next one."""
        self._act(Action.NEXT)

    def action_previous(self) -> None:
        """Go back one slot, after asking."""
        if not self.run.can(Action.PREVIOUS):
            return
        target = self.run.state().current - 1
        title = self.run.agenda.slots[target].title
        confirm(
            self.app,
            t("confirm.previous", number=target + 1, title=title),
            lambda: self._act(Action.PREVIOUS),
        )

    def action_goto(self) -> None:
        """Pick a slot to go to; an earlier one asks first."""
        from facilitator.ui.dialogs.goto import GotoModal

        current = self.run.state().current
        self.app.push_screen(GotoModal(self.run.agenda, current), self._goto_picked)

    def _goto_picked(self, target: int | None) -> None:
        current = self.run.state().current
        if target is None or target == current:
            return
        if target > current:
            self._act(Action.GOTO, slot=target)
            return
        title = self.run.agenda.slots[target].title
        confirm(
            self.app,
            t("confirm.goto_earlier", number=target + 1, title=title),
            lambda: self._act(Action.GOTO, slot=target),
        )

    def action_adjust(self, seconds: int) -> None:
        """Give or take time on the current slot."""
        self._act(Action.ADJUST, seconds=seconds)

    def action_undo(self) -> None:
        """Take back the last timing action."""
        undone = self.run.timeline.undoable
        if self._act(Action.UNDO) and undone is not None:
            self.notify(t("notify.undone", action=t(f"action.{undone.action.value}")), timeout=3)
        else:
            self.notify(t("notify.nothing_to_undo"), timeout=3)

    def action_replan(self) -> None:
        """Propose a re-plan of the slots to come; Enter in the dialog applies it."""
        from facilitator.ui.dialogs.replan import ReplanModal

        self.app.push_screen(
            ReplanModal(self.run.agenda, self.run.replan_proposal), self._replanned
        )

    def _replanned(self, lengths: dict[int, int] | None) -> None:
        if lengths and self._write(lambda: self.run.apply_replan(lengths), if_unsaved=True)[1]:
            self.notify(t("notify.replanned"), timeout=4)
            self.refresh_state()
            self.refresh_bindings()

    def action_notes(self) -> None:
        """Switch to the notes screen, writing as "host"."""
        if self.run.session is not None:
            self.app.switch_mode("notes")

    def action_finish(self) -> None:
        """Finish the day, after asking."""
        if self.run.can(Action.FINISH):
            confirm(self.app, t("confirm.finish"), lambda: self._act(Action.FINISH))

    def action_help(self) -> None:
        """Show every key."""
        from facilitator.ui.dialogs.help import HelpModal, describe_bindings

        bindings = [binding for binding in self.BINDINGS if isinstance(binding, Binding)]
        self.app.push_screen(HelpModal(describe_bindings(bindings)))

    def action_quit_day(self) -> None:
        """Quit; while a slot runs, ask first. The session stays resumable."""
        from facilitator.ui.app import ask_then_quit

        ask_then_quit(self.app, self.quit_question())

    def quit_question(self) -> str | None:
        """Ask before quitting while one of the host's notes is not on disk, or while a slot
        is under way; the session stays resumable."""
        if self.run.notes_unsaved:
            return t("confirm.quit_queued")
        return t("confirm.quit") if self.run.slot_under_way else None
