"""`make bench`: every budget of DESIGN.md measured against its baseline; writes RESULTS.md.

    python bench/run_all.py [--quick] [--only NAME]

--quick shortens the CPU and load measurements (for trying the script, not for the
record); FACILITATOR_LOAD_SECONDS sets the length of the serve load (60 s by default).
--only NAME runs one measurement (a function name below, such as events_export) and
prints it without writing RESULTS.md.
"""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.data import (  # noqa: E402
    ROOT,
    many_sessions,
    session_with_events,
    session_with_notes,
)
from bench.terminal import Tmux, time_to_paint  # noqa: E402
from facilitator.notes.model import Note  # noqa: E402

BIN = Path(sys.executable).parent
FACILITATOR = str(BIN / "facilitator")
RUNS = 7
LOAD_SECONDS = float(os.environ.get("FACILITATOR_LOAD_SECONDS", "60"))
"""How long the phones post to `facilitator serve`; shorter to try the script."""


@dataclass
class Figure:
    """One measured figure against its budget."""

    name: str
    value: str
    budget: str
    passed: bool
    detail: str = ""


def first_paint(work: Path) -> list[Figure]:
    """Host console start to countdown on screen, against a bare Digits app."""
    shutil.copy(ROOT / "agenda.toml", work / "agenda.toml")
    baseline, host = [], []
    for _ in range(RUNS):
        baseline.append(
            time_to_paint(
                work,
                [sys.executable, str(ROOT / "bench" / "baseline_digits.py")],
                lambda screen: "╶─┐" in screen or "╭─╮" in screen or "┌─┐" in screen,
            )
        )
        host.append(
            time_to_paint(
                work,
                [FACILITATOR, "run", "--sessions", str(work / "paint-sessions")],
                lambda screen: "Press space to start" in screen and "█" in screen,
            )
        )
    base, mine = statistics.median(baseline), statistics.median(host)
    return [
        Figure(
            "first paint of the host console (median of 7)",
            f"{mine:.3f} s",
            f"≤ 1.3 × bare Digits app ({base:.3f} s) = {1.3 * base:.3f} s",
            mine <= 1.3 * base,
            f"ratio {mine / base:.2f}",
        )
    ]


def _cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def countdown_cpu(work: Path, seconds: float) -> list[Figure]:
    """CPU and memory of a running countdown, against termdown counting down beside it."""
    import os

    term = Tmux(work)
    hertz = os.sysconf("SC_CLK_TCK")
    try:
        term.start("host", [FACILITATOR, "run", "--sessions", str(work / "cpu-sessions")])
        term.time_until("host", lambda s: "Press space to start" in s, time.perf_counter())
        term.tmux("send-keys", "-t", "host", "Space")
        term.time_until("host", lambda s: "Running" in s, time.perf_counter())
        termdown = shutil.which("termdown") or str(BIN / "termdown")
        term.start("termdown", [termdown, "2h"])
        time.sleep(2)  # both settle after start-up
        pids = {"host": term.pid("host"), "termdown": term.pid("termdown")}
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
    return [
        Figure(
            f"CPU of a running countdown over {seconds:.0f} s",
            f"{used['host']:.2f} %",
            f"≤ 1 % and ≤ termdown ({used['termdown']:.2f} %)",
            used["host"] <= 1.0 and used["host"] <= used["termdown"],
        ),
        Figure(
            "resident memory of the host console",
            f"{peak['host']:.1f} MB",
            "≤ 80 MB",
            peak["host"] <= 80,
            f"termdown: {peak['termdown']:.1f} MB",
        ),
    ]


def note_saving(work: Path) -> list[Figure]:
    """Saving one note with 2,000 already in the session, fsync included."""
    session_id, writer = session_with_notes(work / "save-sessions", 2000)
    durations = []
    for index in range(200):
        note = Note.new(
            "desk",
            2,
            "Dialog ved bordene",
            1 + index % 12,
            None,
            f"En ny note nummer {index} om tillid og psykologisk tryghed",
            datetime.now().astimezone(),
        )
        started = time.perf_counter()
        writer.save(note)
        durations.append((time.perf_counter() - started) * 1000)
    writer.close()
    durations.sort()
    p50 = statistics.median(durations)
    p95 = durations[int(len(durations) * 0.95) - 1]
    return [
        Figure(
            "saving a note with 2,000 in the session (200 saves)",
            f"p95 {p95:.1f} ms",
            "p95 ≤ 50 ms",
            p95 <= 50,
            f"p50 {p50:.1f} ms, max {durations[-1]:.1f} ms",
        )
    ]


