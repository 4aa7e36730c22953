"""How much of the current slot has gone: a thin bar that redraws only when it moves."""

from __future__ import annotations

from rich.console import RenderableType
from rich.progress_bar import ProgressBar as RichBar
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widget import Widget

from facilitator.timing.timeline import Phase
from facilitator.ui.widgets.sizing import content_size

PHASE_COLOURS = {
    Phase.RUNNING: "green",
    Phase.WARNING: "yellow",
    Phase.OVERTIME: "red",
    Phase.PAUSED: "cyan",
    Phase.PENDING: "grey50",
    Phase.DONE: "grey50",
}
REST_COLOUR = "grey23"
"""The part of the bar still to go."""


class SlotProgress(Widget):
    """A one-line bar; unlike Textual's ProgressBar it keeps no timers of its own, so a
    countdown costs no more than its once-a-second redraw. It draws its line itself, the
    segments Rich's bar gives, without laying a renderable out each time it moves."""

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
        width = max(1, content_size(self).width)
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
            style=REST_COLOUR,
        )
        self.refresh()  # one line whatever it shows: no layout to redo

    def render(self) -> RenderableType:
        """The bar as last shown."""
        return self._bar

    def render_line(self, y: int) -> Strip:
        """The bar's line, as Rich would draw `render()` on this widget's style; anything
        Rich would draw otherwise (no colours, no Unicode, no bar yet) it draws itself."""
        bar, console = self._bar, self.app.console
        ascii_only = not console.encoding.startswith("utf")  # Rich's test, as in its options
        plain = console.no_color or console.color_system is None or ascii_only
        if y or plain or not isinstance(bar, RichBar) or not bar.total:
            return super().render_line(y)
        width = content_size(self).width
        done = min(bar.total, max(0, bar.completed))
        bars, half = divmod(int(width * 2 * done / bar.total), 2)
        base = self.visual_style.rich_style
        finished = bar.completed >= bar.total
        ahead = base + Style.parse(str(bar.finished_style if finished else bar.complete_style))
        rest = base + Style.parse(REST_COLOUR)
        segments = []
        if bars:
            segments.append(Segment("━" * bars, ahead))
        if half:
            segments.append(Segment("╸", ahead))
        remaining = width - bars - half
        if remaining and not half and bars:
            segments.append(Segment("╺", rest))
            remaining -= 1
        if remaining:
            segments.append(Segment("━" * remaining, rest))
        return Strip(segments, width)
