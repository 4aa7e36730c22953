"""Looking back: planned against actual, recurring slots, and every export parsed back."""

from __future__ import annotations

import csv
import io
import tomllib
from datetime import timedelta
from pathlib import Path

import icalendar
import pytest

from facilitator.agenda.model import Agenda
from facilitator.cli import main
from facilitator.errors import SessionError
from facilitator.review.analysis import recurring_slots, review_session
from facilitator.review.archive import (
    LoadedSession,
    archive_text,
    load_any,
    load_archive,
    load_folder,
)
from facilitator.review.exports import calendar, markdown, notes_csv
from facilitator.review.index import index_sessions
from facilitator.roles.host import HostRun
from facilitator.roles.note_taker import NoteTaking
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action


def run_day(
    agenda: Agenda, store: SessionStore, clock: FakeClock, minutes: list[float], notes: bool = True
) -> LoadedSession:
    """A day whose slots last `minutes` each, ended with finish; notes in the first dialogue."""
    host = HostRun(agenda, store, clock)
    clock.advance(60)
    host.act(Action.START)
    desk = None
    for index, length in enumerate(minutes):
        if index == 2 and notes:
            assert host.session is not None
            desk = NoteTaking(store, host.session, "desk", clock)
            desk.save(2, 1, agenda.slots[2].questions[0], "Tillid og psykologisk tryghed")
            desk.save(2, 2, agenda.slots[2].questions[1], "Psykologisk tryghed, feedback")
            desk.save(2, 3, None, 'Bord 3: "mere tid", tak | og ro\nanden linje')
        clock.advance(length * 60)
        host.act(Action.NEXT if index + 1 < len(minutes) else Action.FINISH)
    if desk:
        desk.close()
    host.close()
    assert host.session is not None
    return load_folder(store, host.session.id)


PLANNED = [5, 10, 10, 5, 10, 10, 10, 10, 25, 60, 30, 10, 15, 15]


@pytest.fixture
def day(agenda: Agenda, store: SessionStore, clock: FakeClock) -> LoadedSession:
    minutes = list(PLANNED)
    minutes[0] += 3  # the welcome runs three minutes over
    minutes[7] -= 4  # the break is four minutes short
    return run_day(agenda, store, clock, minutes)


def test_planned_against_actual(day: LoadedSession) -> None:
    review = review_session(day.session, day.notes)
    assert review.finished
    assert review.slots[0].over == 180 and review.slots[7].over == -240
    assert [s.title for s in review.delay_sources] == ["Velkommen til arbejdsmiljødagen"]
    assert [s.title for s in review.absorbers] == ["Pause"]
    assert review.slots[0].delay_after == 180
    assert review.over == -60  # the break took it up and a minute more
    assert len(review.notes) == 3


