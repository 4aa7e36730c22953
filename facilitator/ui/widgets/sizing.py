"""A widget's content size from its own size, without asking the screen where it is."""

from __future__ import annotations

from textual.geometry import Size
from textual.widget import Widget


def content_size(widget: Widget) -> Size:
    """What `widget.content_size` gives (its size less border and padding), from the size
    the widget keeps: Textual's property looks the widget up on the screen's map, which a
    countdown redrawn every second need not do."""
    width, height = widget.outer_size
    gutter_width, gutter_height = widget.styles.gutter.totals
    return Size(max(0, width - gutter_width), max(0, height - gutter_height))
