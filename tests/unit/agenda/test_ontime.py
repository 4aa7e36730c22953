"""Ontime project files: an agenda written as Ontime 4 reads it, a hand-written Ontime
project read as an agenda with remarks, and the round trip agenda -> Ontime -> agenda."""

from __future__ import annotations

import copy
import json
import re
from datetime import date, time
from pathlib import Path
from typing import Any

import pytest

from facilitator.agenda.import_result import ImportProblem
from facilitator.agenda.model import Agenda, SlotKind, load_agenda
from facilitator.agenda.ontime import ONTIME_VERSION, ontime_json, to_ontime
from facilitator.agenda.ontime_import import parse_ontime
from facilitator.agenda.ontime_read import looks_like_json, parse_json

PROGRAMMES = Path(__file__).parents[1] / "programmes"
TECHDAY = PROGRAMMES / "ontime_techday.json"

EVENT_KEYS = {
    "type",
    "id",
    "flag",
    "cue",
    "title",
    "note",
    "endAction",
    "timerType",
    "countToEnd",
    "linkStart",
    "timeStrategy",
    "timeStart",
    "timeEnd",
    "duration",
    "skip",
    "colour",
    "timeWarning",
    "timeDanger",
    "custom",
    "triggers",
    "parent",
    "revision",
    "delay",
    "dayOffset",
    "gap",
}
"""Every field of `OntimeEvent` in Ontime v4.11.0 (packages/types/src/definitions/core/
OntimeEntry.ts), copied by hand so that the test does not trust the exporter's list."""

MODEL_KEYS = {
    "rundowns",
    "project",
    "settings",
    "viewSettings",
    "urlPresets",
    "customFields",
    "automation",
}
"""`DatabaseModel` in Ontime v4.11.0 (packages/types/src/definitions/DataModel.type.ts)."""


def techday() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(TECHDAY.read_text(encoding="utf-8"))
    return data


def events_of(project: dict[str, Any]) -> list[dict[str, Any]]:
    rundown = project["rundowns"]["default"]
    return [rundown["entries"][entry_id] for entry_id in rundown["order"]]


# Export


def test_the_export_has_ontimes_shape(agenda: Agenda) -> None:
    project = json.loads(ontime_json(agenda))
    assert set(project) == MODEL_KEYS
    assert project["settings"]["version"] == ONTIME_VERSION
    assert project["project"]["title"] == agenda.title
    rundown = project["rundowns"]["default"]
    assert rundown["id"] == "default"
    assert rundown["order"] == rundown["flatOrder"] == list(rundown["entries"])
    assert len(set(rundown["order"])) == len(agenda.slots)
    for entry_id, event in rundown["entries"].items():
        assert set(event) == EVENT_KEYS
        assert event["id"] == entry_id and event["type"] == "event"
        assert set(event["custom"]) <= set(project["customFields"])
    for key, spec in project["customFields"].items():
        # Ontime drops a custom field whose key is not its label with "_" for spaces, or
        # whose label is not letters, digits, "_" and spaces (customFields.parser.ts).
        assert key == spec["label"].replace(" ", "_") and spec["type"] == "text"
        assert re.fullmatch(r"[a-z0-9_ ]+", spec["label"], re.IGNORECASE)


def test_each_slot_is_an_event_in_milliseconds(agenda: Agenda) -> None:
    events = events_of(to_ontime(agenda))
    welcome, talk, lunch, election = events[0], events[1], events[12], events[13]
    assert (welcome["timeStart"], welcome["duration"], welcome["timeEnd"]) == (
        (8 * 60 + 45) * 60_000,
        5 * 60_000,
        (8 * 60 + 50) * 60_000,
    )
    assert welcome["title"] == "Velkommen til arbejdsmiljødagen" and welcome["cue"] == "1"
    assert welcome["custom"]["Speakers"] == "Jonas Kroustrup\nTinne Christiansen"
    assert welcome["timeWarning"] == 60_000 and welcome["timeDanger"] == 60_000
    assert talk["timeWarning"] == 120_000 and talk["linkStart"] is True
    assert talk["note"].startswith("Rammesætning")
    assert events[2]["custom"]["Questions"].count("\n") == 1
    assert lunch["timeStrategy"] == "lock-end" and lunch["linkStart"] is False
    assert all(e["timeStrategy"] == "lock-duration" for e in events if e is not lunch)
    assert election["timeEnd"] == (12 * 60 + 30) * 60_000