def test_a_pause_counts_as_time_in_the_slot(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    host = HostRun(agenda, store, clock)
    host.act(Action.START)
    clock.advance(120)
    host.act(Action.PAUSE)
    clock.advance(60)
    host.act(Action.RESUME)
    clock.advance(180)
    host.act(Action.NEXT)
    assert host.session is not None
    review = review_session(host.session)
    assert review.slots[0].actual_duration == 360 and not review.finished


def test_recurring_slots_average_over_days(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    days = []
    for extra in (2, 4):
        minutes = list(PLANNED)
        minutes[0] += extra
        days.append(run_day(agenda, store, clock, minutes, notes=False))
        clock.advance(86400)
    found = recurring_slots([review_session(d.session) for d in days])
    welcome = next(item for item in found if item.title == "Velkommen til arbejdsmiljødagen")
    assert welcome.average_over == 180 and welcome.days == 2
    dialogue = next(item for item in found if item.title == "Dialog ved bordene")
    assert dialogue.days == 2  # two dialogues a day count once per day


def test_markdown_minutes(day: LoadedSession) -> None:
    text = markdown(day)
    lines = text.splitlines()
    assert lines[0] == "# Hovedudvalgets arbejdsmiljødag"
    assert "## Timeline" in lines and "## Notes" in lines
    table = [line for line in lines if line.startswith("| ")]
    assert len(table) == 1 + 14 and all(line.count(" | ") == 6 for line in table)
    assert (
        "| 1 | Velkommen til arbejdsmiljødagen | 08:45 | 08:45 | 5 min | 8 min | +3 min |" in lines
    )
    assert "Delay came from: Velkommen til arbejdsmiljødagen (+3 min)." in lines
    assert "### 3. Dialog ved bordene (09:00)" in lines
    assert "#### Hvad kan vi gøre hver især og i fællesskab?" in lines
    assert "#### General" in lines
    assert any(line.startswith("- **Table 3**: Bord 3:") for line in lines)
    assert any(line.startswith("  anden linje (desk, ") for line in lines)  # in its list item
    assert any(line.startswith("Top words: psykologisk tryghed (2)") for line in lines)


def test_csv_opens_in_a_spreadsheet(day: LoadedSession) -> None:
    raw = notes_csv(day).encode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == [
        "slot",
        "slot_title",
        "question",
        "table",
        "writer",
        "created",
        "updated",
        "text",
    ]
    assert len(rows) == 4
    assert rows[1][:5] == [
        "3",
        "Dialog ved bordene",
        "Hvordan understøtter vi, at der fortsat bliver skabt øget "
        "psykologisk tryghed i organisationen?",
        "1",
        "desk",
    ]
    assert rows[3][7] == 'Bord 3: "mere tid", tak | og ro\nanden linje'
    assert raw.startswith(b"\xef\xbb\xbf")


def test_icalendar_is_valid_with_the_days_times(day: LoadedSession) -> None:
    parsed = icalendar.Calendar.from_ical(calendar(day))
    events = [c for c in parsed.walk("VEVENT")]
    assert len(events) == 14
    first = events[0]
    assert str(first["SUMMARY"]) == "Velkommen til arbejdsmiljødagen"
    start = first.decoded("DTSTART")
    assert start.isoformat() == "2024-11-26T08:45:00+01:00"
    assert str(start.tzinfo) == "Europe/Copenhagen"
    assert first.decoded("DTEND") - start == timedelta(minutes=5)
    assert [c.name for c in parsed.walk("VTIMEZONE")] == ["VTIMEZONE"]
    assert len({str(event["UID"]) for event in events}) == 14


def test_the_archive_holds_everything_and_reads_back(day: LoadedSession, tmp_path: Path) -> None:
    path = tmp_path / "day.toml"
    path.write_text(archive_text(day), encoding="utf-8")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "facilitator-session" and data["session"]["id"] == day.session.id
    again = load_archive(path)
    assert again.session == day.session
    assert [n.id for n in again.notes] == [n.id for n in day.notes]
    assert load_any(SessionStore(tmp_path / "none"), str(path)).session == day.session


def test_a_toml_file_that_is_no_archive_is_named(tmp_path: Path) -> None:
    path = tmp_path / "agenda.toml"
    path.write_text('title = "x"\n')
    with pytest.raises(SessionError, match="not a facilitator session archive"):
        load_archive(path)


@pytest.mark.parametrize("form", ["md", "csv", "ics", "toml"])
def test_export_writes_and_never_overwrites_without_force(
    day: LoadedSession,
    store: SessionStore,
    tmp_path: Path,
    form: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = tmp_path / f"out.{form}"
    args = [
        "export",
        day.session.id,
        "--format",
        form,
        "--sessions",
        str(store.root),
        "-o",
        str(target),
        "--lang",
        "en",
    ]
    assert main(args) == 0
    first = target.read_bytes()
    assert first
    assert main(args) == 2
    assert "exists already" in capsys.readouterr().err
    assert target.read_bytes() == first
    assert main([*args, "--force"]) == 0


def test_export_of_a_missing_session_exits_2(
    store: SessionStore, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "nope", "--format", "md", "--sessions", str(store.root)]) == 2
    assert "no such session" in capsys.readouterr().err


def test_the_list_shows_broken_empty_and_note_less_sessions(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    run_day(agenda, store, clock, PLANNED, notes=False)
    (store.root / "empty-folder").mkdir()
    (store.root / "corrupt").mkdir()
    (store.root / "corrupt" / "session.toml").write_text("id = [")
    summaries = {s.id: s for s in index_sessions(store)}
    assert len(summaries) == 3
    assert "no such file" in (summaries["empty-folder"].error or "")
    assert "not valid TOML" in (summaries["corrupt"].error or "")
    (good,) = [s for s in summaries.values() if s.error is None]
    assert good.notes == 0 and good.finished and good.slots == 14 and good.over == 0


def test_the_example_session_is_a_finished_rehearsal_with_notes() -> None:
    root = Path(__file__).resolve().parents[3] / "sessions"
    (summary,) = index_sessions(SessionStore(root))
    assert summary.error is None and summary.rehearsal and summary.finished
    assert summary.notes >= 20
    assert SessionStore(root).newest_unfinished() is None
