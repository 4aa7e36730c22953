"""A picker of slots for the host's `g` key."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from facilitator.agenda.model import Agenda
from facilitator.i18n import clock_text, t
from facilitator.ui.localize import Localized
from facilitator.ui.widgets.plain_label import PlainLabel


class GotoModal(Localized, ModalScreen[int | None]):
    """Lists every slot; Enter picks one, Escape picks none."""

    BINDINGS = [Binding("escape", "dismiss_none", "key.cancel", id="goto.cancel")]

    def __init__(self, agenda: Agenda, current: int, title: str | None = None) -> None:
        super().__init__()
        self.agenda = agenda
        self.current = current
        self.title_text = title or t("goto.title")

    def compose(self) -> ComposeResult:
        """The title and the list of slots, the current one highlighted."""
        options = [
            Option(
                f"{index + 1:>2}  {clock_text(slot.start)}  {slot.title}"
                + ("  ◀" if index == self.current else ""),
                id=str(index),
            )
            for index, slot in enumerate(self.agenda.slots)
        ]
        with Vertical(classes="dialog"):
            yield PlainLabel(self.title_text, classes="question")
            yield OptionList(*options, id="slots", markup=False)

    def on_mount(self) -> None:
        """Start at the slot after the current one, the usual target."""
        slots = self.query_one("#slots", OptionList)
        slots.highlighted = min(self.current + 1, len(self.agenda.slots) - 1)
        slots.focus()

    @on(OptionList.OptionSelected, "#slots")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))

    def action_dismiss_none(self) -> None:
        """Close without picking."""
        self.dismiss(None)
