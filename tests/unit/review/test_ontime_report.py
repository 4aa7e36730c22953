"""`export --format report-csv`: planned against actual per slot in the columns and time
format of Ontime's runtime report, from a day run on a fake clock."""

from __future__ import annotations

import csv
import io

from facilitator.agenda.model import Agenda
from facilitator.review.archive import LoadedSession, load_folder
from facilitator.review.exports import export_bytes
from facilitator.review.ontime_report import REPORT_HEADER, report_csv
from facilitator.roles.host import HostRun
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action
from tests.unit.review.test_exports import PLANNED, run_day


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_the_columns_are_ontimes() -> None:
    # apps/client/src/features/app-settings/panel/feature-panel/reportSettings.utils.ts
    assert list(REPORT_HEADER) == [
        "Index",
        "Title",
        "Cue",
        "Scheduled Start",
        "Actual Start",
        "Scheduled End",
        "Actual End",
    ]


def test_planned_against_actual_per_slot(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    minutes = list(PLANNED)
    minutes[0] += 3  # the welcome runs three minutes over
    minutes[7] -= 4.5  # the break is four and a half minutes short
    day = run_day(agenda, store, clock, minutes, notes=False)
    table = rows(report_csv(day))
    assert table[0] == list(REPORT_HEADER)
    assert len(table) == 1 + len(agenda.slots)
    assert table[1] == [
        "1",
        "Velkommen til arbejdsmiljødagen",
        "1",
        "08:45:00",
        "08:45:00",
        "08:50:00",
        "08:53:00",
    ]
    assert table[2][3:] == ["08:50:00", "08:53:00", "09:00:00", "09:03:00"]
    assert table[8][1] == "Pause"
    assert table[8][3:] == ["09:45:00", "09:48:00", "09:55:00", "09:53:30"]
    assert table[14][3:] == ["12:15:00", "12:13:30", "12:30:00", "12:28:30"]


def test_a_slot_not_reached_or_still_running_has_no_time(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    host = HostRun(agenda, store, clock)
    clock.advance(60)
    host.act(Action.START)
    clock.advance(7 * 60 + 20.6)  # Ontime cuts the seconds, never rounds them up
    host.act(Action.NEXT)
    clock.advance(90)
    host.act(Action.PAUSE)
    host.close()
    assert host.session is not None
    table = rows(report_csv(load_folder(store, host.session.id)))
    assert table[1][4:] == ["08:45:00", "08:50:00", "08:52:20"]
    assert table[2][4:] == ["08:52:20", "09:00:00", "..."]  # still running
    assert table[3][4:] == ["...", "09:10:00", "..."]  # not reached


def test_a_title_that_looks_like_a_formula_stays_text(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    slots = [agenda.slots[0].model_copy(update={"title": "=HYPERLINK(1)"}), *agenda.slots[1:]]
    tricky = agenda.model_copy(update={"slots": slots})
    day: LoadedSession = run_day(tricky, store, clock, PLANNED, notes=False)
    raw = export_bytes(day, "report-csv")
    assert raw.startswith(b"\xef\xbb\xbf")  # a spreadsheet reads the Danish letters right
    assert rows(raw.decode("utf-8-sig"))[1][1] == "'=HYPERLINK(1)"
