"""The lock names its process: a process that has ended, even one its parent has not yet
collected, holds nothing, so a console restarted right after a crash gets the lock."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from facilitator.errors import SessionLocked
from facilitator.session.lock import SessionLock


def write_lock(path: Path, pid: int) -> None:
    path.write_text(f'pid = {pid}\nhost = "{socket.gethostname()}"\n', encoding="utf-8")


def state(pid: int) -> str:
    return Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_a_lock_of_a_process_not_yet_collected_is_stale(tmp_path: Path) -> None:
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    try:
        deadline = time.monotonic() + 30
        while state(ended.pid) != "Z":  # ended, not yet waited for: a zombie
            assert time.monotonic() < deadline, "the child did not end"
            time.sleep(0.01)
        path = tmp_path / "host.lock"
        write_lock(path, ended.pid)
        assert SessionLock.acquire(path).held()
    finally:
        ended.wait()


def test_a_lock_of_a_running_process_holds(tmp_path: Path) -> None:
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        path = tmp_path / "host.lock"
        write_lock(path, running.pid)
        with pytest.raises(SessionLocked):
            SessionLock.acquire(path)
    finally:
        running.kill()
        running.wait()
