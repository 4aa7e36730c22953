"""The slot's bar: drawn line by line, it shows exactly what Rich's progress bar would."""

from __future__ import annotations

import pytest
from rich.segment import Segment
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from facilitator.timing.timeline import Phase
from facilitator.ui.widgets.slot_progress import SlotProgress


class BarApp(App[None]):
    """One bar, `width` cells wide, under the stylesheet given."""

    def __init__(self, css: str) -> None:
        self.CSS = css
        super().__init__()

    def compose(self) -> ComposeResult:
        yield SlotProgress(id="bar")


def segments(strip: Strip) -> list[Segment]:
    return list(strip)


@pytest.mark.parametrize(
    "css",
    ["SlotProgress { width: 67; }", "SlotProgress { width: 40; background: $panel; }"],
)
async def test_the_bar_draws_what_rich_would_draw(css: str) -> None:
    app = BarApp(css)
    async with app.run_test(size=(80, 5)) as pilot:
        bar = app.query_one(SlotProgress)
        assert segments(bar.render_line(0)) == segments(Widget.render_line(bar, 0))  # no bar yet
        for phase in Phase:
            for elapsed in [0, 0.5, 1, 2.2, 3, 150, 151.1, 299, 300, 400]:
                bar.show(elapsed, 300, phase)
                await pilot.pause()
                bar.refresh()  # Rich's rendering below lays the bar out afresh
                assert segments(bar.render_line(0)) == segments(Widget.render_line(bar, 0))
                whole = Region(0, 0, *bar.outer_size)
                ours, textuals = bar.render_lines(whole), Widget.render_lines(bar, whole)
                assert list(map(segments, ours)) == list(map(segments, textuals))


async def test_the_bar_is_drawn_again_only_when_it_moves_by_half_a_cell() -> None:
    app = BarApp("SlotProgress { width: 60; }")
    async with app.run_test(size=(80, 5)) as pilot:
        bar = app.query_one(SlotProgress)
        drawn = []
        bar.refresh = lambda *regions, **options: drawn.append(1)  # type: ignore[method-assign]
        for second in range(301):
            bar.show(second, 300, Phase.RUNNING)
        await pilot.pause()
        assert len(drawn) == 120 + 1  # every half cell of 60 cells, and the empty bar
