"""`facilitator notes`: the note-taker's console on a session."""

from __future__ import annotations

import argparse

from facilitator.cli.crash import run_console
from facilitator.errors import FacilitatorError
from facilitator.i18n import t
from facilitator.names import safe_name
from facilitator.notes.model import HOST_WRITER
from facilitator.notes.store import default_writer
from facilitator.roles.following import NewestSession
from facilitator.roles.note_taker import NoteTaking
from facilitator.session.store import SessionStore
from facilitator.timing.clock import SystemClock
from facilitator.ui.app import notes_app


def command(args: argparse.Namespace) -> int:
    """Open the notes console on a session: the newest unfinished one unless named."""
    writer = args.writer if args.writer is not None else default_writer()
    if not safe_name(writer):
        raise FacilitatorError(t("cli.writer_empty", value=args.writer))
    if safe_name(writer) == HOST_WRITER:
        raise FacilitatorError(t("cli.writer_host", value=args.writer))
    store, session = SessionStore(args.sessions).resolve(args.session)
    # Without a session named, the console moves on to a session that starts later.
    newest = NewestSession(store) if args.session is None else None
    notes = NoteTaking(
        store, session, writer, SystemClock(), take_over=args.take_over, newest=newest
    )
    try:
        return run_console(notes_app(notes), lambda: notes.folder)
    finally:
        notes.close()
