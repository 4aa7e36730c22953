"""The first-paint baseline: a bare Textual app showing one Digits."""

from textual.app import App, ComposeResult
from textual.widgets import Digits


class DigitsApp(App[None]):
    """Nothing but a countdown's digits."""

    def compose(self) -> ComposeResult:
        """One Digits."""
        yield Digits("05:00")


if __name__ == "__main__":
    DigitsApp().run()
