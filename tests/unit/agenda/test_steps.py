"""Phases inside a slot: templates expanded in the agenda's language, written-out phases
filling the slot, and `check` saying which slot, which phase and what to change."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from facilitator.agenda.model import Agenda, parse_agenda
from facilitator.agenda.steps import PlannedStep, agenda_steps
from facilitator.cli import main
from facilitator.errors import AgendaError
from facilitator.i18n import set_language


def day(slot: dict[str, Any], language: str | None = None, length: str = "12m") -> dict[str, Any]:
    """A day of one slot (9.00 for `length`), then a talk, as TOML data."""
    data: dict[str, Any] = {
        "title": "Day",
        "end": "11:00",
        "slot": [
            {"start": "9.00", "title": "Dialogue", "duration": length, **slot},
            {"start": "10.00", "title": "Talk"},
        ],
    }
    if language:
        data["language"] = language
    return data


def steps(slot: dict[str, Any], language: str | None = None, length: str = "12m") -> list[Any]:
    agenda = Agenda.model_validate(day(slot, language, length))
    return [(step.title, step.seconds) for step in agenda_steps(agenda, 0)]


def problem(slot: dict[str, Any], length: str = "12m") -> str:
    with pytest.raises(AgendaError) as caught:
        parse_agenda(day(slot, length=length), source="day.toml")
    return str(caught.value)


def test_one_two_four_all_is_its_four_phases() -> None:
    assert steps({"template": "1-2-4-all"}) == [
        ("Alone", 60),
        ("In pairs", 120),
        ("In foursomes", 240),
        ("All together", 300),
    ]


def test_a_templates_titles_are_in_the_agendas_language_not_the_consoles() -> None:
    assert [title for title, _ in steps({"template": "1-2-4-all"}, "da")] == [
        "Alene",
        "To og to",
        "Fire sammen",
        "Alle sammen",
    ]
    set_language("da")  # an English agenda stays English on a Danish console
    assert steps({"template": "1-2-4-all"}, "en")[0] == ("Alone", 60)


def test_without_a_language_the_titles_follow_the_console() -> None:
    set_language("da")
    assert steps({"template": "1-2-4-all"})[0] == ("Alene", 60)


def test_the_last_phase_of_1_2_4_all_takes_the_rest_of_a_longer_slot() -> None:
    assert steps({"template": "1-2-4-all"}, length="20m")[-1] == ("All together", 13 * 60)


def test_1_2_4_all_in_too_short_a_slot_says_what_it_needs() -> None:
    message = problem({"template": "1-2-4-all"}, length="10m")
    assert message.startswith(
        'day.toml: slot 1 "Dialogue": template "1-2-4-all" needs at least 12m'
    )
    assert "but the slot is 10m; make the slot at least 12m long" in message


def test_world_cafe_rounds_share_the_slot_with_table_changes_between() -> None:
    assert steps({"template": "world-cafe"}, length="40m") == [
        ("Round 1", 12 * 60),
        ("Change tables", 120),
        ("Round 2", 12 * 60),
        ("Change tables", 120),
        ("Round 3", 12 * 60),
    ]


def test_world_cafe_with_a_round_length_ends_in_a_harvest() -> None:
    slot = {"template": "world-cafe", "rounds": 2, "round_length": "15m", "table_change": "1m"}
    assert steps(slot, "da", length="40m") == [
        ("Runde 1", 900),
        ("Skift bord", 60),
        ("Runde 2", 900),
        ("Fælles høst", 540),
    ]
    # A slot the rounds fill exactly has no harvest.
    assert steps(slot, length="31m")[-1] == ("Round 2", 900)


def test_world_cafe_rounds_that_do_not_fit_are_named() -> None:
    message = problem({"template": "world-cafe", "round_length": "20m"}, length="45m")
    assert 'slot 1 "Dialogue": template "world-cafe" needs 1h4m' in message
    assert "but the slot is 45m" in message


def test_written_out_phases_must_fill_the_slot() -> None:
    phases = [{"title": "Alone", "duration": "5m"}, {"title": "Together", "duration": "5m"}]
    assert "add up to 10m, but the slot is 12m; give them 2m more" in problem({"phases": phases})
    assert "take 3m from them" in problem({"phases": phases}, length="7m")
    assert steps({"phases": phases}, length="10m") == [("Alone", 300), ("Together", 300)]


def test_the_last_written_out_phase_may_take_the_rest() -> None:
    phases = [{"title": "Alone", "duration": "5m"}, {"title": "Together"}]
    assert steps({"phases": phases}) == [("Alone", 300), ("Together", 420)]
    assert "before the last take 5m, but the slot is 5m" in problem({"phases": phases}, "5m")


def test_only_the_last_phase_may_leave_out_its_duration() -> None:
    phases = [{"title": "Alone"}, {"title": "Together"}]
    assert "phase 1 \"Alone\": missing 'duration'; only the last phase" in problem(
        {"phases": phases}
    )


@pytest.mark.parametrize(
    ("slot", "expected"),
    [
        (
            {"phases": [{"titel": "Alone"}]},
            "slot 1 \"Dialogue\": phase 1: unknown key 'titel'; a phase has 'title' and 'duration'",
        ),
        ({"phases": [{"duration": "1m"}]}, "slot 1 \"Dialogue\": phase 1: missing 'title'"),
        (
            {"phases": [{"title": "A", "duration": 5}]},
            'slot 1 "Dialogue": phase 1: \'duration\': expected a duration such as "90s"',
        ),
        ({"phases": "Alone"}, "slot 1 \"Dialogue\": 'phases': a list of phases such as"),
        ({"phases": ["Alone"]}, 'slot 1 "Dialogue": phase 1: a list of phases such as'),
        (
            {"template": "open-space"},
            'slot 1 "Dialogue": \'template\': expected "1-2-4-all" or "world-cafe", got',
        ),
        (
            {"template": "1-2-4-all", "phases": [{"title": "A"}]},
            "slot 1 \"Dialogue\": 'phases' and 'template' together",
        ),
        (
            {"template": "1-2-4-all", "rounds": 3},
            'slot 1 "Dialogue": \'rounds\' goes with template = "world-cafe"',
        ),
        (
            {"template": "world-cafe", "rounds": 1},
            "slot 1 \"Dialogue\": 'rounds': expected a whole number of rounds from 2 to 12",
        ),
    ],
)
def test_each_mistake_names_the_slot_the_phase_and_the_fix(
    slot: dict[str, Any], expected: str
) -> None:
    assert expected in problem(slot)


def test_several_problems_come_one_per_line() -> None:
    data = day({"template": "1-2-4-all"}, length="10m")
    data["slot"].append({"start": "9.30", "title": "Late"})  # out of order, too
    with pytest.raises(AgendaError) as caught:
        parse_agenda(data, source="day.toml")
    lines = str(caught.value).splitlines()
    assert len(lines) == 2 and all(line.startswith("day.toml: slot ") for line in lines)


def test_a_slot_without_phases_has_none(agenda: Agenda) -> None:
    assert agenda_steps(agenda, 2) == ()


def test_phases_survive_a_session_snapshot() -> None:
    """The session keeps the agenda as TOML data; the phases must read back the same."""
    slot = {"phases": [{"title": "Alone", "duration": "90s"}, {"title": "Together"}]}
    agenda = Agenda.model_validate(day(slot))
    again = Agenda.model_validate(agenda.to_toml_data())
    assert agenda_steps(again, 0) == (PlannedStep("Alone", 90), PlannedStep("Together", 630))
    cafe = Agenda.model_validate(day({"template": "world-cafe", "table_change": "1m"}, "da"))
    assert Agenda.model_validate(cafe.to_toml_data()) == cafe


def test_check_refuses_phases_that_do_not_fit_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "day.toml"
    path.write_text(
        'title = "Day"\nend = "10:00"\n[[slot]]\nstart = "9.00"\ntitle = "Dialog"\n'
        'template = "1-2-4-all"\n[[slot]]\nstart = "9.10"\ntitle = "Talk"\n',
        encoding="utf-8",
    )
    assert main(["check", str(path), "--lang", "en"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f'facilitator: {path}: slot 1 "Dialog": template "1-2-4-all"')
    assert "Traceback" not in captured.err


def test_check_prints_how_the_phases_divide_the_slot(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "day.toml"
    path.write_text(
        'title = "Day"\nend = "10:00"\nlanguage = "da"\n[[slot]]\nstart = "9.00"\n'
        'title = "Dialog"\ntemplate = "1-2-4-all"\n[[slot]]\nstart = "9.15"\ntitle = "Talk"\n',
        encoding="utf-8",
    )
    assert main(["check", str(path), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert (
        "Slot 1 in phases: Alene 1 min · To og to 2 min · Fire sammen 4 min · Alle sammen 8 min"
        in out
    )
