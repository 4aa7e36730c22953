"""One rule for names in file names: session ids and notes writers."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitator.names import NAME_LIMIT, safe_name, same_name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("日本語", "日本語"),
        ("ß", "ss"),
        ("Søren", "søren"),
        ("ANN", "ann"),
        ("Ånn", "ånn"),
        ("Ελένη", "ελένη"),
        ("हिन्दी", "हिन्दी"),
        ("Bord 4 (Ann)", "bord-4-ann"),
        ("../../etc/passwd", "etc-passwd"),
        (".hidden", "hidden"),
        ("a\u200db", "ab"),
        ("ｄｅｓｋ", "desk"),
        ("-_-", ""),
        ("", ""),
    ],
)
def test_letters_of_any_script_are_kept(text: str, name: str) -> None:
    assert safe_name(text) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hovedudvalgets arbejdsmiljødag", "hovedudvalgets-arbejdsmiljodag"),
        ("Ærø & Åbenrå!", "aero-abenra"),
        ("Straße", "strasse"),
        ("日本語", ""),
    ],
)
def test_ascii_names_spell_letters_out(text: str, name: str) -> None:
    assert safe_name(text, ascii_only=True) == name


def test_a_name_is_bounded() -> None:
    assert safe_name("a" * 80) == "a" * NAME_LIMIT
    assert safe_name("ab " * 30, limit=5) == "ab-ab"


def test_names_as_given_compare_by_unicode_form() -> None:
    assert same_name("Ånn", unicodedata.normalize("NFD", "Ånn "))
    assert not same_name("Ann", "ANN")


@given(st.text())
def test_a_safe_name_never_leaves_its_folder(text: str) -> None:
    name = safe_name(text)
    assert len(name) <= NAME_LIMIT
    assert not any(char in name for char in "/\\.:\0\n")
    assert not name.startswith("-") and not name.endswith("-")
    assert safe_name(name) == name
    assert name == unicodedata.normalize("NFC", name)
    assert safe_name(text, ascii_only=True).isascii()
