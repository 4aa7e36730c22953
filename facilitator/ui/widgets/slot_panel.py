"""The host console's slot panel: the current slot, its countdown, what comes next."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical

from facilitator.agenda.model import ROUND_KINDS
from facilitator.i18n import countdown_text, minute_text, offset_text, span_text, t
from facilitator.roles.host import HostRun
from facilitator.roles.report_round import next_text, tally_text, turn_text
from facilitator.session.questions import marked_in
from facilitator.session.stage_show import StageMode
from facilitator.timing.events import Action
from facilitator.timing.steps import current_step
from facilitator.timing.timeline import DayState, Phase, SlotState
from facilitator.ui.looked_up import LooksUpOnce
from facilitator.ui.widgets.big_digits import BigDigits
from facilitator.ui.widgets.filled import FilledColumn
from facilitator.ui.widgets.plain_label import PlainLabel
from facilitator.ui.widgets.slot_progress import SlotProgress

PHASE_CLASSES = {phase: f"-{phase.value}" for phase in Phase}
MODE_LINES = {StageMode.CLOCK: "slot.stage_clock", StageMode.BLACKOUT: "slot.stage_blackout"}
"""What the panel says while the stage is not in its normal mode."""


class SlotPanel(LooksUpOnce, Vertical):
    """The slot under way as the host sees it; its class names the phase (`-warning`,
    `-overtime`, …) so the stylesheet colours the countdown and the border."""

    DEFAULT_CSS = """
    SlotPanel > .slot-lines {
        height: auto;
    }
    """

    def __init__(self, run: HostRun, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.run = run
        self._phase: Phase | None = None
        self._slot_shown: tuple[object, ...] = ()
        """The phase and the slot last drawn: the usual second changes neither."""
        self._next_for: tuple[object, ...] = ()
        self._next = ""
        self._round_blank = False
        """Whether the round's lines are cleared, in a slot without a round."""

    def compose(self) -> ComposeResult:
        """The slot's place and title, its countdown and progress, then what comes next.

        The lines above and below the digits, and the bar, are in blank containers of
        their own: Textual draws again every widget that shares a container with one that
        changed, so as the digits count down only the containers are (widgets/filled.py),
        not the lines they hold."""
        with FilledColumn(classes="slot-lines", id="slot-head"):
            yield PlainLabel(id="slot-position")
            yield PlainLabel(id="slot-title")
            yield PlainLabel(id="slot-speakers")
        yield BigDigits(id="countdown")
        with FilledColumn(classes="slot-lines", id="progress-row"):
            yield SlotProgress(id="progress")
        with FilledColumn(classes="slot-lines", id="slot-foot"):
            yield PlainLabel(id="slot-phase")
            yield PlainLabel(id="slot-step")
            yield PlainLabel(id="slot-step-next")
            yield PlainLabel(id="slot-question")
            yield PlainLabel(id="report-turn")
            yield PlainLabel(id="report-tally")
            yield PlainLabel(id="report-keys")
            yield PlainLabel(id="next")
            yield PlainLabel(id="stage-message")
            yield PlainLabel(id="host-note")

    def _set(self, widget_id: str, text: str) -> None:
        """Show `text` in a label, literally; it hides while empty."""
        self.widget(PlainLabel, widget_id).show(text)

    def show(self, state: DayState) -> None:
        """Draw the slot under way in `state`."""
        slot = state.current_slot
        phase = Phase.DONE if state.finished else slot.phase
        if phase is not self._phase:
            self._phase = phase
            for each, css_class in PHASE_CLASSES.items():
                self.set_class(each is phase, css_class)
        self._show_slot(slot.index, len(state.slots))
        if state.finished:
            self.widget(BigDigits).value = ""
            self._set("slot-phase", t("day.finished"))
            self._set(
                "next",
                t(
                    "day.summary",
                    time=minute_text(state.expected_end),
                    offset=offset_text(state.offset),
                ),
            )
            self._show_progress(slot, phase)
        else:
            self.count_down(slot)
            self._set("slot-phase", t(f"phase.{slot.phase.value}"))
            self._set("next", self._next_text(state))
        self._show_step(state)
        self._show_question(state)
        self._show_round(state)
        self._set("stage-message", self._on_stage_text())

    def count_down(self, slot: SlotState) -> None:
        """The running slot's digits and bar: all a second changes while the day holds
        steady (ui/steady_day.py)."""
        self.widget(BigDigits).value = countdown_text(slot.display_seconds)
        self._show_progress(slot, slot.phase)

    def _show_progress(self, slot: SlotState, phase: Phase) -> None:
        planned = max(1, slot.planned_duration + slot.adjustment)
        self.widget(SlotProgress).show(slot.elapsed, planned, phase)

    def _show_slot(self, index: int, count: int) -> None:
        """What the agenda says of the slot: drawn when the slot (or the agenda) changes,
        not every second."""
        if (self.run.agenda, index, count) == self._slot_shown:
            return
        self._slot_shown = (self.run.agenda, index, count)
        agenda_slot = self.run.agenda.slots[index]
        self._set(
            "slot-position",
            f"{t('slot.position', number=index + 1, count=count)} · "
            f"{t('kind.' + agenda_slot.kind.value)}",
        )
        self._set("slot-title", agenda_slot.title)
        self._set("slot-speakers", ", ".join(agenda_slot.speakers))
        self._set("host-note", t("slot.note", note=agenda_slot.note) if agenda_slot.note else "")

    def _show_step(self, state: DayState) -> None:
        """The phase inside the slot, its countdown and the one after it."""
        step = current_step(self.run.agenda, state)
        if step is None:
            self._set("slot-step", "")
            self._set("slot-step-next", "")
            return
        number, count = step.number + 1, step.count
        countdown = countdown_text(step.display_seconds)
        text = t("slot.step", number=number, count=count, title=step.title, countdown=countdown)
        self._set("slot-step", text)
        following = step.next
        self._set(
            "slot-step-next",
            t("slot.step_next", title=following.title, length=span_text(following.seconds))
            if following
            else t("slot.step_last"),
        )

    def _show_question(self, state: DayState) -> None:
        """The question the host has marked on the stage, if any."""
        questions = self.run.agenda.slots[state.current].questions
        marked = marked_in(self.run.stage_question, state.current, len(questions))
        if marked is None or state.finished:
            self._set("slot-question", "")
            return
        text = questions[marked]
        self._set(
            "slot-question", t("slot.question", number=marked + 1, count=len(questions), text=text)
        )

    def _show_round(self, state: DayState) -> None:
        """The report-back round: the table reporting, its countdown and who is next."""
        report = None if state.finished else state.report
        no_round = state.finished or self.run.agenda.slots[state.current].kind not in ROUND_KINDS
        if report is None and no_round:
            if not self._round_blank:  # cleared once, not every second of every other slot
                self._round_blank = True
                for label in ("report-turn", "report-tally", "report-keys"):
                    self._set(label, "")
                self.widget(PlainLabel, "report-turn").remove_class("-over")
            return
        self._round_blank = False
        turn = ""
        if report is not None:
            turn = " · ".join(filter(None, (turn_text(report), next_text(report))))
        self._set("report-turn", turn)
        self.widget(PlainLabel, "report-turn").set_class(bool(report and report.over), "-over")
        tally = tally_text(report.reported, report.missing) if report is not None else ""
        self._set("report-tally", tally)
        if report is not None and report.active:
            keys = t("round.keys")
        elif no_round:
            keys = ""  # no round here: no need to ask the timeline whether one can start
        else:
            keys = t("round.start_hint") if self.run.can(Action.REPORT_START) else ""
        self._set("report-keys", keys)

    def _next_text(self, state: DayState) -> str:
        """What comes next and when; written again only when that changes, which on time
        is once a slot (a time of day in words costs more than the rest of a second)."""
        following = state.next_slot
        if following is None:
            return t("slot.last")
        inputs = (self.run.agenda, following.index, following.expected_start)
        if inputs != self._next_for:
            title = self.run.agenda.slots[following.index].title
            time = minute_text(following.expected_start)
            self._next_for, self._next = inputs, t("slot.next", time=time, title=title)
        return self._next

    def _on_stage_text(self) -> str:
        """What the stage shows besides the countdown: its mode, the message (and how it
        shows) and the cloud."""
        parts = []
        if self.run.stage_mode in MODE_LINES:
            parts.append(t(MODE_LINES[self.run.stage_mode]))
        shown = self.run.shown_message
        if shown is not None:
            how = [t("slot.whole")] if shown.full else []
            how += [t("slot.pinned")] if shown.pinned else []
            parts.append(" · ".join([t("slot.message", text=shown.text), *how]))
        if self.run.stage_cloud is not None:
            parts.append(t("slot.cloud", title=self.run.agenda.slots[self.run.stage_cloud].title))
        return "  ".join(parts)
