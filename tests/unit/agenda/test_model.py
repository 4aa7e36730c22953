"""The agenda format: the seed's day loads, every kind of bad file gets a message that helps."""

from __future__ import annotations

import tomllib
from datetime import date, time
from pathlib import Path

import pytest
import tomli_w

from facilitator.agenda.durations import format_duration, parse_clock, parse_duration
from facilitator.agenda.model import Agenda, SlotKind, load_agenda, parse_agenda
from facilitator.errors import AgendaError

BROKEN = Path(__file__).parents[1] / "agendas"


def test_the_seed_day_is_complete(agenda: Agenda) -> None:
    """Every item of the programme, 8.45 to the election, with speakers, kinds and questions."""
    assert agenda.title == "Hovedudvalgets arbejdsmiljødag"
    assert agenda.date == date(2024, 11, 26)
    starts = [slot.start.strftime("%H:%M") for slot in agenda.slots]
    assert starts == [
        "08:45",
        "08:50",
        "09:00",
        "09:10",
        "09:15",
        "09:25",
        "09:35",
        "09:45",
        "09:55",
        "10:20",
        "11:20",
        "11:50",
        "12:00",
        "12:15",
    ]
    kinds = [slot.kind for slot in agenda.slots]
    assert kinds.count(SlotKind.DIALOGUE) == 2
    assert {
        SlotKind.WELCOME,
        SlotKind.SUMMARY,
        SlotKind.BREAK,
        SlotKind.MEAL,
        SlotKind.ELECTION,
        SlotKind.CASE,
    } <= set(kinds)
    dialogues = [slot for slot in agenda.slots if slot.kind is SlotKind.DIALOGUE]
    assert all(len(slot.questions) == 2 for slot in dialogues)
    assert dialogues[0].questions[1] == "Hvad kan vi gøre hver især og i fællesskab?"
    assert agenda.slots[0].speakers == ["Jonas Kroustrup", "Tinne Christiansen"]
    assert agenda.slots[-1].approx and agenda.slots[-1].title == "Valg til AMR"
    assert agenda.end == time(12, 30)
    assert agenda.duration_of(9) == 3600  # Fælles lederskab, 10.20 to 11.20
    assert agenda.duration_of(13) == 15 * 60  # the election runs to the day's end


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("90s", 90), ("5m", 300), ("1h30m", 5400), ("1h", 3600), ("2m30s", 150), (" 10m ", 600)],
)
def test_durations_parse(text: str, seconds: int) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("seconds", [1, 59, 60, 90, 3600, 5400, 3661])
def test_durations_format_back(seconds: int) -> None:
    assert parse_duration(format_duration(seconds)) == seconds


@pytest.mark.parametrize("text", ["", "0m", "5", "5 minutes", "-5m", "m", "1.5h"])
def test_bad_durations_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="duration"):
        parse_duration(text)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("08:45", time(8, 45)),
        ("8.45", time(8, 45)),
        ("8:45", time(8, 45)),
        (time(9, 0), time(9, 0)),
        ("23:59", time(23, 59)),
        ("09:00:30", time(9, 0, 30)),
    ],
)
def test_clock_times_parse(value: object, expected: time) -> None:
    assert parse_clock(value) == expected


@pytest.mark.parametrize("text", ["25:00", "8.60", "nine", "845", "24:00"])
def test_bad_clock_times_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_clock(text)


def test_toml_local_times_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "agenda.toml"
    path.write_text('title = "Day"\n[[slot]]\nstart = 09:00:00\ntitle = "Talk"\nduration = "5m"\n')
    assert load_agenda(path).slots[0].start == time(9, 0)


def test_the_agenda_round_trips_through_toml(agenda: Agenda) -> None:
    text = tomli_w.dumps(agenda.to_toml_data())
    assert Agenda.model_validate(tomllib.loads(text)) == agenda