def test_the_export_is_the_same_each_time(agenda: Agenda) -> None:
    assert ontime_json(agenda) == ontime_json(agenda)


# Import of a hand-written Ontime project


def test_a_hand_written_ontime_project_becomes_an_agenda() -> None:
    result = parse_ontime(techday())
    agenda = result.agenda
    assert agenda.title == "Nordic Stage Tech Day" and agenda.venue == "Aarhus Concert Hall"
    rows = [
        (s.start, agenda.duration_of(i), s.title, s.speakers, agenda.warning_of(i), s.fixed)
        for i, s in enumerate(agenda.slots)
    ]
    assert rows == [
        (time(9, 0), 600, "Welcome", ["Ann Berg", "Bo Ek"], 60, False),
        # linkStart: it starts where the welcome ends, whatever its timeStart says
        (time(9, 10), 2700, "Keynote: cues in the cloud", ["Carla Díaz"], 300, False),
        (time(10, 0), 1200, "Coffee break", [], 120, True),
        (
            time(10, 20),
            3300,
            "Panel: running shows with Ontime",
            ["Dee Olsen", "Eli Park"],
            120,
            False,
        ),
        # the skipped "Backup video" is left out; lunch overlapped the workshops
        (time(11, 15), 2700, "Lunch", [], 120, True),
        (time(12, 0), 3600, "Workshop rounds", [], 120, False),
    ]
    assert agenda.end == time(13, 0)
    assert [s.kind for s in agenda.slots][:3] == [SlotKind.WELCOME, SlotKind.TALK, SlotKind.BREAK]
    assert agenda.slots[1].note == "Video Notes: Slides from laptop 2"
    assert agenda.slots[3].note == "Mics 1-4 on the table"


def test_what_the_import_cannot_place_is_remarked() -> None:
    remarks = [remark.text for remark in parse_ontime(techday()).remarks]
    expected = [
        "milestone 'Doors open, coffee in the foyer'",
        "group 'Morning'",
        "delay (+5 min)",
        'event 5 "Backup video": skipped',
        "custom field 'Video Notes'",
        'event 6 "Lunch": ends 12:15',
        "project entry 'Doors'",
        "info text",
    ]
    assert len(remarks) == len(expected)
    for text, part in zip(remarks, expected, strict=True):
        assert part in text


def test_a_rundown_past_midnight_asks_for_a_day() -> None:
    data = techday()
    entries = data["rundowns"]["default"]["entries"]
    entries["e7"].update(timeStart=23 * 3_600_000, timeEnd=3_600_000, timeStrategy="lock-end")
    entries["e8"] = {"type": "event", "id": "e8", "title": "After party", "timeStart": 3_600_000}
    entries["e8"]["duration"] = 1_800_000
    data["rundowns"]["default"]["order"].append("e8")
    with pytest.raises(ImportProblem, match='2 days.*--day N.*2: from 01:00 "After party"'):
        parse_ontime(data)
    first = parse_ontime(data, day=1)
    assert first.agenda.slots[-1].title == "Workshop rounds"
    assert first.agenda.duration_of(len(first.agenda.slots) - 1) == 3600  # up to midnight
    assert any("past midnight" in remark.text for remark in first.remarks)
    second = parse_ontime(data, day=2).agenda
    assert [(s.start, s.title) for s in second.slots] == [(time(1, 0), "After party")]
    with pytest.raises(ImportProblem, match="--day 3"):
        parse_ontime(data, day=3)


def test_several_rundowns_need_a_choice() -> None:
    data = techday()
    other = copy.deepcopy(data["rundowns"]["default"])
    other.update(id="backstage", title="Backstage")
    data["rundowns"]["backstage"] = other
    with pytest.raises(ImportProblem, match="2 rundowns.*--rundown ID.*backstage"):
        parse_ontime(data)
    assert parse_ontime(data, rundown="Backstage").agenda.title == "Nordic Stage Tech Day"
    assert parse_ontime(data, rundown="default").agenda.slots[0].title == "Welcome"
    with pytest.raises(ImportProblem, match="--rundown nope"):
        parse_ontime(data, rundown="nope")


