"""The host picks a table to report out of turn: type its number, Enter."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input

from facilitator.i18n import t
from facilitator.ui.localize import Localized
from facilitator.ui.widgets.clean_input import CleanInput
from facilitator.ui.widgets.plain_label import PlainLabel


class TablePickModal(Localized, ModalScreen[int | None]):
    """A table number; Enter gives it when `allowed` says that table can report now
    (otherwise the dialog says why and stays), Escape gives None."""

    BINDINGS = [Binding("escape", "cancel", "key.cancel", id="table_pick.cancel")]

    def __init__(self, tables: int, allowed: Callable[[int], bool]) -> None:
        super().__init__()
        self.tables = tables
        self.allowed = allowed

    def compose(self) -> ComposeResult:
        """The question, the number, and what Enter and Escape do."""
        with Vertical(classes="dialog"):
            yield PlainLabel(t("round.pick", tables=self.tables), classes="question")
            yield CleanInput(type="integer", max_length=3, id="table-number")
            yield PlainLabel(t("round.pick_hint"), classes="hint", id="table-pick-hint")

    @on(Input.Submitted, "#table-number")
    def _picked(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        table = int(text) if text.isdigit() else 0
        if self.allowed(table):
            self.dismiss(table)
            return
        hint = self.query_one("#table-pick-hint", PlainLabel)
        hint.show(t("round.pick_bad", table=text or "?", tables=self.tables))

    def action_cancel(self) -> None:
        """Close; no table is called."""
        self.dismiss(None)
