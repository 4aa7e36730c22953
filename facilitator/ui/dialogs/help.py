"""Every key of the screen underneath, from its own bindings so the list is never stale."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.events import Key
from textual.screen import ModalScreen
from textual.widgets import Static

from facilitator.i18n import t
from facilitator.ui.widgets.plain_label import PlainLabel


class HelpModal(ModalScreen[None]):
    """A table of key and what it does; any key closes it."""

    def __init__(self, bindings: list[tuple[str, str]]) -> None:
        super().__init__()
        self.bindings_help = bindings

    def compose(self) -> ComposeResult:
        """The title, the table and how to close it."""
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold")
        table.add_column()
        for keys, description in self.bindings_help:
            table.add_row(Text(keys), Text(description))
        with Vertical(classes="dialog"):
            yield PlainLabel(t("help.title"), classes="question")
            yield Static(table)
            for line in getattr(self.app, "help_lines", ()):
                yield PlainLabel(line, classes="hint")
            yield PlainLabel(t("help.close"), classes="hint")

    def on_key(self, event: Key) -> None:
        """Any key closes the help."""
        event.stop()
        self.dismiss(None)


KEY_NAMES = {
    "space": "space",
    "plus": "+",
    "minus": "-",
    "equals_sign": "=",
    "ctrl+z": "ctrl+z",
    "question_mark": "?",
    "f1": "F1",
    "full_stop": ".",
    "comma": ",",
}
"""Keys as a person types them, where Textual's name differs."""


def describe_bindings(
    bindings: list[Binding], display: dict[str, str] = KEY_NAMES
) -> list[tuple[str, str]]:
    """(keys, help text) for each binding with an id, keys shown as a person types them."""
    rows = []
    for binding in bindings:
        if binding.id is None:
            continue
        keys = ", ".join(display.get(key, key) for key in binding.key.split(","))
        rows.append((keys, t(f"help.{binding.id}")))
    return rows
