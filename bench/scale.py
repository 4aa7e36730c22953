"""How cost grows with the work: notes saved into a large file, a pasted 1 MB note, a
session of 2,000 notes and a folder of 3,000 sessions opened in the review, and a day of
100,000 timing events reviewed and exported."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from bench.data import WORDS, many_sessions, session_with_events, session_with_notes
from bench.figures import Figure, median, p95
from bench.paint import FACILITATOR, bare_paint
from bench.terminal import time_to_paint
from facilitator.notes.model import Note

LIST_MARK = "Hovedudvalgets arbejdsmiljødag"


def _save_times(folder: Path, existing: int, saves: int) -> list[float]:
    _session_id, writer = session_with_notes(folder, existing)
    durations = []
    try:
        for index in range(saves):
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
            durations.append(time.perf_counter() - started)
    finally:
        writer.close()
    return durations


def note_saving(work: Path, saves: int = 200) -> list[Figure]:
    """p95 of a note save (fsync included) with 2,000 notes in the file against 20."""
    small = p95(_save_times(work / "save-20", 20, saves))
    large = p95(_save_times(work / "save-2000", 2000, saves))
    return [
        Figure(
            f"note save with 2,000 notes, p95 of {saves}",
            large,
            small,
            2.0,
            "s",
            "with 20 notes",
        )
    ]


def _megabyte_note() -> str:
    lines, size, index = [], 0, 0
    while size < 1_000_000:
        line = " ".join(WORDS[(index + k) % len(WORDS)] for k in range(10))
        lines.append(line)
        size += len(line.encode("utf-8")) + 1
        index += 3
    return "\n".join(lines)


async def _big_note_times(work: Path) -> tuple[float, float]:
    from bench.data import live_session
    from facilitator.roles.note_taker import NoteTaking
    from facilitator.session.store import SessionStore
    from facilitator.timing.clock import SystemClock
    from facilitator.ui.app import notes_app
    from facilitator.ui.screens.notes import NotesScreen
    from facilitator.ui.widgets.clean_input import CleanTextArea

    store = SessionStore(work / "big-note")
    session = store.load(live_session(store.root))
    taking = NoteTaking(store, session, "bench", SystemClock())
    app = notes_app(taking)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            screen = app.screen
            assert isinstance(screen, NotesScreen)
            screen.query_one("#editor", CleanTextArea).load_text(_megabyte_note())
            await pilot.pause()
            started = time.perf_counter()
            screen.action_save()
            await pilot.pause()
            saved = time.perf_counter() - started
            assert not screen.query_one("#editor", CleanTextArea).text
            switches = []
            for _ in range(5):
                started = time.perf_counter()
                screen.action_step_table(1)
                await pilot.pause()
                switches.append(time.perf_counter() - started)
            app.exit()
    finally:
        taking.close()
    return saved, median(switches)


def big_note(work: Path, bare: float) -> list[Figure]:
    """A pasted 1 MB note saved in the notes console, then the table switched with it in
    the list, against the bare app's first paint."""
    # Each round in a session of its own: the note is the first 1 MB one, as in the budget.
    rounds = [asyncio.run(_big_note_times(work / f"round-{index}")) for index in range(3)]
    saved, switched = median(r[0] for r in rounds), rounds[0][1]
    return [
        Figure(
            "a 1 MB note saved (median of 3)",
            saved,
            bare,
            0.2,
            "s",
            "bare Digits app's first paint",
        ),
        Figure(
            "table switching with a 1 MB note (median of 5)",
            switched,
            bare,
            0.2,
            "s",
            "bare Digits app's first paint",
        ),
    ]


def review_paints(work: Path, bare: float, runs: int) -> list[Figure]:
    """The review opening a session of 2,000 notes, and listing 3,000 sessions against 30
    (each folder listed once before, so its index is warm)."""
    big = work / "review-big"
    session_id, writer = session_with_notes(big, 2000)
    writer.close()
    folders = {count: work / f"review-{count}" for count in (30, 3000)}
    for count, folder in folders.items():
        many_sessions(folder, count)

    def listing(count: int, timeout: float = 30) -> float:
        return time_to_paint(
            work,
            [FACILITATOR, "review", "--sessions", str(folders[count])],
            lambda s: s.count(LIST_MARK) >= 10,
            timeout,
        )

    cold = listing(3000, timeout=300)
    listing(30)
    opened, lists = [], {30: [], 3000: []}
    bares = [bare]
    for _ in range(runs):
        bares.append(bare_paint(work))
        opened.append(
            time_to_paint(
                work,
                [FACILITATOR, "review", session_id, "--sessions", str(big)],
                lambda s: "Velkommen til arbejdsmiljødagen" in s and "planned" in s,
            )
        )
        for count in lists:
            lists[count].append(listing(count))
    base = median(bares)
    return [
        Figure(
            f"review opens a session of 2,000 notes (median of {runs})",
            median(opened),
            base,
            2.0,
            "s",
            "bare Digits app's first paint",
        ),
        Figure(
            f"review lists 3,000 sessions (median of {runs})",
            median(lists[3000]),
            base,
            2.0,
            "s",
            "bare Digits app's first paint",
            f"first listing, index built: {cold:.2f} s",
        ),
        Figure(
            "review lists 3,000 sessions against 30",
            median(lists[3000]),
            median(lists[30]),
            1.3,
            "s",
            "30 sessions",
        ),
    ]


def _seconds(action: Callable[[str], object], name: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action(name)
        times.append(time.perf_counter() - started)
    return median(times)


def events(work: Path) -> list[Figure]:
    """Review and every export of a day of 100,000 timing events against one of 1,000:
    reading the session and writing the result must grow with the events, not faster."""
    from facilitator.review.analysis import review_session
    from facilitator.review.archive import load_any
    from facilitator.review.exports import export_bytes
    from facilitator.session.store import SessionStore

    store = SessionStore(work / "events-sessions")
    small, large = session_with_events(store.root, 1_000), session_with_events(store.root, 100_000)
    actions: dict[str, Callable[[str], object]] = {
        "review": lambda name: review_session(
            (loaded := load_any(store, name)).session, loaded.notes
        )
    }
    for form in ("md", "csv", "ics", "toml"):
        actions[f"export {form}"] = lambda name, form=form: export_bytes(
            load_any(store, name), form
        )
    figures = []
    for what, action in actions.items():
        # The small day takes tens of milliseconds, so a pause of the machine's moves its
        # median most: it gets more rounds than the large one.
        one = _seconds(action, small, 15)
        many = _seconds(action, large, 3)
        figures.append(Figure(f"{what}, 100,000 events", many, one, 150, "s", "1,000 events"))
    return figures
