"""Rows that a widget draws itself, handed to the screen as they are when Textual would
add nothing to them: the countdown and its bar, drawn again every second or two.

Textual styles each row a widget draws (border, padding, outline, tint, opacity) and
keeps the result per row; asking for a widget's lines goes through that for every row.
A widget with none of those effects gets its own rows back, with the app's line filters
applied the way Textual applies them. A test compares the two for each widget using it.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from facilitator.ui.widgets.sizing import content_size


def draws_plainly(widget: Widget) -> bool:
    """Whether Textual would show the widget's content rows as they are: no border or
    padding, no outline, tint or hatch, fully opaque."""
    styles = widget.styles
    return (
        not any(styles.gutter)
        and not any(edge for edge, _ in styles.outline)
        and not styles.tint.a
        and styles.text_opacity == 1
        and widget.opacity == 1
        and not (styles.has_rule("hatch") and styles.hatch != "none")
    )


def plain_lines(widget: Widget, rows: Sequence[Strip], crop: Region) -> list[Strip]:
    """The `rows` (one per line of a widget that draws plainly) in `crop`, as the screen
    would get them from Textual: with the app's line filters, cut to the crop."""
    strips = list(rows[crop.y : crop.bottom])
    background = widget.visual_style.background  # as `background_colors` gives it
    if background is None:
        _, background = widget.background_colors
    for line_filter in widget.get_line_filters():
        strips = [strip.apply_filter(line_filter, background) for strip in strips]
    if crop.column_span != (0, content_size(widget).width):
        strips = [strip.crop(*crop.column_span) for strip in strips]
    return strips