# Each broken agenda with what its message must name: the slot and the field or rule.
CASES = {
    "unknown_key.toml": ["slot 2", "unknown key 'titel'", "did you mean 'title'"],
    "unknown_agenda_key.toml": ["unknown key 'ende'", "did you mean 'end'"],
    "starts_not_increasing.toml": ['slot 3 "Dialogue"', "'start' 09:15", "strictly increase"],
    "bad_time.toml": ['slot 2 "Late talk"', "'start'", "'25:00' is not a time of day"],
    "zero_duration.toml": ['slot 1 "Welcome"', "'duration'", "positive"],
    "negative_duration.toml": ['slot 1 "Welcome"', "'duration'", "'-5m'"],
    "duration_as_number.toml": ['slot 1 "Welcome"', "'duration'", '"5m"'],
    "overlapping_duration.toml": ['slot 1 "Welcome"', "'duration' 20m", "09:10"],
    "no_end.toml": ['slot 2 "Closing words"', "last slot", "'end'"],
    "end_before_last_start.toml": ["'end' 09:05", 'slot 2 "Keynote"'],
    "no_slots.toml": ["no slots", "[[slot]]"],
    "unknown_kind.toml": ['slot 1 "Welcome"', "'kind'", "'keynote'", "dialogue"],
    "missing_title.toml": ["slot 2", "missing 'title'"],
    "empty_title.toml": ["slot 1", "'title'", "empty"],
    "questions_not_list.toml": ['slot 1 "Dialog ved bordene"', "'questions'", "list of strings"],
    "questions_not_strings.toml": ['slot 1 "Dialog ved bordene"', "'questions'", "42"],
    "not_utf8.toml": ["line 1", "not UTF-8"],
    "not_toml.toml": ["not valid TOML", "line 6, column 7"],
    "a_directory.toml": ["is a folder"],
    "min_longer_than_slot.toml": ['slot 2 "Dialogue"', "'min' 1h", "(50m)", "at most"],
    "min_and_keep.toml": ['slot 1 "Keynote"', "'min'", "'keep = true'", "drop one"],
    "min_as_number.toml": ['slot 1 "Keynote"', "'min'", '"5m"', "got 30"],
    "report_back_on_a_talk.toml": [
        'slot 1 "Keynote"',
        "'report_back'",
        "'dialogue' or 'summary'",
        "'talk'",
        "remove 'report_back'",
    ],
    "report_back_too_long.toml": ['slot 2 "Round-up"', "'report_back' 15m", "(10m)", "at most"],
    "report_back_as_number.toml": ['slot 1 "Round-up"', "'report_back'", '"5m"', "got 90"],
    "message_empty.toml": ["'messages'", "message 2 is empty", "remove it"],
    "message_not_text.toml": ["'messages'", "list of texts", "messages = ["],
    "messages_too_many.toml": ["'messages'", "10 messages", "at most 9"],
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_broken_agenda_message_names_file_slot_and_field(name: str) -> None:
    with pytest.raises(AgendaError) as caught:
        load_agenda(BROKEN / name)
    message = str(caught.value)
    assert str(BROKEN / name) in message
    for fragment in CASES[name]:
        assert fragment in message, f"{fragment!r} not in {message!r}"


def test_every_broken_file_has_a_case() -> None:
    assert {path.name for path in BROKEN.iterdir()} == set(CASES)


def test_preset_messages_are_read_trimmed_and_too_long_ones_refused() -> None:
    data = {"title": "Day", "end": "10:00", "slot": [{"start": "9.00", "title": "A"}]}
    agenda = parse_agenda({**data, "messages": [" Tal højere "]}, source="day.toml")
    assert agenda.messages == ["Tal højere"]
    with pytest.raises(AgendaError) as caught:
        parse_agenda({**data, "messages": ["x" * 201]}, source="day.toml")
    assert "message 1 has 201 characters" in str(caught.value)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(AgendaError, match="no such file"):
        load_agenda(tmp_path / "nowhere.toml")


def test_all_problems_are_reported_together() -> None:
    data = {"title": "Day", "slot": [{"start": "9.00", "titel": "A", "kind": "x"}]}
    with pytest.raises(AgendaError) as caught:
        parse_agenda(data, source="day.toml")
    lines = str(caught.value).splitlines()
    assert len(lines) == 3 and all(line.startswith("day.toml: slot 1") for line in lines)


def test_the_latest_dialogue_up_to_a_slot(agenda: Agenda) -> None:
    assert agenda.latest_dialogue(0) == 2  # before any dialogue: the day's first
    assert agenda.latest_dialogue(2) == 2
    assert agenda.latest_dialogue(9) == 2
    assert agenda.latest_dialogue(13) == 10
    no_dialogue = Agenda.model_validate(
        {"title": "Day", "end": "10:00", "slot": [{"start": "9.00", "title": "Talk"}]}
    )
    assert no_dialogue.latest_dialogue(0) is None


def test_each_kind_keeps_its_share_of_the_slot_in_a_re_plan(agenda: Agenda) -> None:
    """Without `min`, a slot keeps its kind's share of its length, up to a whole minute:
    the welcome can lose more than a talk, a break keeps most of itself, lunch all of it."""
    shortest = [agenda.shortest_of(i) // 60 for i in range(len(agenda.slots))]
    assert shortest == [2, 8, 5, 3, 8, 8, 8, 8, 19, 45, 15, 8, 15, 15]
    assert [agenda.kept(i) for i in range(len(agenda.slots))][-2:] == [True, True]
    assert not any(agenda.kept(i) for i in range(len(agenda.slots) - 2))


def test_min_and_keep_override_the_kinds_default() -> None:
    data = {
        "title": "Day",
        "end": "10:00",
        "slot": [
            {"start": "9.00", "title": "Keynote", "kind": "talk", "keep": True},
            {"start": "9.15", "title": "Dialogue", "kind": "dialogue", "min": "25m"},
            {"start": "9.45", "title": "Lunch", "kind": "meal", "min": "5m"},
        ],
    }
    agenda = parse_agenda(data, source="day.toml")
    assert [agenda.kept(i) for i in range(3)] == [True, False, False]
    assert [agenda.shortest_of(i) for i in range(3)] == [900, 1500, 300]
    again = Agenda.model_validate(tomllib.loads(tomli_w.dumps(agenda.to_toml_data())))
    assert again == agenda
    assert 'min = "25m"' in tomli_w.dumps(agenda.to_toml_data())
