"""What a screen mounts only after its first frame is on the terminal.

Textual's Footer builds a widget per key and restyles them whenever the bindings change;
on the host console that alone is a large part of the time to the first paint. A footer
mounted after the first refresh costs the user nothing: the keys appear a moment after
the countdown.
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Footer


def footer_after_first_frame(screen: Screen[Any]) -> None:
    """Mount a Footer on `screen` once it has been drawn."""
    screen.call_after_refresh(screen.mount, Footer())
