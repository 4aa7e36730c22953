"""A real terminal for end-to-end tests and the benchmarks: tmux on a private socket, read as
a user reads it."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

FACILITATOR = os.environ.get("FACILITATOR_COMMAND") or str(
    Path(sys.executable).parent / "facilitator"
)
"""The installed command: FACILITATOR_COMMAND, or the one beside the Python running the
tests (`make test-e2e` runs them with the wheel's venv, so it is the wheel's command)."""

TIMEOUT = 30.0
"""Long enough for a loaded machine; a passing test never waits it out."""


def until(condition: Callable[[], object], what: str, timeout: float = TIMEOUT) -> None:
    """Wait until `condition()` holds; fail naming `what` after `timeout`."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout:.0f} s for {what}")
        time.sleep(0.05)


class Terminal:
    """One tmux server with sessions of a fixed size; each test gets its own server."""

    def __init__(self, cwd: Path) -> None:
        self.cwd = cwd
        self.socket = f"facilitator-test-{uuid.uuid4().hex[:8]}"
        # English unless a test asks for Danish: the repository's agenda says "da".
        self.env = {
            **os.environ,
            "TERM": "xterm-256color",
            "TZ": os.environ.get("TZ", "UTC"),
            "FACILITATOR_LANG": "en",
        }

    def _tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args],
            capture_output=True,
            text=True,
            env=self.env,
            timeout=30,
        )
        return result.stdout

    def start(self, name: str, *command: str, width: int = 120, height: int = 40) -> None:
        """Run `command` in a new session `name`; the pane closes when the command ends."""
        self._tmux(
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
        """The process id of the command running in session `name`."""
        return int(self._tmux("display-message", "-p", "-t", name, "#{pane_pid}").strip())

    def screen(self, name: str) -> str:
        """The text on the screen now."""
        return self._tmux("capture-pane", "-p", "-t", name)

    def send(self, name: str, *keys: str) -> None:
        """Press keys, in tmux's names ("Space", "Enter", "C-z"), all at once as a fast
        typist does: the console must take them in order whatever it is doing."""
        self._tmux("send-keys", "-t", name, *keys)

    def wait_for(self, name: str, text: str, timeout: float = TIMEOUT) -> str:
        """Wait until `text` is on the screen; fail with the screen as it is."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen(name)
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} did not appear on {name}'s screen:\n{screen}")

    def wait_for_change(self, name: str, timeout: float = TIMEOUT) -> str:
        """Wait until the screen differs from what it shows now (a clock ticking on)."""
        before = self.screen(name)
        until(lambda: self.screen(name) != before, f"{name}'s screen to change", timeout)
        return self.screen(name)

    def record(self, name: str, path: Path) -> None:
        """Append everything `name`'s program writes to the terminal to `path`, escape
        sequences and bells included, from now on."""
        self._tmux("pipe-pane", "-o", "-t", name, f"cat >> '{path}'")

    def close(self) -> None:
        """Kill the server and everything in it, and remove its socket (tmux leaves it)."""
        socket_path = self._tmux("display-message", "-p", "#{socket_path}").strip()
        self._tmux("kill-server")
        if socket_path:
            Path(socket_path).unlink(missing_ok=True)
