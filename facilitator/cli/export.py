"""`facilitator export`: a session as minutes, notes, a calendar or one archive file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from facilitator.files import write_stdout
from facilitator.i18n import t
from facilitator.review.archive import load_any
from facilitator.review.exports import export_bytes, write_export
from facilitator.session.store import SessionStore


def command(args: argparse.Namespace) -> int:
    """Write the export to standard output, or to a file (not over one without --force)."""
    loaded = load_any(SessionStore(args.sessions), args.session)
    for warning in loaded.warnings():  # on stderr: the export itself may be on stdout
        print(warning, file=sys.stderr)
    if args.output is None:
        write_stdout(export_bytes(loaded, args.format))
        return 0
    path = write_export(loaded, args.format, Path(args.output), force=args.force)
    print(t("cli.wrote", path=path), file=sys.stderr)
    return 0
