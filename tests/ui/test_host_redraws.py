"""What the host console draws again while a slot counts down: the cells of the countdown
that change, the bar when it moves, and the blank containers around them. The list, the
header and the lines around the digits change at most once a minute and are not drawn in
between. Counted with spies on Textual's drawing calls, never timed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from facilitator.ui.widgets.big_digits import BigDigits, render_blocks
from facilitator.ui.widgets.slot_progress import SlotProgress
from tests.ui.harness import HostFixture
from tests.ui.waiting import settled

SIZE = (120, 40)
SECONDS = 120
"""Two minutes of the five-minute welcome: the header's clock turns twice."""

Drawn = Counter[str]


def name(widget: Widget) -> str:
    return f"{type(widget).__name__}#{widget.id}"


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> Drawn:
    """How often the screen asked each widget for its lines."""
    counts: Drawn = Counter()
    drawing: set[Widget] = set()  # a widget's own method calling Textual's counts once

    def spy(original: Callable[[Any, Region], list[Strip]]) -> Any:
        def render_lines(self: Widget, crop: Region) -> list[Strip]:
            if self in drawing:
                return original(self, crop)
            counts[name(self)] += 1
            drawing.add(self)
            try:
                return original(self, crop)
            finally:
                drawing.discard(self)

        return render_lines

    for cls in (Widget, BigDigits, SlotProgress):
        monkeypatch.setattr(cls, "render_lines", spy(cls.render_lines))
    return counts


@pytest.fixture
def refreshed(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, tuple[Region, ...]]]:
    """Every widget that asked to be drawn again, with the regions it named."""
    calls: list[tuple[str, tuple[Region, ...]]] = []
    original = Widget.refresh

    def refresh(self: Widget, *regions: Region, **options: Any) -> Widget:
        calls.append((name(self), regions))
        return original(self, *regions, **options)

    monkeypatch.setattr(Widget, "refresh", refresh)
    return calls


async def count_down(host: HostFixture, pilot: Any, *spies: Counter[str] | list[Any]) -> None:
    """Start the welcome, then let `SECONDS` seconds pass one by one, each drawn; the
    spies count from the first second on."""
    await settled(pilot)
    await pilot.press("space")
    host.tick(0.3)  # the slot's seconds turn 0.3 s after the clock's
    await pilot.pause()
    for spy in spies:
        spy.clear()
    for _ in range(SECONDS):
        host.tick(1)
        await pilot.pause()


EVERY_SECOND = {
    "BigDigits#countdown",
    # What holds it, and what else the screen, the main row and the panel hold: Textual
    # draws them again with it. All but the panel's border and the footer are blank
    # containers (widgets/filled.py), whose lines cost nothing to draw.
    "HostScreen#None",
    "FilledColumn#header-row",
    "FilledRow#main",
    "Footer#None",
    "SlotPanel#slot-panel",
    "FilledColumn#agenda-column",
    "FilledColumn#slot-head",
    "FilledColumn#progress-row",
    "FilledColumn#slot-foot",
}


async def test_a_second_draws_the_countdown_and_not_the_list_header_or_lines(
    host: HostFixture, drawn: Drawn
) -> None:
    async with host.app.run_test(size=SIZE) as pilot:
        await count_down(host, pilot, drawn)
        assert {widget for widget, count in drawn.items() if count == SECONDS} == EVERY_SECOND
        screen = host.screen
        blank = {name(widget) for widget in [screen, *screen.query("*")] if widget.BLANK}
        assert blank == EVERY_SECOND - {
            "BigDigits#countdown",
            "Footer#None",
            "SlotPanel#slot-panel",
        }
        # The header's clock shows minutes: it, and what lies beside it, is drawn again as
        # the minute turns (twice in two minutes); the list's rows do not change at all
        # while the day runs on time, nor do the lines around the digits.
        assert drawn.pop("DayHeader#header") == 2
        # The bar moves by half cells: 2 x 66 steps over the 300 s slot, 53 in 120 s.
        assert drawn.pop("SlotProgress#progress") <= 2 * 66 * SECONDS // 300 + 1
        others = {widget: count for widget, count in drawn.items() if widget not in EVERY_SECOND}
        assert "AgendaList#agenda" in others  # the spy sees it, when it is drawn
        assert max(others.values()) <= 2, others


async def test_a_second_repaints_only_the_rows_that_change(
    host: HostFixture, refreshed: list[tuple[str, tuple[Region, ...]]]
) -> None:
    async with host.app.run_test(size=SIZE) as pilot:
        await count_down(host, pilot, refreshed)
        digits = host.screen.query_one(BigDigits)
        width, height = digits.content_size
        rows = len(render_blocks(digits.value, width, height) or ())
        repaints = [regions for widget, regions in refreshed if widget == "BigDigits#countdown"]
        assert len(repaints) == SECONDS  # one a second, each naming the rows it changes
        assert all(len(regions) == 1 and regions[0].height <= rows for regions in repaints)
        # A digit that changes to the next changes in some of its rows, not all: about
        # two thirds of the rows over two minutes (every row each second would be all).
        repainted = sum(regions[0].height for regions in repaints)
        assert repainted <= SECONDS * rows * 3 // 4
        others = Counter(widget for widget, _ in refreshed if widget != "BigDigits#countdown")
        # The bar moves by half cells: 2 x 66 steps over the 300 s slot, 53 in 120 s.
        assert others.pop("SlotProgress#progress") <= 2 * 66 * SECONDS // 300 + 1
        assert others.pop("DayHeader#header", 0) <= 2
        assert others == Counter(), others


async def test_a_steady_second_leaves_nothing_for_a_full_redraw(
    host: HostFixture, refreshed: list[tuple[str, tuple[Region, ...]]]
) -> None:
    """Each second of the welcome (running, warning, over its time) is drawn as the beat
    draws it; a full redraw at that moment then finds nothing to change. While the slot
    runs within its time the beat works out the whole day only as the minute turns."""
    computed: list[int] = []
    state = host.run.state
    host.run.state = lambda: computed.append(1) or state()  # type: ignore[method-assign]
    async with host.app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        await pilot.press("space")
        host.clock.advance(0.3)
        for second in range(1, 421):
            host.clock.advance(1)
            computed.clear()
            host.screen.refresh_second()
            if second == 200:  # well within the five minutes, and not as a minute turns
                assert computed == []
            steady = not computed
            refreshed.clear()
            host.screen.refresh_state()
            assert refreshed == [], (second, steady, refreshed)
        assert digits_of(host) == "+02:00"


def digits_of(host: HostFixture) -> str:
    return host.screen.query_one(BigDigits).value
