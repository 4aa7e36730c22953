"""How much of the current slot has gone: a thin bar that redraws only when it moves."""

from __future__ import annotations

from rich.console import RenderableType
from rich.progress_bar import ProgressBar as RichBar
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.widget import Widget

from facilitator.timing.timeline import Phase
from facilitator.ui.widgets.plain_lines import draws_plainly, plain_lines
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
        self._drawn_for: tuple[object, ...] = ()
        self._drawn = Strip([])
        """The line last drawn, and what it was drawn for."""

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

    def render_lines(self, crop: Region) -> list[Strip]:
        """The bar's line straight from the line drawn last when Textual would add nothing
        to it (plain_lines.py)."""
        line = self._line() if self.outer_size.height == 1 and draws_plainly(self) else None
        if line is None:
            return super().render_lines(crop)
        return plain_lines(self, [line], crop)

    def render_line(self, y: int) -> Strip:
        """The bar's line, as Rich would draw `render()` on this widget's style; anything
        Rich would draw otherwise (no colours, no Unicode, no bar yet) Rich draws."""
        line = None if y else self._line()
        return super().render_line(y) if line is None else line

    def _line(self) -> Strip | None:
        """The bar's line, drawn again only when the bar, its width or its style change;
        None where Rich's own drawing is needed."""
        bar, console = self._bar, self.app.console
        ascii_only = not console.encoding.startswith("utf")  # Rich's test, as in its options
        plain = console.no_color or console.color_system is None or ascii_only
        if plain or not isinstance(bar, RichBar) or not bar.total:
            return None
        key = (bar, content_size(self).width, self.visual_style)
        if key != self._drawn_for:
            self._drawn_for, self._drawn = key, self._draw(bar, key[1], self.visual_style)
        return self._drawn

    @staticmethod
    def _draw(bar: RichBar, width: int, style: VisualStyle) -> Strip:
        """The segments Rich's bar gives, on the widget's style."""
        done = min(bar.total or 0, max(0, bar.completed))
        bars, half = divmod(int(width * 2 * done / (bar.total or 1)), 2)
        base = style.rich_style
        finished = bar.completed >= (bar.total or 0)
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
