"""The host's message to the stage: typed, or a preset picked by its number, with how it
shows (the whole stage or a line, flashing or not, pinned past its slot or not)."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input

from facilitator.agenda.model import MESSAGE_LENGTH
from facilitator.i18n import t
from facilitator.ui.localize import Localized
from facilitator.ui.widgets.clean_input import CleanInput
from facilitator.ui.widgets.plain_label import PlainLabel

OPTIONS = ("full", "flash", "pinned")
"""The message's options, each a checkbox and a function key (F2, F3, F4)."""


@dataclass(frozen=True)
class MessageChoice:
    """What the host chose to send: the text ("" clears the stage) and how it shows."""

    text: str
    full: bool = False
    flash: bool = True
    pinned: bool = False


def preset_for(typed: str, presets: list[str]) -> str | None:
    """The preset a typed number picks ("2" is the second), or None for any other text."""
    typed = typed.strip()
    if typed.isdigit() and 1 <= int(typed) <= len(presets):
        return presets[int(typed) - 1]
    return None


class MessageModal(Localized, ModalScreen[MessageChoice | None]):
    """One line of text or a preset's number; F2, F3 and F4 switch the options; Enter sends
    it (empty clears the stage), Escape cancels."""

    BINDINGS = [
        Binding("escape", "cancel", "key.cancel", id="message.cancel"),
        Binding("f2", "switch_option('full')", "message.full", id="message.full"),
        Binding("f3", "switch_option('flash')", "message.flash", id="message.flash"),
        Binding("f4", "switch_option('pinned')", "message.pinned", id="message.pinned"),
    ]

    def __init__(self, current: str, presets: list[str]) -> None:
        super().__init__()
        self.current = current
        self.presets = presets
        defaults = MessageChoice("")
        self.options = {option: getattr(defaults, option) for option in OPTIONS}
        """Each option as it will be sent; F2, F3 and F4 switch them."""

    def compose(self) -> ComposeResult:
        """The title, the message on stage now, the numbered presets, the input (what is
        typed replaces the message on stage), the options and how to send."""
        with Vertical(classes="dialog"):
            yield PlainLabel(t("message.title"), classes="question")
            if self.current:
                yield PlainLabel(t("message.current", text=self.current), classes="hint")
            for number, preset in enumerate(self.presets, start=1):
                yield PlainLabel(f"{number}  {preset}", classes="preset")
            yield CleanInput(
                placeholder=t("message.placeholder"),
                suggester=SuggestFromList(self.presets, case_sensitive=False),
                id="message",
                max_length=MESSAGE_LENGTH,
            )
            yield PlainLabel(id="message-preset", classes="hint")
            yield PlainLabel(self._options_text(), id="message-options")
            yield PlainLabel(t("message.how"), classes="hint")

    @on(Input.Changed, "#message")
    def _show_preset(self, event: Input.Changed) -> None:
        """Say which preset a typed number sends, before Enter sends it."""
        preset = preset_for(event.value, self.presets)
        label = self.query_one("#message-preset", PlainLabel)
        label.show(t("message.sends", text=preset) if preset else "")

    @on(Input.Submitted, "#message")
    def _send(self, event: Input.Submitted) -> None:
        typed = event.value.strip()
        text = preset_for(typed, self.presets) or typed
        self.dismiss(MessageChoice(text, **self.options))

    def _options_text(self) -> str:
        """ "F2 [x] Whole stage   F3 [x] Flash   F4 [ ] Pin past the slot": plain text, so
        that it reads the same on every terminal (a label shows it literally)."""
        return "   ".join(
            f"{key} [{'x' if self.options[option] else ' '}] {t('message.' + option)}"
            for key, option in zip(("F2", "F3", "F4"), OPTIONS, strict=True)
        )

    def action_switch_option(self, option: str) -> None:
        """Switch one of the message's options."""
        self.options[option] = not self.options[option]
        self.query_one("#message-options", PlainLabel).show(self._options_text())

    def action_cancel(self) -> None:
        """Close without sending."""
        self.dismiss(None)
