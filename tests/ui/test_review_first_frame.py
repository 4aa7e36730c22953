"""The review list paints from the index: with a warm index, `facilitator review` loads no
pydantic and opens no session or notes file, from its start (which finds the console's
language) until the list and the slots that recur are on the screen. Counted in a fresh
process, not timed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from facilitator.agenda.model import Agenda
from facilitator.review.index import index_sessions, slot_overs
from facilitator.session.store import SESSION_FILE, SessionStore
from facilitator.timing.clock import FakeClock
from tests.seed import ROOT
from tests.ui.test_review import finished_day

CHILD = r"""
import io, json, sys
from textual.app import App

report_path = sys.argv[2]
opened = []
real_open = io.open


def spy(file, *args, **kwargs):
    opened.append(str(file))
    return real_open(file, *args, **kwargs)


real_run = App.run


def run(self, **options):
    async def look(pilot):
        def listed_with_recurring():
            tables = pilot.app.screen.query("#sessions")
            recurring = pilot.app.screen.query("#recurring")
            return (
                tables and tables.first().row_count > 0
                and recurring and str(recurring.first().content)
            )

        while not listed_with_recurring():
            await pilot.pause(0.01)
        from facilitator.i18n import language

        report = {
            "pydantic": "pydantic" in sys.modules, "opened": opened, "language": language()
        }
        with real_open(report_path, "w", encoding="utf-8") as file:
            json.dump(report, file)
        pilot.app.exit()

    return real_run(self, headless=True, auto_pilot=look, **options)


App.run = run
from facilitator.cli import main

io.open = spy  # from the command line's start, which finds the console's language too
main(["review", "--sessions", sys.argv[1]])
"""


def test_a_warm_list_paints_without_pydantic_or_a_session_file(
    agenda: Agenda, store: SessionStore, clock: FakeClock, tmp_path: Path
) -> None:
    for _ in range(3):
        finished_day(agenda, store, clock)
    slot_overs(store, index_sessions(store))  # both indexes warm
    report_path = tmp_path / "report.json"
    subprocess.run(
        [sys.executable, "-c", CHILD, str(store.root), str(report_path)],
        check=True,
        cwd=ROOT,
        timeout=120,
        capture_output=True,
    )
    report = json.loads(report_path.read_text(encoding="utf-8"))
    read = [Path(path).name for path in report["opened"]]
    assert SESSION_FILE not in read and not any(name.startswith("notes-") for name in read)
    assert ".index-review.json" in read  # what it painted from
    assert not report["pydantic"]
    assert report["language"] == agenda.language == "da"  # the newest session's, from the index
