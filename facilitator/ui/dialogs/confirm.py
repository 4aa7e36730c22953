"""A yes/no question that a host answers with one key, and `confirm`, which asks it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button

from facilitator.i18n import t
from facilitator.ui.localize import Localized
from facilitator.ui.widgets.plain_label import PlainLabel


class ConfirmModal(Localized, ModalScreen[bool]):
    """Asks before a destructive action; y or Enter on Yes confirms, n or Escape declines."""

    BINDINGS = [
        Binding("y", "answer(True)", "confirm.yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "confirm.no", id="confirm.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        """The question and two buttons; No has the focus, so a stray Enter declines."""
        with Vertical(classes="dialog"):
            yield PlainLabel(self.question, classes="question")
            with Horizontal(classes="buttons"):
                yield Button(t("confirm.yes"), id="yes", variant="warning")
                yield Button(t("confirm.no"), id="no", variant="primary")

    def on_mount(self) -> None:
        """Focus No."""
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        """Close with `answer`."""
        self.dismiss(answer)


def confirm(app: App[Any], question: str, then: Callable[[], object]) -> None:
    """Ask `question`; run `then` only on yes."""

    def answered(yes: bool | None) -> None:
        if yes:
            then()

    app.push_screen(ConfirmModal(question), answered)
