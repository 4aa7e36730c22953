"""The text of a notes file, written and read in pieces.

A notes file is a header and one `[[note]]` table per saved version of a note. A save
appends the new version's table, so its cost follows the note, not the file; a later
table of the same id replaces an earlier one. Each table is written here by hand, in time
proportional to its text (a pasted 1 MB note included), as valid TOML that any TOML
reader, and so any older facilitator, reads.

An append cut short by a power cut leaves a last table that does not parse: like any
other broken notes file, it is reported, naming the file and the line, and never written.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tomli_w

from facilitator.clean import has_control
from facilitator.errors import SessionError
from facilitator.files import read_file
from facilitator.i18n import t

if TYPE_CHECKING:  # only a type here: the review list reads no notes and loads no pydantic
    from facilitator.notes.model import Note

TABLE_START = "\n[[note]]\n"
"""What comes before every note table but the file's first: a blank line, the header."""

_ESCAPES = {code: f"\\u{code:04x}" for code in [*range(0x20), 0x7F]}
_ESCAPES.update(
    {
        ord("\b"): "\\b",
        ord("\n"): "\\n",
        ord("\f"): "\\f",
        ord("\r"): "\\r",
        ord('"'): '\\"',
        ord("\\"): "\\\\",
    }
)
del _ESCAPES[ord("\t")]  # a tab may stand in a basic string as it is


_RARE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
"""Control characters other than tab and newline: clean_text keeps none (nor any that
has_control finds, a wider set, checked first as it is faster), but a file may."""


def toml_string(text: str) -> str:
    """`text` as a TOML basic string, escaped as tomli_w escapes it, in time linear in
    the text (a few passes in C rather than one in Python)."""
    return '"' + _escaped(text) + '"'


def _escaped(text: str) -> str:
    """What stands between a basic string's quotes for `text`."""
    text = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    if has_control(text):  # rarely: a text from a file, not yet cleaned
        text = _RARE.sub(lambda found: _ESCAPES[ord(found.group())], text)
    return text


def note_table(note: Note) -> str:
    """One note as a `[[note]]` table, ending with a newline. Its text, which may be a
    pasted 1 MB, is copied once here after it is escaped."""
    lines = [
        "[[note]]",
        f"id = {toml_string(note.id)}",
        f"slot = {note.slot}",
        f"slot_title = {toml_string(note.slot_title)}",
        f"table = {note.table}",
    ]
    if note.question is not None:
        lines.append(f"question = {toml_string(note.question)}")
    after = [
        f"writer = {toml_string(note.writer)}",
        f"created = {note.created}",
        f"updated = {note.updated}",
        f"deleted = {'true' if note.deleted else 'false'}",
        "",
    ]
    before = "\n".join([*lines, 'text = "'])
    return "".join((before, _escaped(note.text), '"\n', "\n".join(after)))


def header_text(writer: str, name: str, session: str) -> str:
    """The top of a notes file: who writes it, for which session."""
    return tomli_w.dumps({"writer": writer, "name": name, "session": session})


def file_text(header: str, tables: list[str]) -> str:
    """A whole notes file: the header, then the tables, a blank line before each."""
    return "".join([header, *(part for table in tables for part in ("\n", table))])


@dataclass(frozen=True)
class NotesText:
    """A notes file's TOML data."""

    data: dict[str, Any]


_FOREIGN_ESCAPE = re.compile(r"(?<!\\)(?:\\\\)*\\[U/]")
"""An escape of TOML alone (`\\U0001F600`) or of JSON alone (`\\/`): a backslash that
is not itself escaped, before U or a slash. A backslash written as `\\\\` before a U
(the text `\\U`) is no escape at all."""

_DATETIME = re.compile(r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)\Z")


def _quoted(text: str) -> str:
    """A basic string as NotesWriter (or tomli_w) writes it; ValueError for any other."""
    if "\\" not in text:  # nothing escaped: a quote can only end it (most values)
        if len(text) < 2 or text[0] != '"' or text[-1] != '"' or '"' in text[1:-1]:
            raise ValueError(text)
        return text[1:-1]
    if ("\\U" in text or "\\/" in text) and _FOREIGN_ESCAPE.search(text):
        raise ValueError(text)  # an escape of TOML alone, or of JSON alone
    value = json.loads(text, strict=False)  # TOML's escapes that tomli_w writes are JSON's
    if not isinstance(value, str):
        raise ValueError(text)
    return value


