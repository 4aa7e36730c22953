"""`make bench`: every budget of issue 17's table, each as a ratio against a baseline
measured in the same run; writes bench/RESULTS.md.

    python bench/run_all.py [--quick] [--cpu-seconds N] [--only NAME]

--cpu-seconds sets the CPU window (60 by default); --quick runs fewer rounds and a 15 s
CPU window (for trying the script, not for the record); --only NAME runs one group (paint,
cpu, saving, big_note, review, events, serve_load) and prints it without writing
RESULTS.md. FACILITATOR_LOAD_SECONDS sets the length of the serve load (60 s by default;
10 s with --quick).
"""

from __future__ import annotations

import compileall
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.cpu import countdown_cpu, termdown_command  # noqa: E402
from bench.data import ROOT  # noqa: E402
from bench.figures import Figure  # noqa: E402
from bench.paint import bare_paint, first_paints  # noqa: E402
from bench.scale import big_note, events, note_saving, review_paints  # noqa: E402
from bench.serve_load import serve_load  # noqa: E402

HEADER = [
    "| figure | measured | baseline (same run) | ratio | budget | result | detail |",
    "|---|---|---|---|---|---|---|",
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
    return (
        f"{platform.system()} {platform.release()}, {cpu}, {cores} cores, "
        f"Python {platform.python_version()}"
    )


def _option(name: str, default: str | None) -> str | None:
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def main() -> int:
    """Run every measurement and write bench/RESULTS.md; exit 1 if a budget is missed."""
    quick = "--quick" in sys.argv
    cpu_seconds = float(_option("--cpu-seconds", "15" if quick else "60") or 60)
    runs = 3 if quick else 7
    only = _option("--only", None)
    bare: list[float] = []

    def paint(work: Path) -> list[Figure]:
        figures, base = first_paints(work, runs)
        bare.append(base)
        return figures

    def base(work: Path) -> float:
        if not bare:
            bare.append(sorted(bare_paint(work) for _ in range(runs))[runs // 2])
        return bare[0]

    groups: dict[str, Callable[[Path], list[Figure]]] = {
        "paint": paint,
        "cpu": lambda w: countdown_cpu(w, cpu_seconds),
        "saving": note_saving,
        "big_note": lambda w: big_note(w, base(w)),
        "review": lambda w: review_paints(w, base(w), runs),
        "events": events,
        "serve_load": lambda w: serve_load(
            w, 10 if quick else float(os.environ.get("FACILITATOR_LOAD_SECONDS", "60"))
        ),
    }
    if only is not None and only not in groups:
        print(f"no group {only!r}; choose from {', '.join(groups)}", file=sys.stderr)
        return 2
    # The consoles start from bytecode, as they do once pip installed them (pip compiles
    # what it installs): an editable install under PYTHONDONTWRITEBYTECODE would otherwise
    # compile every module of the package at every start.
    compileall.compile_dir(ROOT / "facilitator", quiet=1)
    figures: list[Figure] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        for name, measure in groups.items():
            if only is not None and name != only:
                continue
            work = Path(folder) / name
            work.mkdir()
            for figure in measure(work):
                figures.append(figure)
                print(figure.row(), flush=True)
    took = time.perf_counter() - started
    if only is not None:
        return 0 if all(f.passed for f in figures) else 1
    notes = []
    if termdown_command() is None:
        notes.append("termdown is not installed: the CPU row against it is missing.")
    lines = [
        "# Benchmark results",
        "",
        f"Measured {datetime.now().astimezone():%Y-%m-%d %H:%M %Z} on {machine()}"
        + (" (quick run)" if quick else "")
        + f"; the run took {took / 60:.1f} minutes.",
        "",
        *HEADER,
        *(figure.row() for figure in figures),
        "",
        "Every figure is a ratio: the measured value over a baseline measured in the same "
        "run, on the same machine, in turns with it. Written by `make bench` "
        "(bench/run_all.py).",
        *notes,
    ]
    (ROOT / "bench" / "RESULTS.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0 if all(f.passed for f in figures) else 1


if __name__ == "__main__":
    raise SystemExit(main())
