"""`facilitator check`: the planned day on stdout, or the message on stderr and exit status 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.cli import main

ROOT = Path(__file__).resolve().parents[3]
BROKEN = Path(__file__).parents[1] / "agendas"


def test_check_prints_the_whole_day(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(ROOT / "agenda.toml"), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    for text in (
        "Velkommen til arbejdsmiljødagen",
        "Valg til AMR",
        "ca. 12:15",
        "Pia Høgh Flarup",
        "14 slots from 08:45 to 12:30",
        "3 h 45 min",
        "dialogue 40 min",
        "breaks 25 min",
        "26 November 2024",
        "is a valid agenda",
    ):
        assert text in out


def test_check_speaks_the_agendas_language(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(ROOT / "agenda.toml")]) == 0  # the agenda says "da"
    out = capsys.readouterr().out
    for text in (
        "26. november 2024",
        "ca. 12.15",
        "14 punkter fra 08.45 til 12.30",
        "3 t 45 min",
        "oplæg 145 min",
        "pauser 25 min",
        "velkomst",
        "oplægsholdere",
        "er et gyldigt program",
    ):
        assert text in out


@pytest.mark.parametrize("name", ["unknown_key.toml", "not_toml.toml", "no_slots.toml"])
def test_check_refuses_a_broken_agenda(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(BROKEN / name)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"facilitator: {BROKEN / name}: ")
    assert "Traceback" not in captured.err


def test_the_installed_command_exits_2_without_a_traceback(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "facilitator", "check", str(tmp_path / "missing.toml")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "no such file" in result.stderr and "Traceback" not in result.stderr


def test_a_bad_option_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["run", "--speed", "fast"])
    assert caught.value.code == 2
    assert "expected a number" in capsys.readouterr().err


def test_the_totals_round_once_by_the_one_rule(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two slots of 90 s are 3 min, not two floored minutes."""
    agenda = tmp_path / "agenda.toml"
    agenda.write_text(
        'title = "Short"\n'
        '[[slot]]\nstart = "9:00"\ntitle = "One"\nduration = "90s"\n'
        '[[slot]]\nstart = "9:05"\ntitle = "Two"\nduration = "90s"\n',
        encoding="utf-8",
    )
    assert main(["check", str(agenda), "--lang", "en"]) == 0
    assert "other 3 min" in capsys.readouterr().out


def test_check_shows_how_short_each_slot_may_become_once_the_agenda_says_so(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / "day.toml"
    path.write_text(
        'title = "Day"\nend = "10:00"\n'
        '[[slot]]\nstart = "9.00"\ntitle = "Keynote"\nkind = "talk"\nkeep = true\n'
        '[[slot]]\nstart = "9.15"\ntitle = "Dialogue"\nkind = "dialogue"\nmin = "25m"\n'
        '[[slot]]\nstart = "9.45"\ntitle = "Break"\nkind = "break"\n'
    )
    assert main(["check", str(path), "--lang", "en"]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if line.startswith("│")]
    assert [row.split("│")[5].strip() for row in rows] == ["kept", "25 min", "12 min"]
    assert main(["check", str(ROOT / "agenda.toml"), "--lang", "en"]) == 0
    assert " min " not in capsys.readouterr().out.splitlines()[2]  # no such column without


def test_check_prints_markup_and_emoji_codes_as_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Brackets once ended check in a traceback, and Rich turned ":fire:" into an emoji."""
    path = tmp_path / "day [b] :fire:.toml"
    path.write_text(
        'title = "Day [/] one"\nend = "10:00"\n[[slot]]\nstart = "9:00"\n'
        'title = "Lunch [/lunch] now :fire:"\nspeakers = ["[@click=app.quit]Ann[/]"]\n',
        encoding="utf-8",
    )
    assert main(["check", str(path), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    for text in (
        "Day [/] one",
        "Lunch [/lunch] now :fire:",
        "[@click=app.quit]Ann[/]",
        "day [b] :fire:.toml is a valid agenda",
    ):
        assert text in out