def _value(text: str) -> object:
    """One value as NotesWriter (or tomli_w) writes it; ValueError for any other."""
    if text.startswith('"'):
        return _quoted(text)
    if text in ("true", "false"):
        return text == "true"
    if text.isdigit():
        return int(text)
    if _DATETIME.match(text):
        return datetime.fromisoformat(text)
    raise ValueError(text)


def _parse_as_written(text: str) -> dict[str, Any] | None:
    """The data of a notes file as NotesWriter writes it (a header of `key = value` lines,
    then `[[note]]` tables of the same), many times faster than a TOML parser; None for
    any file written otherwise, which a TOML parser then reads."""
    data: dict[str, Any] = {}
    notes: list[dict[str, Any]] = []
    table = data
    try:
        for line in text.split("\n"):
            if not line:
                continue
            if line == "[[note]]":
                table = {}
                notes.append(table)
                continue
            key, equals, value = line.partition(" = ")
            if not equals or not key.isidentifier() or not key.isascii() or key in table:
                return None
            table[key] = _value(value)
    except ValueError:
        return None
    if notes:
        data["note"] = notes
    return data


_STRING = r'"([^"\\\n]*+(?:\\.[^"\\\n]*+)*+)"'
_STAMP = r"(\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d))"
_TABLE = re.compile(
    "\n\\[\\[note\\]\\]\n"
    f"id = {_STRING}\n"
    "slot = (\\d+)\n"
    f"slot_title = {_STRING}\n"
    "table = (\\d+)\n"
    f"(?:question = {_STRING}\n)?"
    f"text = {_STRING}\n"
    f"writer = {_STRING}\n"
    f"created = {_STAMP}\n"
    f"updated = {_STAMP}\n"
    "deleted = (true|false)\n",
    re.ASCII,
)
"""One note table exactly as note_table writes it, after the blank line before it."""


def _parse_tables(text: str) -> dict[str, Any] | None:
    """The data of a notes file whose tables are all exactly as note_table writes them,
    read a table at a time by one regular expression: a day's thousands of notes read in
    a fraction of the time of a line at a time. None for any other file."""
    start = text.find(TABLE_START)
    if start < 0:
        return None
    data = _parse_as_written(text[:start])
    if data is None:
        return None
    notes = []
    match = _TABLE.match
    try:
        while start < len(text):
            found = match(text, start)
            if found is None:
                return None
            id_, slot, title, table, question, body, writer, created, updated, deleted = (
                found.groups()
            )
            when = datetime.fromisoformat(created)
            note = {
                "id": _inside(id_),
                "slot": int(slot),
                "slot_title": _inside(title),
                "table": int(table),
                "text": _inside(body),
                "writer": _inside(writer),
                "created": when,
                "updated": when if updated == created else datetime.fromisoformat(updated),
                "deleted": deleted == "true",
            }
            if question is not None:
                note["question"] = _inside(question)
            notes.append(note)
            start = found.end()
    except ValueError:
        return None
    data["note"] = notes
    return data


def _inside(content: str) -> str:
    """The string whose quoted content is `content`; ValueError for one not written so."""
    return content if "\\" not in content else _quoted(f'"{content}"')


def parse_notes(raw: bytes) -> NotesText:
    """The data of a notes file's bytes; ValueError (UnicodeDecodeError or TOMLDecodeError)
    when it is broken anywhere, a last table cut short included."""
    text = raw.decode("utf-8")
    fast = _parse_tables(text)
    if fast is None:
        fast = _parse_as_written(text)
    return NotesText(fast if fast is not None else tomllib.loads(text))


def read_notes_text(path: Path, raw: bytes | None = None) -> NotesText:
    """A notes file's data (from `raw`, its bytes, when already read); SessionError names
    the file and what is wrong with it."""
    if raw is None:
        raw = read_file(path, SessionError, what=t("what.notes"))
    try:
        return parse_notes(raw)
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise SessionError(t("file.not_utf8", path=path, line=line)) from None
    except tomllib.TOMLDecodeError as error:
        raise SessionError(t("file.not_toml", path=path, reason=error)) from None


def latest_versions(notes: list[Note]) -> list[Note]:
    """One note per id in the order first saved, each its newest version (on a tie, the
    later table: a writer appends its versions in the order it saved them)."""
    latest: dict[str, Note] = {}
    for note in notes:
        kept = latest.get(note.id)
        if kept is None or note.updated >= kept.updated:
            latest[note.id] = note
    return list(latest.values())
