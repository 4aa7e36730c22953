"""The organiser's choice of export format."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from facilitator.i18n import t
from facilitator.ui.localize import Localized
from facilitator.ui.widgets.plain_label import PlainLabel

FORMAT_KEYS = ("md", "csv", "ics", "toml")


class ExportModal(Localized, ModalScreen[str | None]):
    """Four formats; Enter or the format's first letter picks one, Escape none."""

    BINDINGS = [
        Binding("escape", "pick(None)", "key.cancel", id="export.cancel"),
        Binding("m", "pick('md')", show=False),
        Binding("c", "pick('csv')", show=False),
        Binding("i", "pick('ics')", show=False),
        Binding("t", "pick('toml')", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()

    def compose(self) -> ComposeResult:
        """The formats with what each is for."""
        with Vertical(classes="dialog"):
            yield PlainLabel(t("export.title"), classes="question")
            yield OptionList(
                *[Option(t(f"export.{form}"), id=form) for form in FORMAT_KEYS],
                id="formats",
                markup=False,
            )

    def on_mount(self) -> None:
        """Focus the list."""
        self.query_one("#formats", OptionList).focus()

    @on(OptionList.OptionSelected, "#formats")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_pick(self, form: str | None) -> None:
        """Close with `form`."""
        self.dismiss(form)
