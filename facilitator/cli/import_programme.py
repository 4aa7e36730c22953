"""`facilitator import`: read a programme (text or an Ontime project), write the agenda,
report what needs a look."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from facilitator.agenda.import_result import ImportResult
from facilitator.agenda.importer import parse_programme
from facilitator.agenda.model import Agenda
from facilitator.agenda.ontime_import import parse_ontime
from facilitator.agenda.ontime_read import looks_like_json, parse_json
from facilitator.errors import FacilitatorError, WriteError
from facilitator.files import atomic_write, check_output, dump_toml, read_file, write_stdout
from facilitator.i18n import t


def agenda_text(agenda: Agenda, source: str) -> str:
    """The agenda as TOML, under a comment saying where it came from."""
    return t("import.header", source=source) + dump_toml(agenda.to_toml_data())


def read_programme(name: str) -> str:
    """The programme's text from a file, or from standard input for "-"."""
    if name == "-":
        return sys.stdin.read()
    path = Path(name)
    raw = read_file(path, FacilitatorError, what=t("what.programme"))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Programmes pasted on Windows are often Windows-1252; try it before giving up.
        try:
            return raw.decode("cp1252")
        except UnicodeDecodeError:
            raise FacilitatorError(t("import.not_text", path=path)) from None


def command(args: argparse.Namespace) -> int:
    """Import; print remarks to stderr with line numbers; exit 2 on anything unusable."""
    source = t("import.stdin") if args.programme == "-" else args.programme
    text = read_programme(args.programme)
    if not text.strip():
        raise FacilitatorError(t("import.empty", source=source))
    try:
        result = _parse(args, text)
    except FacilitatorError as error:
        raise FacilitatorError(f"{source}: {error}") from None
    for remark in result.remarks:
        where = f"line {remark.line}: " if remark.line else ""
        print(f"facilitator: {source}: {where}{remark.text}", file=sys.stderr)
    output = agenda_text(result.agenda, Path(source).name)
    if args.output is None:
        write_stdout(output.encode("utf-8"))
        return 0
    path = Path(args.output)
    check_output(path, args.force, FacilitatorError)
    try:
        atomic_write(path, output)
    except OSError as error:
        raise WriteError(t("file.not_written", path=path, reason=error.strerror)) from None
    print(t("import.wrote", path=path, count=len(result.agenda.slots)), file=sys.stderr)
    return 0


def _parse(args: argparse.Namespace, text: str) -> ImportResult:
    """An Ontime project when the file is JSON, else a programme's text."""
    if looks_like_json(args.programme, text):
        return parse_ontime(parse_json(text), day=args.day, rundown=args.rundown, on_date=args.date)
    return parse_programme(text, day=args.day, on_date=args.date, end=args.end)
