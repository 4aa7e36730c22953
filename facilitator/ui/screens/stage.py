"""The stage screen: giant digits for a projector or a speaker's monitor, read-only.

It draws what the stage role (facilitator.roles.stage) says; the role follows the session
and computes the time from the log and the clock.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.timer import Timer

from facilitator.errors import SessionError
from facilitator.i18n import t
from facilitator.roles.stage import Stage
from facilitator.session.stage_show import StageMode
from facilitator.timing.timeline import Phase
from facilitator.ui.localize import Localized
from facilitator.ui.ticking import redraw_delay
from facilitator.ui.widgets.big_digits import BigDigits
from facilitator.ui.widgets.big_text import BigText
from facilitator.ui.widgets.join_code import JoinCode
from facilitator.ui.widgets.plain_label import PlainLabel
from facilitator.ui.widgets.stage_questions import StageQuestions
from facilitator.ui.widgets.word_cloud import WordCloud

FOLLOW_SECONDS = 0.5
"""How often the session's file is looked at."""


class StageScreen(Localized, Screen[None]):
    """Slot, speaker, countdown, what is next and the host's message; nothing to operate."""

    CSS_PATH = "stage.tcss"
    BINDINGS = [
        Binding("t", "toggle_theme", "key.theme", id="theme"),
        Binding("q", "quit_stage", "key.quit", id="quit"),
    ]

    def __init__(self, stage: Stage) -> None:
        super().__init__()
        self.stage = stage
        self._next_draw: Timer | None = None

    def compose(self) -> ComposeResult:
        """The stage's parts, top to bottom."""
        with Vertical(id="stage"):
            yield PlainLabel(id="stage-title")
            yield PlainLabel(id="stage-speakers")
            yield PlainLabel(id="stage-step")
            yield PlainLabel(id="stage-report")
            yield BigDigits(id="stage-countdown")
            yield PlainLabel(id="stage-step-next")
            yield StageQuestions(id="stage-questions")
            yield WordCloud(id="stage-cloud")
            yield BigText(id="stage-big-message")
            yield JoinCode(id="stage-join")
            yield PlainLabel(id="stage-message")
            yield PlainLabel(id="stage-next")

    def on_mount(self) -> None:
        """Find the session, then follow it; each redraw schedules the next."""
        self.query_one(WordCloud).empty_text = t("notes.cloud_empty")
        self.follow()
        self.draw()
        self.set_interval(FOLLOW_SECONDS, self.follow)

    def follow(self) -> None:
        """Ask the role to look for changes, and redraw when there are some."""
        try:
            changed = self.stage.follow()
        except SessionError as error:
            # The role keeps the last good copy; a half-synced file is usually fixed soon.
            self.notify(t("stage.unreadable", error=error), severity="error", timeout=5)
            return
        if changed:
            self.draw()

    def draw(self) -> None:
        """Show what the role says for this moment, and come back when it changes."""
        if self._next_draw is not None:
            self._next_draw.stop()
        view = self.stage.view()
        if view.change_in is not None:
            self._next_draw = self.set_timer(redraw_delay(view.change_in, view.longest), self.draw)
        self._label("stage-title", view.title)
        self._label("stage-speakers", view.speakers)
        self._label("stage-report", view.report)
        self.query_one(BigDigits).value = view.digits
        self.set_class(view.cloud is not None, "-cloud")
        self.set_class(view.message_full, "-message-full")
        self.set_class(view.alert, "-alert")
        for mode in StageMode:
            self.set_class(view.mode is mode, f"-mode-{mode.value}")
        self.set_class(view.join_url is not None, "-join")
        self.query_one(JoinCode).show(view.join_url)
        if view.cloud is not None:
            self.query_one(WordCloud).terms = view.cloud
        self._label("stage-next", view.next)
        self._label("stage-step", view.step)
        self._label("stage-step-next", view.step_next)
        questions = self.query_one(StageQuestions)
        questions.questions = view.questions
        questions.marked = view.question
        # The line gives way to the message in large type (a label's own display wins over CSS).
        self._label("stage-message", "" if view.message_full else view.message)
        big = self.query_one(BigText)
        big.text = view.message if view.message_full else ""
        for each in Phase:
            self.set_class(each is view.phase, f"-{each.value}")
        self.query_one("#stage-message").set_class(view.flashing, "-flash")
        big.set_class(view.flashing, "-flash")

    def _label(self, widget_id: str, text: str) -> None:
        self.query_one(f"#{widget_id}", PlainLabel).show(text)

    def action_toggle_theme(self) -> None:
        """Dark stage or light stage: whichever reads better in the room."""
        self.toggle_class("-light")

    def action_quit_stage(self) -> None:
        """Close the stage screen; it only reads, so nothing is lost."""
        self.app.exit()