def review_paint(work: Path) -> list[Figure]:
    """The review console: one session of 2,000 notes, and a list of 300 sessions."""
    big = work / "review-big"
    session_id, writer = session_with_notes(big, 2000)
    writer.close()
    many = work / "review-many"
    many_sessions(many, 300)
    session_times, list_times = [], []
    for _ in range(3):
        session_times.append(
            time_to_paint(
                work,
                [FACILITATOR, "review", session_id, "--sessions", str(big)],
                lambda screen: "Velkommen til arbejdsmiljødagen" in screen and "planned" in screen,
            )
        )
        list_times.append(
            time_to_paint(
                work,
                [FACILITATOR, "review", "--sessions", str(many)],
                lambda screen: screen.count("Hovedudvalgets arbejdsmiljødag") >= 10,
            )
        )
    one, listing = statistics.median(session_times), statistics.median(list_times)
    return [
        Figure(
            "review opens a session of 2,000 notes (median of 3)",
            f"{one:.3f} s",
            "≤ 1 s",
            one <= 1.0,
        ),
        Figure(
            "review lists 300 sessions (median of 3)", f"{listing:.3f} s", "≤ 1 s", listing <= 1.0
        ),
    ]


def events_export(work: Path) -> list[Figure]:
    """Markdown minutes of a day of 100,000 timing events against one of 1,000: reading the
    session and writing the report must grow with the events, not with their square."""
    from facilitator.review.archive import load_any
    from facilitator.review.exports import export_bytes
    from facilitator.session.store import SessionStore

    store = SessionStore(work / "events-sessions")
    small, large = session_with_events(store.root, 1_000), session_with_events(store.root, 100_000)

    def seconds(session_id: str) -> float:
        started = time.perf_counter()
        export_bytes(load_any(store, session_id), "md")
        return time.perf_counter() - started

    one = statistics.median(seconds(small) for _ in range(RUNS))
    many = seconds(large)
    ratio = many / one
    return [
        Figure(
            "export --format md of 100,000 events against 1,000",
            f"{many:.2f} s",
            f"≤ 150 × 1,000 events ({one * 1000:.1f} ms) = {150 * one:.2f} s",
            ratio <= 150,
            f"ratio {ratio:.0f}",
        )
    ]


def serve_load(work: Path, seconds: float) -> list[Figure]:
    """Fifty phones posting table reports to `facilitator serve` (bench/serve_load.py)."""
    from bench.serve_load import BUDGET_P95, PHONES, measure

    result = measure(FACILITATOR, work, PHONES, seconds)
    failures = ", ".join(f"{count} × {status}" for status, count in result["failures"].items())
    return [
        Figure(
            f"{PHONES} phones posting notes to facilitator serve for {seconds:.0f} s (loopback)",
            f"p95 {result['p95'] * 1000:.0f} ms",
            f"p95 ≤ {BUDGET_P95 * 1000:.0f} ms",
            result["p95"] <= BUDGET_P95,
            f"{result['posts']} posts, p50 {result['p50'] * 1000:.0f} ms, "
            f"max {result['max'] * 1000:.0f} ms" + (f", refused: {failures}" if failures else ""),
        ),
        Figure(
            "every note confirmed to a phone is on disk exactly once",
            f"{result['notes']} notes",
            "none missing, none twice",
            bool(result["exactly_once"]),
            f"missing {result['missing']}, twice {result['duplicates']}",
        ),
    ]


def machine() -> str:
    """What the figures were measured on."""
    cpu = "unknown processor"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    # Other work on the machine slows every figure; the load says how much there was.
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return (
        f"{platform.system()} {platform.release()}, {cpu}, {cores} cores, "
        f"Python {platform.python_version()}, load average {load} at the end"
    )


def main() -> int:
    """Run every benchmark and write bench/RESULTS.md; exit 1 if a budget is missed."""
    quick = "--quick" in sys.argv
    measures: dict[str, Callable[[Path], list[Figure]]] = {
        "first_paint": first_paint,
        "countdown_cpu": lambda w: countdown_cpu(w, 10 if quick else 60),
        "note_saving": note_saving,
        "review_paint": review_paint,
        "events_export": events_export,
        "serve_load": lambda w: serve_load(w, 10 if quick else LOAD_SECONDS),
    }
    only = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else None
    if only is not None and only not in measures:
        print(f"no measurement {only!r}; choose from {', '.join(measures)}", file=sys.stderr)
        return 2
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for name, measure in measures.items():
            if only is not None and name != only:
                continue
            figures += measure(work)
            print(figures[-1].name, figures[-1].value, flush=True)
    if only is not None:
        for f in figures:
            print(
                f"{f.name}: {f.value}, budget {f.budget}: "
                f"{'pass' if f.passed else 'MISS'} ({f.detail})"
            )
        return 0 if all(f.passed for f in figures) else 1
    lines = [
        "# Benchmark results",
        "",
        f"Measured {datetime.now().astimezone():%Y-%m-%d %H:%M %Z} on {machine()}"
        + (" (quick run)" if quick else "")
        + ".",
        "",
        "| figure | value | budget | result | detail |",
        "|---|---|---|---|---|",
    ]
    lines += [
        f"| {f.name} | {f.value} | {f.budget} | {'pass' if f.passed else 'MISS'} | {f.detail} |"
        for f in figures
    ]
    lines += [
        "",
        "Written by `make bench` (bench/run_all.py); each figure is measured against "
        "its baseline in the same run.",
    ]
    (ROOT / "bench" / "RESULTS.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0 if all(f.passed for f in figures) else 1


if __name__ == "__main__":
    raise SystemExit(main())
