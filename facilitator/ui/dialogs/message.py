"""The host's message to the stage screen, with the usual ones offered as suggestions."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input

from facilitator.i18n import t
from facilitator.ui.localize import Localized
from facilitator.ui.widgets.clean_input import CleanInput
from facilitator.ui.widgets.plain_label import PlainLabel


class MessageModal(Localized, ModalScreen[str | None]):
    """One line of text; Enter sends it (empty clears the stage), Escape cancels."""

    BINDINGS = [Binding("escape", "cancel", "key.cancel", id="message.cancel")]

    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        """A label, the message on stage now, and an empty input: what is typed replaces it."""
        presets = t("message.presets").split("|")
        with Vertical(classes="dialog"):
            yield PlainLabel(t("message.title"), classes="question")
            if self.current:
                yield PlainLabel(t("message.current", text=self.current), classes="hint")
            yield CleanInput(
                placeholder=t("message.placeholder"),
                suggester=SuggestFromList(presets, case_sensitive=False),
                id="message",
                max_length=200,
            )

    @on(Input.Submitted, "#message")
    def _send(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        """Close without sending."""
        self.dismiss(None)
