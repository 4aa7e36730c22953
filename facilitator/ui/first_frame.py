"""What a screen does only after a frame is on the terminal.

Textual's Footer builds a widget per key and restyles them whenever the bindings change;
on the host console that alone is a large part of the time to the first paint. A footer
mounted after the first refresh costs the user nothing: the keys appear a moment after
the countdown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from weakref import WeakSet

from textual.screen import Screen
from textual.widgets import Footer

_PENDING: WeakSet[Screen[Any]] = WeakSet()


def footer_after_first_frame(screen: Screen[Any], compact: bool = False) -> None:
    """Mount a Footer (`compact`: with less space between keys) on `screen` once it has
    been drawn."""
    _PENDING.add(screen)

    async def mount() -> None:
        await screen.mount(Footer(compact=compact))
        screen.refresh_bindings()  # a footer mounted late lists the keys only when told
        _PENDING.discard(screen)

    screen.call_after_refresh(mount)


def after_paint(screen: Screen[Any], callback: Callable[[], object]) -> None:
    """Run `callback` once `screen` has been drawn with what has changed on it so far.

    `call_after_refresh` alone runs its callback at the screen's next idle moment, which
    may come before a change made just now (a widget shown, rows added) has been laid
    out and drawn: the change reaches the screen as a message. A layout asked of the
    screen itself is pending at once, and the callback waits for it to be drawn.
    """
    screen.refresh(layout=True)
    screen.call_after_refresh(callback)


def footer_pending(screen: Screen[Any]) -> bool:
    """Whether `screen` has yet to mount its footer (for tests that wait for a settled
    screen)."""
    return screen in _PENDING
