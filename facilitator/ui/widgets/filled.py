"""Containers that their children fill edge to edge, so they draw nothing of their own.

Textual draws again every widget whose container overlaps a change, the containers
themselves included: as the countdown ticks, the rows and columns around it would be
drawn line by line only to be covered by their children. Marked blank (Textual's
`BLANK`: no border, no content), a container costs one blank line instead.
Use them only where the children cover the whole container: a border, a padding or a
gap between children would show blank.
"""

from __future__ import annotations

from textual.containers import Horizontal, Vertical


class FilledRow(Horizontal):
    """A row of widgets that fill it: widths in fractions, no border, no padding."""

    BLANK = True


class FilledColumn(Vertical):
    """A column of widgets that fill it, its height their heights (`height: auto`)."""

    BLANK = True
