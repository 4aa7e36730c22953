"""facilitator import: real programme formats in, agendas that pass check out."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from facilitator.agenda.importer import (
    ImportProblem,
    kind_of,
    parse_date,
    parse_programme,
    split_speakers,
)
from facilitator.agenda.model import Agenda, SlotKind, load_agenda
from facilitator.cli import main

PROGRAMMES = Path(__file__).parents[1] / "programmes"


def test_the_seeds_programme_gives_the_repositorys_agenda(agenda: Agenda) -> None:
    text = (PROGRAMMES / "seed_da.txt").read_text()
    result = parse_programme(text, end=time(12, 30))
    imported = result.agenda
    assert imported.title == agenda.title and imported.date == agenda.date
    assert imported.end == agenda.end
    assert [(s.start, s.title, s.speakers, s.kind, s.approx) for s in imported.slots] == [
        (s.start, s.title, s.speakers, s.kind, s.approx) for s in agenda.slots
    ]
    assert result.remarks == ()


# Each programme with the options it needs; its expected agenda is NAME.expected.toml.
CASES = {
    "conference_en": {},
    "seminar_no": {"end": time(12, 15)},
    "konferens_sv": {"end": time(12, 45)},
    "meetup_ampm": {},
    "tabs_da": {"end": time(12, 15)},
    "ranges_nospace": {},
    "weekend_da": {"day": 2, "on_date": date(2024, 9, 8), "end": time(13, 0)},
    "dialogue_bullets": {"end": time(10, 30)},
    "festival_days": {"day": 2, "end": time(13, 30)},
    "dag_headings": {"day": 1, "end": time(12, 45)},
    "approx_everywhere": {"end": time(21, 30)},
    "glued_no": {"end": time(11, 30)},
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_programme_gives_its_expected_agenda(name: str) -> None:
    text = (PROGRAMMES / f"{name}.txt").read_text(encoding="utf-8")
    result = parse_programme(text, **CASES[name])  # type: ignore[arg-type]
    assert result.agenda == load_agenda(PROGRAMMES / f"{name}.expected.toml")


def test_every_programme_has_a_case() -> None:
    names = {path.stem for path in PROGRAMMES.glob("*.txt")}
    assert names == set(CASES) | {"seed_da"}


@pytest.mark.parametrize(
    ("line", "start", "duration", "title", "approx"),
    [
        ("8.45 Velkommen", "08:45", None, "Velkommen", False),
        ("08:45 Velkommen", "08:45", None, "Velkommen", False),
        ("kl. 9.00 Velkommen", "09:00", None, "Velkommen", False),
        ("Kl. 09.00 Velkommen", "09:00", None, "Velkommen", False),
        ("09.00-09.30 Velkommen", "09:00", 1800, "Velkommen", False),
        ("09.00 – 09.30 Velkommen", "09:00", 1800, "Velkommen", False),
        ("09:00–09:30 Velkommen", "09:00", 1800, "Velkommen", False),
        ("12.40-13.30: Frokost", "12:40", 3000, "Frokost", False),
        ("09:00: Velkommen", "09:00", None, "Velkommen", False),
        ("09:00\tVelkommen", "09:00", None, "Velkommen", False),
        ("15.00-17.00Registration", "15:00", 7200, "Registration", False),
        ("ca. 12.15 Valg til AMR", "12:15", None, "Valg til AMR", True),
        ("Valg til AMR ca. 12.15", "12:15", None, "Valg til AMR", True),
        ("9:00 AM Welcome", "09:00", None, "Welcome", False),
        ("1:30 PM Panel", "13:30", None, "Panel", False),
        ("12:00 PM Lunch", "12:00", None, "Lunch", False),
    ],
)
def test_time_formats(
    line: str, start: str, duration: int | None, title: str, approx: bool
) -> None:
    slot = parse_programme(f"Day\n{line}\n", end=time(23, 0)).agenda.slots[0]
    assert slot.start.strftime("%H:%M") == start and slot.title == title
    assert slot.duration == duration and slot.approx == approx


@pytest.mark.parametrize(
    ("title", "name", "speakers"),
    [
        ("Oplæg v. Ann Hansen", "Oplæg", ["Ann Hansen"]),
        ("Oplæg v/ Ann Hansen og Bo Berg", "Oplæg", ["Ann Hansen", "Bo Berg"]),
        ("Oplæg ved Ann Hansen & Bo Berg", "Oplæg", ["Ann Hansen", "Bo Berg"]),
        ("Keynote by Ann Lee, Bo Berg and Cy Dahl", "Keynote", ["Ann Lee", "Bo Berg", "Cy Dahl"]),
        ("Keynote (Ann Lee and Bo Berg)", "Keynote", ["Ann Lee", "Bo Berg"]),
        ("Frokost (buffet i kantinen)", "Frokost (buffet i kantinen)", []),
        ("Dialog ved bordene", "Dialog ved bordene", []),
        ("Stand by me", "Stand by me", []),
        ("Opfølgning v. kommunaldirektør Jonas Kroustrup", "Opfølgning", ["Jonas Kroustrup"]),
        ("Velkomst v/Kari Nordmann", "Velkomst", ["Kari Nordmann"]),
        ("Oppsummering v.Ola Dahl", "Oppsummering", ["Ola Dahl"]),
        ("Oplæg v/Ann Hansen og Bo Berg", "Oplæg", ["Ann Hansen", "Bo Berg"]),
        ("Runde v.2", "Runde v.2", []),
        ("Hvad nu v/s hvad før", "Hvad nu v/s hvad før", []),
    ],
)
def test_speakers(title: str, name: str, speakers: list[str]) -> None:
    assert split_speakers(title) == (name, speakers)


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Kaffepause", SlotKind.BREAK),
        ("Coffee break", SlotKind.BREAK),
        ("Pause", SlotKind.BREAK),
        ("Frokost", SlotKind.MEAL),
        ("Lunsj", SlotKind.MEAL),
        ("Dinner", SlotKind.MEAL),
        ("Middag", SlotKind.MEAL),
        ("Dialog ved bordene", SlotKind.DIALOGUE),
        ("Drøftelse i grupper", SlotKind.DIALOGUE),
        ("Workshop", SlotKind.DIALOGUE),
        ("Panel discussion", SlotKind.DIALOGUE),
        ("Velkommen", SlotKind.WELCOME),
        ("Velkomst", SlotKind.WELCOME),
        ("Åbning", SlotKind.WELCOME),
        ("Åpning", SlotKind.WELCOME),
        ("Welcome", SlotKind.WELCOME),
        ("Kort opsamling", SlotKind.SUMMARY),
        ("Round-up", SlotKind.SUMMARY),
        ("Summary", SlotKind.SUMMARY),
        ("Valg til AMR", SlotKind.ELECTION),
        ("Election", SlotKind.ELECTION),
        ("Case: Proces", SlotKind.CASE),
        ("Fælles lederskab", SlotKind.TALK),
        ("Hovedudvalgets beretning", SlotKind.TALK),
        ("Evaluering og valg af tema", SlotKind.TALK),
    ],
)
def test_kinds_from_keywords(title: str, kind: SlotKind) -> None:
    assert kind_of(title) == kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("26. november 2024", date(2024, 11, 26)),
        ("17. september 2023", date(2023, 9, 17)),
        ("November 26, 2024", date(2024, 11, 26)),
        ("2024-11-26", date(2024, 11, 26)),
        ("Tirsdag den 4. marts 2025", date(2025, 3, 4)),
        ("no date", None),
    ],
)
def test_dates(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


def test_lines_before_the_first_time_are_reported_not_dropped() -> None:
    text = "Day title\nAn invitation to all staff\n\n9.00 Welcome\n9.30 Talk\n"
    result = parse_programme(text, end=time(10, 0))
    assert result.agenda.title == "Day title"
    assert [(r.line, r.text) for r in result.remarks] == [
        (2, "not placed (before the first time): 'An invitation to all staff'")
    ]


@pytest.mark.parametrize("heading", ["Program:", "Dagprogrammet:", "PROGRAM :", "Agenda:"])
def test_a_programme_heading_is_not_the_title(heading: str) -> None:
    text = f"{heading}\nMedarbejderdag\n9.00 Velkommen\n9.30 Oplæg\n"
    result = parse_programme(text, end=time(10, 0))
    assert result.agenda.title == "Medarbejderdag"
    assert result.remarks == ()


def test_a_heading_ending_in_a_colon_is_reported_not_taken_as_the_title() -> None:
    text = "Slik blir dagen:\n9.00 Velkommen\n9.30 Oplæg\n"
    result = parse_programme(text, end=time(10, 0))
    assert result.agenda.title == "Imported programme"
    assert [(r.line, r.text) for r in result.remarks] == [
        (1, "a heading, not used as the title: 'Slik blir dagen:'"),
        (0, 'no title found; the agenda is called "Imported programme"'),
    ]


def test_a_range_running_into_the_next_item_is_reported() -> None:
    text = "Day\n9.00-9.45 Welcome\n9.30 Talk\n10.00 End\n"
    result = parse_programme(text, end=time(10, 30))
    assert result.agenda.slots[0].duration is None
    assert result.remarks[0].line == 2 and "after the next item starts" in result.remarks[0].text


def test_several_days_without_day_lists_them() -> None:
    text = (PROGRAMMES / "weekend_da.txt").read_text()
    with pytest.raises(ImportProblem, match=r"2 days; choose one with --day N: 1: Lørdag"):
        parse_programme(text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "no times found"),
        ("Just some words\nand more words\n", "no times found"),
        ("\x00\x01\x02 binary junk", "no times found"),
        ("Day\n9.00 Welcome\n", "has no end; give --end"),
        ("Day\n9.00 Welcome\n8.00 Coffee\n", "line 3: 08:00 comes after 09:00"),
    ],
)
def test_garbage_gives_a_clear_problem(text: str, message: str) -> None:
    with pytest.raises(ImportProblem, match=message):
        parse_programme(text)


def test_the_command_writes_an_agenda_that_passes_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "agenda.toml"
    code = main(["import", str(PROGRAMMES / "seed_da.txt"), "--end", "12:30", "-o", str(target)])
    assert code == 0
    assert main(["check", str(target)]) == 0
    assert (
        main(["import", str(PROGRAMMES / "seed_da.txt"), "--end", "12:30", "-o", str(target)]) == 2
    )
    assert "exists already" in capsys.readouterr().err


def test_the_command_prints_to_stdout_and_reports_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "programme.txt"
    source.write_text("Day\nSent to everyone\n9.00 Welcome\n9.30 Talk\n", encoding="utf-8")
    assert main(["import", str(source), "--end", "10:00"]) == 0
    captured = capsys.readouterr()
    assert 'title = "Day"' in captured.out
    assert f"{source}: line 2: not placed" in captured.err


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "is empty"), (b"nothing timed here", "no times found")],
)
def test_the_command_exits_2_on_empty_or_garbage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    source = tmp_path / "programme.txt"
    source.write_bytes(content)
    assert main(["import", str(source)]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_the_command_names_a_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "nowhere.txt"]) == 2
    assert "nowhere.txt: no such file" in capsys.readouterr().err
