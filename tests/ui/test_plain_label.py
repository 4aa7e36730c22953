"""PlainLabel: literal by construction, hidden while empty, redrawn only on a change."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.visual import VisualType

from facilitator.ui.widgets.plain_label import PlainLabel


class CountedLabel(PlainLabel):
    """A PlainLabel that records each redraw it asks for."""

    updates: list[str] = []

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        self.updates.append(str(content))
        super().update(content, layout=layout)


class OneLabel(App[None]):
    def compose(self) -> ComposeResult:
        yield CountedLabel(id="line")


async def test_it_hides_while_empty_and_updates_only_on_a_change() -> None:
    app = OneLabel()
    async with app.run_test() as pilot:
        line = app.query_one(CountedLabel)
        line.updates = []
        assert not line.display
        line.show("Room [B] closed")
        line.show("Room [B] closed")
        await pilot.pause()
        assert line.display and line.updates == ["Room [B] closed"]
        assert str(line.render()) == "Room [B] closed"
        line.show("")
        assert not line.display and line.updates == ["Room [B] closed", ""]


async def test_markup_never_acts() -> None:
    app = OneLabel()
    async with app.run_test() as pilot:
        app.query_one(PlainLabel).show("[@click=app.quit]Quit[/]")
        await pilot.pause()
        await pilot.click("#line")
        assert app.is_running
        assert str(app.query_one(PlainLabel).render()) == "[@click=app.quit]Quit[/]"
