"""Waiting for what a test expects instead of for a fixed time: a loaded machine is slow,
never wrong."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot

TIMEOUT = 30.0
"""Long enough for a loaded two-core machine; a passing test never waits it out."""

POLL = 0.02


async def until(
    pilot: Pilot[Any], condition: Callable[[], object], what: str = "", timeout: float = TIMEOUT
) -> None:
    """Let the app work until `condition()` holds; fail naming `what` after `timeout`."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout:.0f} s for {what or condition}")
        await pilot.pause(POLL)


async def settled(pilot: Pilot[Any]) -> None:
    """Let the app work until the screen in front has mounted what follows its first frame
    (the footer), and drawn it."""
    from textual.widgets import Footer

    from facilitator.ui.first_frame import footer_pending

    def footer_drawn() -> bool:
        screen = pilot.app.screen
        footers = screen.query(Footer)
        return not footer_pending(screen) and all(footer.children for footer in footers)

    await until(pilot, footer_drawn, "the footer")
    await pilot.pause()
