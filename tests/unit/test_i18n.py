"""The catalogue: both languages complete, with the same placeholders, every key used, read
as tomllib reads it, and the language chosen by flag, environment and agenda, in that
order."""

from __future__ import annotations

import re
import tomllib
from datetime import date, time
from pathlib import Path

import pytest

from facilitator import i18n
from facilitator.i18n import (
    DA,
    EN,
    choose_language,
    clock_text,
    date_text,
    offset_text,
    read_catalogue,
    set_language,
    span_text,
)

PLACEHOLDER = re.compile(r"{(\w+)")


def test_both_languages_have_every_key_with_the_same_placeholders() -> None:
    assert set(EN) == set(DA)
    for key in EN:
        assert set(PLACEHOLDER.findall(EN[key])) == set(PLACEHOLDER.findall(DA[key])), key


def test_the_language_follows_flag_then_environment_then_agenda(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert choose_language(None) == "en"
    assert choose_language(None, "da") == "da"
    monkeypatch.setenv("FACILITATOR_LANG", "en")
    assert choose_language(None, "da") == "en"
    assert choose_language("da", "en") == "da"
    monkeypatch.setenv("FACILITATOR_LANG", "klingon")
    assert choose_language(None, "da") == "da"


def test_danish_formats() -> None:
    set_language("da")
    assert clock_text(time(9, 15)) == "09.15"
    assert date_text(date(2024, 11, 26)) == "26. november 2024"
    assert offset_text(240) == "4 min bagud" and offset_text(-120) == "2 min foran"
    assert offset_text(20) == "til tiden"
    assert span_text(3 * 3600 + 1800) == "3 t 30 min"
    set_language("en")
    assert clock_text(time(9, 15)) == "09:15"
    assert date_text(date(2024, 11, 26)) == "26 November 2024"
    assert offset_text(240) == "4 min behind"


DYNAMIC_PREFIXES = (
    "phase.",
    "kind.",
    "action.",
    "month.",
    "help.",
    "check.column.",
    "check.group.",
    "report.column.",
    "review.column.",
    "review.timeline.",
    "review.tab.",
    "export.",
    "control.verb.",
    "control.cannot.",
    "control.needs_",
    "cli.help.",
)
"""Keys the code builds from a name ("kind." + the slot's kind), so not found literally."""


def test_every_key_is_used() -> None:
    """The code names every key (the web pages' templates and scripts too); the catalogues
    are TOML, so they are not searched."""
    root = Path(__file__).resolve().parents[2] / "facilitator"
    files = [*root.rglob("*.py"), *root.rglob("*.html"), *root.rglob("*.js")]
    source = "\n".join(path.read_text(encoding="utf-8") for path in files)
    unused = [
        key
        for key in EN
        if f'"{key}"' not in source
        and f"'{key}'" not in source
        and not key.startswith(DYNAMIC_PREFIXES)
    ]
    assert unused == []


@pytest.mark.parametrize("code", ["en", "da"])
def test_a_catalogue_read_line_by_line_is_what_tomllib_reads(code: str) -> None:
    text = (Path(i18n.__file__).parent / f"{code}.toml").read_text(encoding="utf-8")
    assert read_catalogue(text) == tomllib.loads(text)


@pytest.mark.parametrize(
    "text",
    [
        '"a" = "x\\u00e6\\n\\"q\\\\"',  # the escapes both read alike
        '"a" = "x\\U0001F600"',  # an escape JSON lacks
        '"a" = "tab\there"',  # a tab, which TOML allows in a string
        '"a" = "one"\n[table]\nb = "two"',  # a table
        '"a" = """two\nlines"""',  # a multi-line string
        "a = 'literal \\n'",  # a bare key and a literal string
    ],
)
def test_a_catalogue_of_another_shape_is_read_as_tomllib_reads_it(text: str) -> None:
    assert read_catalogue(text) == tomllib.loads(text)


def test_a_broken_catalogue_is_refused_as_tomllib_refuses_it() -> None:
    for text in ['"a" = "x\\/"', '"a" = "one"\n"a" = "two"']:
        with pytest.raises(tomllib.TOMLDecodeError):
            read_catalogue(text)
