"""`facilitator export`: a session as minutes, notes, a calendar, one archive file, an
Ontime project or Ontime's runtime report; an agenda file as an Ontime project."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from facilitator.agenda.model import load_agenda
from facilitator.agenda.ontime import ontime_json
from facilitator.errors import FacilitatorError, SessionError
from facilitator.files import read_toml, write_stdout
from facilitator.i18n import t
from facilitator.review.archive import ARCHIVE_FORMAT, load_any
from facilitator.review.exports import export_bytes, write_bytes
from facilitator.session.place import is_archive
from facilitator.session.store import SessionStore


def is_agenda_file(name: str) -> bool:
    """Whether `name` is a TOML file that is not a session archive: an agenda."""
    if not is_archive(name):
        return False
    data = read_toml(Path(name), SessionError, what=t("what.archive"))
    return data.get("format") != ARCHIVE_FORMAT


def command(args: argparse.Namespace) -> int:
    """Write the export to standard output, or to a file (not over one without --force)."""
    if args.format in ("ontime", "report-csv") and is_agenda_file(args.session):
        if args.format == "report-csv":
            raise FacilitatorError(t("ontime.needs_session", name=args.session))
        data = ontime_json(load_agenda(args.session)).encode("utf-8")
    else:
        loaded = load_any(SessionStore(args.sessions), args.session)
        for warning in loaded.warnings():  # on stderr: the export itself may be on stdout
            print(warning, file=sys.stderr)
        data = export_bytes(loaded, args.format)
    if args.output is None:
        write_stdout(data)
        return 0
    path = write_bytes(data, Path(args.output), force=args.force)
    print(t("cli.wrote", path=path), file=sys.stderr)
    return 0
