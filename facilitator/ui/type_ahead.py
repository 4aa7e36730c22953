"""Keys typed ahead of a screen reach it, in the order they were typed: an app that sends
one key at a time to the screen in front, once the key before it has been handled."""

from __future__ import annotations

import time
from collections import deque

from textual import events
from textual.app import App, ScreenStackError, UnknownModeError
from textual.dom import DOMNode
from textual.message_pump import MessagePump
from textual.screen import Screen

KEY_SETTLE_REFRESHES = 20
"""How many refreshes a key waits at most for a new screen to get ready."""

KEY_STUCK_SECONDS = 2.0
"""After how long a key that was sent and never heard of again stops holding back the keys
typed after it. Every key is normally followed to its end within milliseconds; this only
keeps the keyboard alive should a widget be torn down with the key still in its queue."""


class TypeAheadApp(App[None]):
    """Textual picks a key's receiver when the key arrives and sends every key at once. A
    host presses "m" and types the message, or "g" and the arrows: those keys would reach
    the screen behind the new one (lost there or, worse, "n" would move to the next slot),
    and a key that came back from there would be sent again after keys typed later.

    Here keys wait in a queue, in the order typed. The next key is sent when the one before
    it has been handled (it came back to the app and ran its binding, or a widget kept it)
    and the screen in front is ready. A key that comes back from a screen that is no longer
    in front goes to the new screen first, before the keys typed after it.
    """

    def __init__(self) -> None:
        super().__init__()
        self._waiting: deque[events.Key] = deque()
        self._in_flight: object = None  # a key, or a marker following what it set off
        self._in_flight_screen: Screen[object] | None = None
        self._in_flight_since = 0.0
        self._screen_waits = 0
        self._retry_pending = False
        self._watching = False
        self._watch_due = 0.0

    async def on_event(self, event: events.Event) -> None:
        """Queue keys from the terminal; finish a key that comes back from the screen."""
        if not isinstance(event, events.Key):
            await super().on_event(event)
        elif not event.is_forwarded:
            self._waiting.append(event)
            await self._send_next()
            if self._in_flight is not None:
                self._watch()
        elif event is not self._in_flight:
            await super().on_event(event)  # a key this class did not send
        elif self._in_flight_screen is not self._front_screen():
            # Sent to a screen that has since been replaced: the new one gets it first.
            self._waiting.appendleft(events.Key(event.key, event.character))
            self._finish(event)
        else:
            await super().on_event(event)  # the app's and the screen's bindings
            self._finish(event)

    async def _send_next(self) -> None:
        """Send waiting keys, one at a time, while nothing is in flight and the screen in
        front is ready."""
        while self._waiting and self._in_flight is None:
            screen = self._front_screen()
            if screen is None:
                self._waiting.clear()  # the app is closing: no screen will take them
                return
            if getattr(screen, "HOLDS_KEYS", False):
                return  # a first frame: the keys wait for the console (see `release_keys`)
            if not self._screen_ready(screen) and self._screen_waits < KEY_SETTLE_REFRESHES:
                if not self._retry_pending:
                    self._retry_pending = self.call_after_refresh(self._retry)
                    self._screen_waits += 1
                return
            self._screen_waits = 0
            key = self._waiting.popleft()
            target: MessagePump = self.focused or screen
            self._in_flight, self._in_flight_screen = key, screen
            self._in_flight_since = time.monotonic()
            await super().on_event(key)
            if not key.is_forwarded:
                self._finish(key)  # a priority binding took it
            elif not target.call_later(self._follow, key, target):
                self._finish(key)

    def release_keys(self) -> None:
        """The screen that held the keys (HOLDS_KEYS) has given way: send them on, to the
        screen in front once it is ready."""
        self._screen_waits = 0
        self.call_later(self._send_next)

    def _follow(self, key: object, node: MessagePump) -> None:
        """Called from `node`'s queue after it handled `key`. A key that bubbles is posted to
        the parent before this runs, so following it parent by parent up to the app either
        meets it coming back (see `on_event`) or finds that a widget kept it."""
        if self._in_flight is not key:
            return
        if node is self:
            self._finish(key)  # handled by a widget without coming back
            return
        parent = node.parent if isinstance(node, DOMNode) else None
        if not isinstance(parent, MessagePump) or not parent.call_later(self._follow, key, parent):
            self._finish(key)

    def _finish(self, key: object) -> None:
        """`key` is done with. Before the next key goes out, what the key set off (Enter's
        "submitted", which closes a dialog) travels up the same way, so that the next key
        reaches the screen in front after that, not a dialog on its way out."""
        if self._in_flight is not key:
            return
        self._in_flight = self._in_flight_screen = None
        if not self._waiting:
            return
        screen = self._front_screen()
        if isinstance(key, events.Key) and screen is not None:
            settled = object()
            self._in_flight, self._in_flight_since = settled, time.monotonic()
            target: MessagePump = self.focused or screen
            if target.call_later(self._follow, settled, target):
                return
            self._in_flight = None
        self.call_later(self._send_next)

    def _watch(self) -> None:
        """Keep waiting keys from waiting forever behind one that is never heard of again."""
        if not self._watching:
            self._watching = True
            self._watch_due = time.monotonic() + KEY_STUCK_SECONDS / 4
            self.set_timer(KEY_STUCK_SECONDS / 4, lambda: self.call_later(self._check_stuck))

    async def _check_stuck(self) -> None:
        self._watching = False
        # A look that comes late comes after the app was busy (a long search, a big redraw):
        # the key was kept waiting, not lost, for that long.
        self._in_flight_since += max(0.0, time.monotonic() - self._watch_due)
        if self._in_flight is None or not self._waiting:
            return
        if time.monotonic() - self._in_flight_since < KEY_STUCK_SECONDS:
            self._watch()
            return
        self._in_flight = self._in_flight_screen = None
        await self._send_next()

    async def _retry(self) -> None:
        """After a refresh: the new screen may be ready now."""
        self._retry_pending = False
        await self._send_next()

    def _front_screen(self) -> Screen[object] | None:
        """The screen in front, or None while the app has none (starting or closing)."""
        try:
            return self.screen
        except (ScreenStackError, UnknownModeError):
            return None

    @staticmethod
    def _screen_ready(screen: Screen[object]) -> bool:
        """Mounted and, for a screen that puts the focus somewhere (a dialog's input),
        focused there."""
        if not screen.is_mounted:
            return False
        if screen.focused is None:
            return not (screen.AUTO_FOCUS and screen.focus_chain)
        return screen.focused.is_mounted
