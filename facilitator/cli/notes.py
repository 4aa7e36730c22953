"""`facilitator notes`: the note-taker's console on a session.

When the session can be previewed (notes/preview.py), the console's first frame is drawn
from the preview before the models load; the console replaces it, and keys typed
meanwhile reach it. A session the models refuse then closes the console with the message
and exit status 2, as it would have been refused before.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.cli.crash import run_console
from facilitator.errors import FacilitatorError
from facilitator.i18n import t
from facilitator.names import safe_name
from facilitator.notes.writer_name import HOST_WRITER, default_writer, writer_lock_path
from facilitator.session.lock import SessionLock
from facilitator.session.place import locate_folder

if TYPE_CHECKING:
    from facilitator.notes.preview import NotesPreview
    from facilitator.roles.note_taker import NoteTaking
    from facilitator.ui.app import FacilitatorApp


def command(args: argparse.Namespace) -> int:
    """Open the notes console on a session: the newest unfinished one unless named."""
    writer = args.writer if args.writer is not None else default_writer()
    if not safe_name(writer):
        raise FacilitatorError(t("cli.writer_empty", value=args.writer))
    if safe_name(writer) == HOST_WRITER:
        raise FacilitatorError(t("cli.writer_host", value=args.writer))
    preview = _opening_preview(args, writer)
    if preview is not None:
        return _open_after_first_frame(args, writer, preview)
    from facilitator.ui.app import notes_app

    notes = _note_taking(args, writer)
    try:
        return run_console(notes_app(notes), lambda: notes.folder)
    finally:
        notes.close()


def _opening_preview(args: argparse.Namespace, writer: str) -> NotesPreview | None:
    """The preview of the session the console will open, which is what its first frame
    shows; None when there is none, or when another console writes as this writer (that
    is refused, as before, before a console opens)."""
    from facilitator.notes.preview import newest_unfinished, preview_notes

    root = Path(args.sessions)
    folder = newest_unfinished(root) if args.session is None else locate_folder(root, args.session)
    if folder is None:
        return None
    lock = writer_lock_path(folder, safe_name(writer))
    if not args.take_over and SessionLock.holder_of(lock) is not None:
        return None
    return preview_notes(folder)


def _open_after_first_frame(args: argparse.Namespace, writer: str, preview: NotesPreview) -> int:
    """Draw the slot from `preview`, then load the session and open the console over it."""
    from facilitator.ui.app import FacilitatorApp
    from facilitator.ui.screens.notes_opening import NotesOpening

    held: list[NoteTaking] = []

    def prepare(app: FacilitatorApp) -> None:
        from facilitator.ui.screens.notes import NotesScreen

        notes = _note_taking(args, writer)
        held.append(notes)
        app.add_mode("notes", lambda: NotesScreen(notes))

    app = FacilitatorApp("notes", NotesOpening(preview, writer.strip()), prepare)
    try:
        return run_console(app, lambda: held[0].folder if held else Path(args.sessions))
    finally:
        for notes in held:
            notes.close()


def _note_taking(args: argparse.Namespace, writer: str) -> NoteTaking:
    """The writer's hold on the session the arguments name (SessionError if it cannot be
    read or the writer's file is held): without a session named, it moves on to a
    session that starts later."""
    from facilitator.roles.following import NewestSession
    from facilitator.roles.note_taker import NoteTaking
    from facilitator.session.store import SessionStore
    from facilitator.timing.clock import SystemClock

    store, session = SessionStore(args.sessions).resolve(args.session)
    newest = NewestSession(store) if args.session is None else None
    return NoteTaking(
        store, session, writer, SystemClock(), take_over=args.take_over, newest=newest
    )
