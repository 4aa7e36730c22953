"""Child widgets found once and kept: the consoles redraw every second, and a query on
each redraw would cost more than the redraw itself."""

from __future__ import annotations

from typing import TypeVar, cast

from textual.dom import DOMNode
from textual.widget import Widget

W = TypeVar("W", bound=Widget)


class LooksUpOnce:
    """A mixin for a screen or widget: `widget(kind, id)` queries the first time only."""

    def widget(self, kind: type[W], widget_id: str | None = None) -> W:
        """The child of `kind` (with `widget_id`, if given), looked up once."""
        found_before: dict[tuple[type[Widget], str | None], Widget]
        found_before = self.__dict__.setdefault("_looked_up", {})
        key = (kind, widget_id)
        if key not in found_before:
            node = cast(DOMNode, self)
            found_before[key] = (
                node.query_one(f"#{widget_id}", kind) if widget_id else node.query_one(kind)
            )
        found = found_before[key]
        assert isinstance(found, kind)
        return found
