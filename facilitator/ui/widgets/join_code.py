"""The QR code that phones scan to join `facilitator serve`, with its caption and address."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from facilitator.i18n import t
from facilitator.roles.join import qr_lines


class JoinCode(Widget):
    """Draws the join URL as a QR code in block characters, light on dark whatever the
    theme (scanners read dark modules on a light ground), centred."""

    DEFAULT_CSS = """
    JoinCode {
        height: 1fr;
        width: 100%;
        content-align: center middle;
    }
    """

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self.url: str | None = None
        self._lines: list[str] = []

    def show(self, url: str | None) -> None:
        """Draw the code of `url`; nothing to do when it is already drawn."""
        if url == self.url:
            return
        self.url = url
        self._lines = qr_lines(url) if url else []
        self.refresh(layout=True)

    def render(self) -> Text:
        """The caption, the code and the address, each line centred."""
        if not self._lines:
            return Text("")
        text = Text(justify="center", no_wrap=True, overflow="crop")
        text.append(t("stage.join") + "\n\n", style="bold")
        for line in self._lines:
            text.append(line, style="#ffffff on #000000")
            text.append("\n")
        text.append("\n" + (self.url or ""), style="dim")
        return text
