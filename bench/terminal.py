"""tmux for the benchmarks: start a command in a fixed-size terminal and watch its screen."""

from __future__ import annotations

import os
import subprocess
import time
import uuid
from collections.abc import Callable
from pathlib import Path


class Tmux:
    """A private tmux server; every session in it is 120x40."""

    def __init__(self, cwd: Path) -> None:
        self.cwd = cwd
        self.socket = f"facilitator-bench-{uuid.uuid4().hex[:8]}"
        # English, so the paint markers below read the same whatever the agenda says.
        self.env = {**os.environ, "TERM": "xterm-256color", "FACILITATOR_LANG": "en"}

    def tmux(self, *args: str) -> str:
        """Run one tmux command on this server."""
        return subprocess.run(
            ["tmux", "-L", self.socket, *args],
            capture_output=True,
            text=True,
            env=self.env,
            timeout=30,
        ).stdout

    def start(self, name: str, command: list[str], width: int = 120, height: int = 40) -> None:
        """Start `command` in a new detached session."""
        self.tmux(
            "new-session",
            "-d",
            "-s",
            name,
            "-x",
            str(width),
            "-y",
            str(height),
            "-c",
            str(self.cwd),
            *command,
        )

    def pid(self, name: str) -> int:
        """The process id of the command in a session."""
        return int(self.tmux("display-message", "-p", "-t", name, "#{pane_pid}").strip())

    def screen(self, name: str) -> str:
        """The text on a session's screen."""
        return self.tmux("capture-pane", "-p", "-t", name)

    def time_until(
        self, name: str, painted: Callable[[str], bool], started: float, timeout: float = 20
    ) -> float:
        """Seconds from `started` until `painted(screen)` holds."""
        while time.perf_counter() - started < timeout:
            if painted(self.screen(name)):
                return time.perf_counter() - started
            time.sleep(0.005)
        raise TimeoutError(f"{name} did not paint within {timeout} s:\n{self.screen(name)}")

    def kill(self, name: str) -> None:
        """End a session."""
        self.tmux("kill-session", "-t", name)

    def close(self) -> None:
        """End the server."""
        self.tmux("kill-server")


def time_to_paint(cwd: Path, command: list[str], painted: Callable[[str], bool]) -> float:
    """Start `command` in a fresh tmux session; seconds until its first useful paint."""
    term = Tmux(cwd)
    try:
        term.tmux("start-server")
        term.tmux("new-session", "-d", "-s", "idle")  # the server is up before timing
        started = time.perf_counter()
        term.start("bench", command)
        return term.time_until("bench", painted, started)
    finally:
        term.close()
