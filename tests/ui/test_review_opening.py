"""The first frame of a session's review: drawn from the session's preview before the
models load, with the plan where the review screen has it; a key typed on it reaches the
review, and the list of sessions lies beneath."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from rich.table import Table
from textual.widgets import Static, TabbedContent

from facilitator.agenda.model import Agenda
from facilitator.review.archive import open_any
from facilitator.review.preview import preview_session
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.ui.app import FacilitatorApp, add_review_mode
from facilitator.ui.screens.review_list import ReviewListScreen
from facilitator.ui.screens.review_opening import ReviewOpening
from facilitator.ui.screens.review_session import SessionReviewScreen
from facilitator.ui.widgets.plain_label import PlainLabel
from tests.seed import ROOT
from tests.ui.test_review import finished_day
from tests.ui.waiting import until

SIZE = (120, 40)
PLANNED = (0, 1, 2, 4)
"""The timeline's columns of the plan: number, slot, planned start, planned length."""


def _planned(screen: ReviewOpening | SessionReviewScreen) -> list[tuple[str, ...]]:
    table = screen.query_one("#timeline-table", Static).content
    assert isinstance(table, Table)
    columns = [[str(cell) for cell in table.columns[index]._cells] for index in PLANNED]
    return list(zip(*columns, strict=True))


async def test_the_review_replaces_its_first_frame_in_place_and_takes_the_keys(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    session_id = finished_day(agenda, store, clock)
    preview = preview_session(store.folder(session_id))
    assert preview is not None

    def prepare(app: FacilitatorApp) -> None:
        add_review_mode(app, store, open_any(store, session_id))

    app = FacilitatorApp("review", ReviewOpening(preview), prepare)
    async with app.run_test(size=SIZE) as pilot:
        opening = app.screen
        assert isinstance(opening, ReviewOpening)
        heading = opening.query_one("#session-heading", PlainLabel).text
        plan = _planned(opening)
        assert plan[0] == ("1", "Velkommen til arbejdsmiljødagen", "", "5 min")
        await pilot.press("2")  # the notes, asked for before the review is there
        await until(pilot, lambda: isinstance(app.screen, SessionReviewScreen), "the review")
        review = app.screen
        assert isinstance(review, SessionReviewScreen)
        assert review.query_one("#session-heading", PlainLabel).text == heading
        assert [(n, title, length) for n, title, _, length in _planned(review)] == [
            (n, title, length) for n, title, _, length in plan
        ]
        assert _planned(review)[0][2] == "08:45"  # the planned start, known with the models
        tabs = review.query_one(TabbedContent)
        await until(pilot, lambda: tabs.active == "notes", "the key typed on the first frame")
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ReviewListScreen), "the list beneath")


CHILD = r"""
import json, sys
from textual.app import App
from facilitator.ui.app import FacilitatorApp

seen = {}
real_open = FacilitatorApp._open_after_first_frame


def open_after_first_frame(self):
    seen["pydantic before the models"] = "pydantic" in sys.modules
    seen["first frame"] = type(self.screen).__name__
    real_open(self)


FacilitatorApp._open_after_first_frame = open_after_first_frame
real_run = App.run


def run(self, **options):
    async def look(pilot):
        while "first frame" not in seen or pilot.app.screen is pilot.app.opening:
            await pilot.pause(0.01)
        seen["then"] = type(pilot.app.screen).__name__
        pilot.app.exit()

    return real_run(self, headless=True, auto_pilot=look, **options)


App.run = run
from facilitator.cli import main

main(["review", sys.argv[1], "--sessions", sys.argv[2]])
with open(sys.argv[3], "w", encoding="utf-8") as file:
    json.dump(seen, file)
"""


def test_the_command_draws_the_first_frame_before_pydantic(
    agenda: Agenda, store: SessionStore, clock: FakeClock, tmp_path: Path
) -> None:
    """From the command line's start to the first frame, in a fresh interpreter."""
    session_id = finished_day(agenda, store, clock)
    report = tmp_path / "report.json"
    subprocess.run(
        [sys.executable, "-c", CHILD, session_id, str(store.root), str(report)],
        check=True,
        cwd=ROOT,
        timeout=120,
        capture_output=True,
    )
    assert json.loads(report.read_text(encoding="utf-8")) == {
        "pydantic before the models": False,
        "first frame": "ReviewOpening",
        "then": "SessionReviewScreen",
    }
