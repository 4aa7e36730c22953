"""Keys typed ahead of a screen reach it: an app that routes keys to the screen in front
when they are handled, not when they arrive."""

from __future__ import annotations

import weakref

from textual import events
from textual.app import App
from textual.screen import Screen

KEY_SETTLE_REFRESHES = 20
"""How many refreshes a key waits at most for a new screen to get ready."""


class TypeAheadApp(App[None]):
    """Textual picks a key's receiver when the key arrives. A host presses "m" and types
    the message at once, or "g" and the arrows: those keys arrive while the screen behind
    is still in front, and would be lost there or, worse, "n" would move to the next slot.
    Here a key that comes back unhandled from a screen no longer in front is sent again,
    and keys wait while a new screen is still being built.
    """

    def __init__(self) -> None:
        super().__init__()
        self._held_keys: list[events.Key] = []
        # Which screen each key in flight was sent to; a key a widget keeps drops out.
        self._sent_to: weakref.WeakKeyDictionary[events.Key, Screen[object]] = (
            weakref.WeakKeyDictionary()
        )

    async def on_event(self, event: events.Event) -> None:
        """Hold keys while the screen is being built; resend those that come back from a
        screen no longer in front."""
        if not isinstance(event, events.Key):
            await super().on_event(event)
            return
        if event.is_forwarded:
            if self._sent_to.pop(event, None) not in (None, self.screen):
                self._hold(event)
            else:
                await super().on_event(event)
            return
        if self._held_keys or not self._screen_ready():
            self._hold(event)
            return
        self._sent_to[event] = self.screen
        await super().on_event(event)

    def _hold(self, event: events.Key) -> None:
        self._held_keys.append(events.Key(event.key, event.character))
        if len(self._held_keys) == 1:
            self.call_after_refresh(self._release_keys)

    def _release_keys(self, waited: int = 0) -> None:
        if not self._screen_ready() and waited < KEY_SETTLE_REFRESHES:
            self.call_after_refresh(self._release_keys, waited + 1)
            return
        held, self._held_keys = self._held_keys, []
        for key in held:
            self.post_message(key)

    def _screen_ready(self) -> bool:
        """Mounted and, for a screen that puts the focus somewhere (a dialog's input),
        focused there."""
        screen = self.screen
        if not screen.is_mounted:
            return False
        if screen.focused is None:
            return not (screen.AUTO_FOCUS and screen.focus_chain)
        return screen.focused.is_mounted
