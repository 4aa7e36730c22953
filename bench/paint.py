"""First paints: each console started in a real terminal, against a bare Textual app showing
one Digits started the same way, in turns, so both see the same machine."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from bench.data import ROOT, live_session, many_sessions
from bench.figures import Figure, median
from bench.terminal import time_to_paint

BIN = Path(sys.executable).parent
FACILITATOR = str(BIN / "facilitator")
BARE = [sys.executable, str(ROOT / "bench" / "baseline_digits.py")]


def _digits_painted(screen: str) -> bool:
    return any(mark in screen for mark in ("╶─┐", "╭─╮", "┌─┐"))


def bare_paint(work: Path) -> float:
    """Seconds until the bare Digits app shows its digits."""
    return time_to_paint(work, BARE, _digits_painted)


def first_paints(work: Path, runs: int) -> tuple[list[Figure], float]:
    """The host console, the stage, the notes console and the review list, each against
    the bare app; returns the figures and the bare app's median first paint."""
    shutil.copy(ROOT / "agenda.toml", work / "agenda.toml")
    live = work / "live-sessions"
    session_id = live_session(live)
    listed = work / "list-sessions"
    many_sessions(listed, 30)
    consoles: dict[str, tuple[list[str], Callable[[str], bool], float]] = {
        "host console": (
            [FACILITATOR, "run", "--sessions", str(work / "paint-sessions")],
            lambda s: "Press space to start" in s and "█" in s,
            1.3,
        ),
        "stage": (
            [FACILITATOR, "stage", session_id, "--sessions", str(live)],
            lambda s: "Velkommen til arbejdsmiljødagen" in s and "█" in s,
            1.5,
        ),
        "notes console": (
            [FACILITATOR, "notes", session_id, "--as", "bench", "--sessions", str(live)],
            lambda s: "Table 1 of 12" in s,
            1.5,
        ),
        "review list (30 sessions)": (
            [FACILITATOR, "review", "--sessions", str(listed)],
            lambda s: s.count("Hovedudvalgets arbejdsmiljødag") >= 10,
            1.5,
        ),
    }
    bare: list[float] = []
    times: dict[str, list[float]] = {name: [] for name in consoles}
    for _ in range(runs):
        for name, (command, painted, _budget) in consoles.items():
            bare.append(bare_paint(work))
            times[name].append(time_to_paint(work, command, painted))
    base = median(bare)
    figures = [
        Figure(
            f"first paint, {name} (median of {runs})",
            median(times[name]),
            base,
            budget,
            "s",
            "bare Digits app",
        )
        for name, (_command, _painted, budget) in consoles.items()
    ]
    return figures, base
