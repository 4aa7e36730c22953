"""CPU of a running countdown and the host console's resident memory: the host console,
termdown, a bare Textual countdown and a bare Digits app, side by side in one window."""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

from bench.data import ROOT
from bench.figures import Figure
from bench.terminal import Tmux

BIN = Path(sys.executable).parent
FACILITATOR = str(BIN / "facilitator")


def _cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def termdown_command() -> list[str] | None:
    """termdown as installed beside this Python or on the PATH, or None."""
    found = BIN / "termdown"
    if found.exists():
        return [str(found)]
    on_path = shutil.which("termdown")
    return [on_path] if on_path else None


def countdown_cpu(work: Path, seconds: float) -> list[Figure]:
    """CPU over `seconds` of the host console counting down, against termdown and a bare
    Textual countdown; the host console's peak memory against a bare Digits app's."""
    shutil.copy(ROOT / "agenda.toml", work / "agenda.toml")
    termdown = termdown_command()
    term = Tmux(work)
    hertz = os.sysconf("SC_CLK_TCK")
    try:
        term.start("host", FACILITATOR, "run", "--sessions", str(work / "cpu-sessions"))
        term.time_until("host", lambda s: "Press space to start" in s, time.perf_counter())
        term.send("host", "Space")
        term.time_until("host", lambda s: "Running" in s, time.perf_counter())
        term.start("countdown", sys.executable, str(ROOT / "bench" / "baseline_countdown.py"))
        term.start("digits", sys.executable, str(ROOT / "bench" / "baseline_digits.py"))
        if termdown is not None:
            term.start("termdown", *termdown, "2h")
        time.sleep(3)  # all have painted and settled
        names = ["host", "countdown", "digits"] + (["termdown"] if termdown else [])
        pids = {name: term.pid(name) for name in names}
        before = {name: _cpu_ticks(pid) for name, pid in pids.items()}
        peak = dict.fromkeys(pids, 0.0)
        started = time.perf_counter()
        while time.perf_counter() - started < seconds:
            for name, pid in pids.items():
                peak[name] = max(peak[name], _rss_mb(pid))
            time.sleep(1)
        elapsed = time.perf_counter() - started
        used = {
            name: (_cpu_ticks(pid) - before[name]) / hertz / elapsed * 100
            for name, pid in pids.items()
        }
    finally:
        term.close()
    window = f"{seconds:.0f} s"
    figures = []
    if termdown is not None:
        figures.append(
            Figure(
                f"CPU counting down for {window}",
                used["host"],
                used["termdown"],
                0.8,
                "%",
                "termdown",
            )
        )
    figures += [
        Figure(
            f"CPU counting down for {window}",
            used["host"],
            used["countdown"],
            1.2,
            "%",
            "bare Textual countdown at 1 Hz",
        ),
        Figure(
            "resident memory, host console",
            peak["host"],
            peak["digits"],
            1.6,
            "MB",
            "bare Digits app",
        ),
    ]
    return figures
