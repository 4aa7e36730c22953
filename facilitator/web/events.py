"""The live part: one task follows the session and works out the stage view twice a
second, and every browser's event stream (server-sent events) gets it when it changed.

What the browser can compute alone (the ticking seconds) is not pushed; a snapshot is
sent again every `RESEND_SECONDS` so a browser that slept catches up.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from typing import Any

import anyio.to_thread

from facilitator.web.served import ServedSession
from facilitator.web.views import stage_key, stage_payload

FOLLOW_SECONDS = 0.5
"""How often the session's files are looked at."""
RESEND_SECONDS = 15.0
"""A full snapshot at least this often, also a sign of life through proxies."""


class Broadcast:
    """The latest update and a way to wait for the next one."""

    def __init__(self, served: ServedSession) -> None:
        self.served = served
        self.serial = 0
        self._key: tuple[Any, ...] | None = None
        self._changed = asyncio.Event()

    def look(self) -> bool:
        """Follow the session and work out the update; True (and waiters woken) if it
        changed in a way the browser cannot know by itself."""
        changed = self._look()
        if changed:
            self._wake()
        return changed

    def _look(self) -> bool:
        """The reading part of `look`, which may run in a worker thread."""
        self.served.follow()
        day = self.served.day()
        key = (
            stage_key(self.current()["stage"]),
            self.served.version,
            day.dialogue if day else None,
            self.served.problem,
        )
        if key == self._key:
            return False
        self._key = key
        self.serial += 1
        return True

    def _wake(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    def current(self) -> dict[str, Any]:
        """The update as of now, for a new page or a stream's snapshot."""
        day = self.served.day()
        speed = day.session.rehearsal.speed if day and day.session.rehearsal else 1.0
        return {
            "stage": stage_payload(self.served.view(), speed),
            "version": self.served.version,
            "session": day.session.id if day else None,
            "dialogue": day.dialogue if day else None,
            "problem": self.served.problem,
        }

    async def wait(self, serial: int, timeout: float) -> None:
        """Return once an update newer than `serial` is there, or after `timeout`."""
        if self.serial != serial:
            return
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._changed.wait(), timeout)

    async def run(self, every: float = FOLLOW_SECONDS) -> None:
        """Look again and again until cancelled."""
        while True:
            # Reading files (a session, a cloud's notes) in a worker thread keeps the
            # answers to phones flowing meanwhile.
            if await anyio.to_thread.run_sync(self._look):
                self._wake()
            await asyncio.sleep(every)

    async def stream(self) -> AsyncIterator[dict[str, str]]:
        """Server-sent events for one browser: the update now, then each change."""
        while True:
            seen = self.serial
            # Worked out afresh for each send, so the seconds the browser ticks from are now.
            data = self.current()
            yield {"event": "update", "data": json.dumps(data, ensure_ascii=False)}
            await self.wait(seen, RESEND_SECONDS)
