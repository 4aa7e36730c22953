"""A note's table written by hand reads back as the note, as tomli_w would have written it."""

from __future__ import annotations

import tomllib
from datetime import UTC, datetime

import pytest
import tomli_w
from hypothesis import given
from hypothesis import strategies as st

from facilitator.notes.file_text import (
    _parse_as_written,
    _parse_tables,
    file_text,
    header_text,
    note_table,
    parse_notes,
    toml_string,
)
from facilitator.notes.model import Note

AT = datetime(2024, 11, 26, 8, 5, 31, 123456, tzinfo=UTC)


@given(st.text())
def test_a_string_is_escaped_as_tomli_w_escapes_it(text: str) -> None:
    assert f"x = {toml_string(text)}\n" == tomli_w.dumps({"x": text})
    assert tomllib.loads(f"x = {toml_string(text)}")["x"] == text


@given(st.text(), st.one_of(st.none(), st.text()), st.booleans())
def test_a_note_table_reads_back_as_the_note(text: str, question: str | None, gone: bool) -> None:
    note = Note(
        id="desk-1",
        slot=2,
        slot_title='Dialog "ved" bordene',
        table=4,
        question=question,
        text=text,
        writer="desk",
        created=AT,
        updated=AT,
        deleted=gone,
    )
    (data,) = tomllib.loads(note_table(note))["note"]
    assert Note.model_validate(data) == note


def test_a_last_table_cut_short_makes_the_file_unreadable() -> None:
    whole = b'writer = "desk"\nsession = "s"\n\n[[note]]\nid = "a"\n'
    with pytest.raises(tomllib.TOMLDecodeError):
        parse_notes(whole + b'\n[[note]]\nid = "b\n')


def test_a_break_before_the_last_table_is_no_torn_append() -> None:
    broken = b'writer = "desk\n\n[[note]]\nid = "a"\n'
    try:
        parse_notes(broken)
    except tomllib.TOMLDecodeError:
        return
    raise AssertionError("a broken header must not read as a torn append")


@given(st.lists(st.tuples(st.text(), st.one_of(st.none(), st.text())), max_size=5), st.text())
def test_a_file_as_written_reads_as_a_toml_parser_reads_it(
    notes: list[tuple[str, str | None]], name: str
) -> None:
    tables = [
        note_table(
            Note(
                id=f"desk-{index}",
                slot=1,
                slot_title="Dialog",
                table=1 + index,
                question=question,
                text=text,
                writer="desk",
                created=AT,
                updated=AT,
            )
        )
        for index, (text, question) in enumerate(notes)
    ]
    raw = file_text(header_text("desk", name, "s"), tables).encode()
    expected = tomllib.loads(raw.decode())
    assert _parse_as_written(raw.decode()) == expected
    assert _parse_tables(raw.decode()) == (expected if notes else None)
    assert parse_notes(raw).data == expected


def test_a_table_written_otherwise_is_read_a_line_at_a_time() -> None:
    note = note_table(
        Note(
            id="desk-1",
            slot=1,
            slot_title="Dialog",
            table=2,
            text="Tillid",
            writer="desk",
            created=AT,
            updated=AT,
        )
    )
    moved = note.replace("table = 2\n", "").replace("deleted", "table = 2\ndeleted")
    raw = file_text(header_text("desk", "Desk", "s"), [note, moved]).encode()
    assert _parse_tables(raw.decode()) is None
    assert parse_notes(raw).data == tomllib.loads(raw.decode())


@pytest.mark.parametrize("name", ["\\U", "\\/", "a\\Ub", "\\\\U", '\\"\\U', "\\\n\\U"])
def test_a_backslash_before_u_or_a_slash_reads_as_written(name: str) -> None:
    """`\\U` (an escaped backslash, then U) is no escape: the file as written is read
    here, and reads as a TOML parser reads it (hypothesis once found name="\\U")."""
    raw = file_text(header_text("desk", name, "s"), []).encode()
    assert _parse_as_written(raw.decode()) == tomllib.loads(raw.decode())
    assert parse_notes(raw).data["name"] == name


@pytest.mark.parametrize(
    "text",
    [
        'writer = "desk" # a comment\n',
        'writer = "a\\\\\\U0001F600"\n',
        'writer = "a\\\\\\/"\n',
        '[meta]\nwriter = "desk"\n',
        'writer = "a\\Ub"\n',
        'writer = "a" "b"\n',
        'writer = "a"b"\n',
        'writer = "\n',
        "  writer = 1\n",
        'writer = "a"\nwriter = "b"\n',
        "when = 2024-11-26\n",
    ],
)
def test_a_file_written_otherwise_goes_to_the_toml_parser(text: str) -> None:
    assert _parse_as_written(text) is None


@given(st.text(alphabet='\\U/"nu0\t\n'), st.text(alphabet='\\U/"nu0\t\n'))
def test_escapes_read_as_a_toml_parser_reads_them(name: str, text: str) -> None:
    """Backslashes, quotes and the letters of escapes, thick on the ground."""
    note = Note(
        id="desk-1",
        slot=1,
        slot_title="Dialog",
        table=1,
        text=text,
        writer="desk",
        created=AT,
        updated=AT,
    )
    raw = file_text(header_text("desk", name, "s"), [note_table(note)])
    assert _parse_as_written(raw) == tomllib.loads(raw)
