"""How much of the current slot has gone: a thin bar that redraws only when it moves."""

from __future__ import annotations

from rich.console import RenderableType
from rich.progress_bar import ProgressBar as RichBar
from textual.widget import Widget

from facilitator.timing.timeline import Phase

PHASE_COLOURS = {
    Phase.RUNNING: "green",
    Phase.WARNING: "yellow",
    Phase.OVERTIME: "red",
    Phase.PAUSED: "cyan",
    Phase.PENDING: "grey50",
    Phase.DONE: "grey50",
}


class SlotProgress(Widget):
    """A one-line bar; unlike Textual's ProgressBar it keeps no timers of its own, so a
    countdown costs no more than its once-a-second redraw."""

    DEFAULT_CSS = """
    SlotProgress {
        height: 1;
        width: 100%;
    }
    """

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[int, Phase] | None = None
        self._bar: RenderableType = ""

    def show(self, elapsed: float, planned: float, phase: Phase) -> None:
        """Draw `elapsed` of `planned` seconds in the phase's colour, if the bar moved."""
        width = max(1, self.content_size.width)
        cells = min(width * 2, int(elapsed / max(planned, 1) * width * 2))  # half cells
        if (cells, phase) == self._shown:
            return
        self._shown = (cells, phase)
        colour = PHASE_COLOURS[phase]
        self._bar = RichBar(
            total=width * 2,
            completed=cells,
            complete_style=colour,
            finished_style=colour,
            style="grey23",
        )
        self.refresh()  # one line whatever it shows: no layout to redo

    def render(self) -> RenderableType:
        """The bar as last shown."""
        return self._bar
