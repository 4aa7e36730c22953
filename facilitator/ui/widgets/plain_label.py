"""A label for text from a person or a file: shown as typed, hidden while empty."""

from __future__ import annotations

from textual.widgets import Label


class PlainLabel(Label):
    """A line of text that is never read as markup: `Lunch [/lunch] now` and
    `[@click=app.quit]` show as typed and do nothing. It hides while its text is empty and
    redraws only when the text changes, so a console can set it on every tick."""

    def __init__(
        self, text: str = "", *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(text, markup=False, id=id, classes=classes)
        self.text = text
        """The text shown."""
        self.display = bool(text)

    def show(self, text: str) -> None:
        """Show `text`, or hide when it is empty; nothing to do when it is already shown."""
        if text == self.text:
            return
        self.text = text
        self.update(text)
        self.display = bool(text)
