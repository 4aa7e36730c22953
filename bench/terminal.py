"""The benchmarks' terminal: the end-to-end tests' tmux, watched closely enough to time a
first paint."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from tests.e2e.terminal import Terminal

POLL = 0.005
"""Seconds between two looks at the screen while timing a paint."""


class Tmux(Terminal):
    """A private tmux server whose sessions are 120x40, as in the end-to-end tests."""

    def time_until(
        self, name: str, painted: Callable[[str], bool], started: float, timeout: float = 30
    ) -> float:
        """Seconds from `started` (a perf_counter reading) until `painted(screen)` holds."""
        while time.perf_counter() - started < timeout:
            if painted(self.screen(name)):
                return time.perf_counter() - started
            time.sleep(POLL)
        raise TimeoutError(f"{name} did not paint within {timeout} s:\n{self.screen(name)}")


def time_to_paint(
    cwd: Path, command: list[str], painted: Callable[[str], bool], timeout: float = 30
) -> float:
    """Start `command` in a fresh tmux server; seconds until its first useful paint."""
    term = Tmux(cwd)
    try:
        term.start("idle", "sleep", "60")  # the server is up before the clock starts
        started = time.perf_counter()
        term.start("bench", *command)
        return term.time_until("bench", painted, started, timeout)
    finally:
        term.close()