def test_an_event_without_a_title_is_named_and_remarked() -> None:
    data = techday()
    data["rundowns"]["default"]["entries"]["e7"]["title"] = "  "
    result = parse_ontime(data)
    assert result.agenda.slots[-1].title == "?"
    assert any('event 7 "?"' in remark.text for remark in result.remarks)


def test_the_date_given_wins() -> None:
    assert parse_ontime(techday(), on_date=date(2025, 5, 2)).agenda.date == date(2025, 5, 2)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("settings"), "settings: expected an object"),
        (lambda d: d["settings"].pop("version"), "settings.version: missing"),
        (lambda d: d["settings"].update(version="3.6.2"), "Ontime 3 project"),
        (lambda d: d.update(rundowns=[]), "rundowns: expected an object"),
        (
            lambda d: d["rundowns"]["default"]["entries"]["e1"].update(timeStart="09:00"),
            "rundowns.default.entries.e1.timeStart: expected a time of day in milliseconds"
            ' from midnight (36000000 is 10:00), found "09:00"',
        ),
        (
            lambda d: d["rundowns"]["default"]["entries"]["e4"].update(duration=-5),
            "rundowns.default.entries.e4.duration: expected a length in milliseconds",
        ),
        (
            lambda d: d["rundowns"]["default"]["entries"]["e4"].update(title=["a"]),
            "rundowns.default.entries.e4.title: expected text in quotes",
        ),
        (
            lambda d: d["rundowns"]["default"].update(order="e1"),
            "rundowns.default.order: expected a list",
        ),
        (
            lambda d: d["rundowns"]["default"]["entries"]["e4"].update(custom=[]),
            "rundowns.default.entries.e4.custom: expected an object",
        ),
        (lambda d: d["rundowns"]["default"].update(order=[]), "no events to import"),
    ],
)
def test_a_wrong_shape_names_the_place_and_the_fix(change: Any, message: str) -> None:
    data = techday()
    change(data)
    with pytest.raises(ImportProblem) as raised:
        parse_ontime(data)
    assert message in str(raised.value)
    assert "correct it" in str(raised.value) or "Ontime" in str(raised.value)


def test_json_that_is_not_a_project() -> None:
    with pytest.raises(ImportProblem, match="not an Ontime project"):
        parse_ontime({"title": "x"})
    with pytest.raises(ImportProblem, match="the file: expected an object"):
        parse_ontime([1, 2])


def test_broken_json_says_line_and_column() -> None:
    with pytest.raises(ImportProblem, match="line 2, column 1: not JSON"):
        parse_json('{"rundowns": {}\n"x"}')
    with pytest.raises(ImportProblem, match="NaN"):
        parse_json('{"a": NaN}')
    with pytest.raises(ImportProblem, match="nested too deeply"):
        parse_json("[" * 100_000 + "]" * 100_000)


def test_json_is_told_by_its_name_or_its_first_character() -> None:
    assert looks_like_json("show.JSON", "x") and looks_like_json("-", '\ufeff  {"a": 1}')
    assert not looks_like_json("programme.txt", "8.45 Velkommen")


# Round trip


def test_the_repositorys_agenda_survives_the_round_trip(agenda: Agenda) -> None:
    back = parse_ontime(json.loads(ontime_json(agenda)))
    assert back.remarks == ()
    # Ontime has no place for the default number of tables, "ca." (approx), the stage's
    # preset messages, report-back turns or phases: the rest of the day comes back as it was.
    assert back.agenda.model_copy(update={"tables": agenda.tables}) == not_carried(agenda)


def not_carried(agenda: Agenda) -> Agenda:
    """`agenda` without what an Ontime project has no place for."""
    blank = {"approx": False, "report_back": None, "phases": [], "template": None}
    slots = [slot.model_copy(update=blank) for slot in agenda.slots]
    return agenda.model_copy(update={"slots": slots, "messages": []})


def test_the_example_agendas_survive_the_round_trip() -> None:
    for path in sorted(PROGRAMMES.glob("*.expected.toml")):
        agenda = load_agenda(path)
        again = parse_ontime(json.loads(ontime_json(agenda))).agenda
        assert [
            (s.start, again.duration_of(i), s.title, s.speakers, again.warning_of(i))
            for i, s in enumerate(again.slots)
        ] == [
            (s.start, agenda.duration_of(i), s.title, s.speakers, agenda.warning_of(i))
            for i, s in enumerate(agenda.slots)
        ], path.name
