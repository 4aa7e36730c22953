"""The CPU baseline: a bare Textual app counting one Digits down once a second."""

from textual.app import App, ComposeResult
from textual.widgets import Digits


class CountdownApp(App[None]):
    """Nothing but a countdown's digits, redrawn at 1 Hz."""

    def __init__(self) -> None:
        super().__init__()
        self.left = 2 * 3600

    def compose(self) -> ComposeResult:
        """One Digits."""
        yield Digits(self._text())

    def on_mount(self) -> None:
        """Count down once a second."""
        self.set_interval(1, self._tick)

    def _text(self) -> str:
        return f"{self.left // 60:02d}:{self.left % 60:02d}"

    def _tick(self) -> None:
        self.left -= 1
        self.query_one(Digits).update(self._text())


if __name__ == "__main__":
    CountdownApp().run()
