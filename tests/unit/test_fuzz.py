"""Fuzzing the loaders: arbitrary bytes and arbitrary TOML get the project's own errors only."""

from __future__ import annotations

import re
import tempfile
from datetime import UTC, date, time
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from facilitator.agenda.importer import parse_programme
from facilitator.agenda.model import load_agenda, parse_agenda
from facilitator.errors import FacilitatorError
from facilitator.notes.store import load_notes_file
from facilitator.review.archive import load_archive
from facilitator.session.store import SessionStore

SCALARS = st.one_of(
    st.text(max_size=20),
    st.integers(-(10**6), 10**6),
    st.booleans(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.dates(min_value=date(1900, 1, 1)),
    st.times(),
    st.datetimes(timezones=st.just(UTC)),
)
KEYS = st.sampled_from(
    [
        "title",
        "start",
        "slot",
        "duration",
        "kind",
        "speakers",
        "questions",
        "end",
        "warning",
        "tables",
        "fixed",
        "approx",
        "note",
        "date",
        "language",
        "timezone",
        "stopwords",
        "id",
        "created",
        "day",
        "event",
        "message",
        "agenda",
        "rehearsal",
        "at",
        "action",
        "seconds",
        "writer",
        "session",
        "note",
        "table",
        "text",
        "updated",
        "deleted",
        "format",
        "notes",
    ]
) | st.text(min_size=1, max_size=8)
TOML_VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=5),
    max_leaves=25,
)
TOML_DOCUMENTS = st.dictionaries(KEYS, TOML_VALUES, max_size=8)
# A plausible agenda with random damage, so the fuzzer reaches deep into validation.
AGENDA_LIKE = st.fixed_dictionaries(
    {
        "title": st.one_of(st.text(max_size=10), st.integers()),
        "slot": st.lists(st.dictionaries(KEYS, TOML_VALUES, max_size=6), max_size=4),
    },
    optional={
        "end": st.one_of(st.text(max_size=6), st.times()),
        "warning": SCALARS,
        "tables": SCALARS,
        "timezone": st.text(max_size=20),
    },
)

FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


def dump(document: dict[str, Any]) -> bytes | None:
    try:
        return tomli_w.dumps(document).encode("utf-8")
    except (TypeError, ValueError):
        return None  # something TOML cannot hold


PLACE = re.compile(
    r"line \d+|at end of document|slot \d+|'[^']*'|\[\[slot\]\]"
    r"|^.*: (?:missing|unknown key|invalid value)\b"
    r"|^[\w\"]+(?:\.[\w\"]+)*: "
)
"""Where in a file a problem is: a line (or its end), a slot, a key in quotes, or a field
of a session or notes file ("note.0.id: invalid value …", "created: … is not a time
from 1900…")."""
IMPORT_PLACE = re.compile(r"line \d+|--day|--end|^no times found: ")
"""Where in a programme: its line, or the option that decides ("--day", "--end")."""


def names_file_and_place(error: FacilitatorError, source: str) -> None:
    """Each line of the message starts with the file and says where in it, as a person
    needs it to find and fix the problem; nothing of Python's or pydantic's own leaks."""
    message = str(error)
    assert message.strip(), "an error without a message"
    for line in message.split("\n"):
        assert line.startswith(f"{source}: "), f"does not name {source}: {line!r}"
        place = line[len(source) + 2 :]
        assert PLACE.search(place), f"does not say where in {source}: {line!r}"
        assert "Traceback" not in line and "pydantic" not in line, line
        assert line.isprintable(), f"a control character from the file: {line!r}"


def only_project_errors(load: Any, path: Path) -> None:
    try:
        load(path)
    except FacilitatorError as error:
        names_file_and_place(error, str(path))


@FUZZ
@given(st.binary(max_size=400) | TOML_DOCUMENTS.map(dump) | AGENDA_LIKE.map(dump))
@example(b'title = "Day"\n[[slot]]\n"start\\n" = "9.00"\n')  # a key with a newline
@example(b'title = "Day"\nslot = [{ "\\u001b[2J" = 1 }]\n')  # and with an escape
def test_load_agenda(content: bytes | None) -> None:
    if content is None:
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "agenda.toml"
        path.write_bytes(content)
        only_project_errors(load_agenda, path)


@FUZZ
@given(AGENDA_LIKE)
def test_parse_agenda_data(data: dict[str, Any]) -> None:
    try:
        parse_agenda(data, source="fuzz.toml")
    except FacilitatorError as error:
        names_file_and_place(error, "fuzz.toml")


@FUZZ
@given(st.binary(max_size=400) | TOML_DOCUMENTS.map(dump))
@example(b'"\\n" = ""\n')  # a key with a newline
@example(b'event = [{ at = 0001-01-01T00:00:00Z, action = "start" }]\n')  # out of range
def test_session_and_notes_loaders(content: bytes | None) -> None:
    if content is None:
        return
    with tempfile.TemporaryDirectory() as folder:
        store = SessionStore(Path(folder))
        (Path(folder) / "s").mkdir()
        session_file = Path(folder) / "s" / "session.toml"
        session_file.write_bytes(content)
        only_project_errors(lambda _path: store.load("s"), session_file)
        only_project_errors(load_notes_file, session_file)
        only_project_errors(load_archive, session_file)
        store.entries()  # listing never raises, whatever the folder holds
        assert session_file.read_bytes() == content


@FUZZ
@given(
    st.text(max_size=600)
    | st.lists(
        st.sampled_from(
            [
                "9.00 Velkommen",
                "kl. 10.15 Pause",
                "ca. 12.15",
                "Dag 2",
                "Lørdag:",
                "12.40-13.30:",
                "9:00 PM Talk by Ann",
                "Hvad nu?",
                "",
                "• punkt",
                "99.99 Nope",
                "26. november 2024",
                "10.00-09.00 Backwards",
            ]
        ),
        max_size=15,
    ).map("\n".join)
)
def test_importer(text: str) -> None:
    for day in (None, 1, 2):
        try:
            result = parse_programme(text, day=day, end=time(23, 59))
        except FacilitatorError as error:
            message = str(error)
            assert IMPORT_PLACE.search(message), f"does not say where: {message!r}"
            assert "Traceback" not in message and "pydantic" not in message, message
            assert all(line.isprintable() for line in message.split("\n")), repr(message)
            continue
        assert result.agenda.slots  # whatever it made passes the agenda's own validation
