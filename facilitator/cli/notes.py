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
from facilitator.errors import FacilitatorError, SessionError
from facilitator.i18n import t
from facilitator.names import safe_name
from facilitator.notes.writer_name import HOST_WRITER, default_writer, writer_lock_path
from facilitator.session.lock import SessionLock
from facilitator.session.place import locate_folder

if TYPE_CHECKING:
    from facilitator.notes.preview import NotesPreview
    from facilitator.roles.note_taker import NoteTaking
    from facilitator.session.model import Session
    from facilitator.session.store import SessionStore
    from facilitator.ui.app import FacilitatorApp


def command(args: argparse.Namespace) -> int:
    """Open the notes console on a session: the newest unfinished one unless named."""
    writer = args.writer if args.writer is not None else default_writer()
    if not safe_name(writer):
        raise FacilitatorError(t("cli.writer_empty", value=args.writer))
    if safe_name(writer) == HOST_WRITER:
        raise FacilitatorError(t("cli.writer_host", value=args.writer))
    opening = _opening_preview(args, writer)
    if opening is not None:
        return _open_after_first_frame(args, writer, *opening)
    from facilitator.ui.app import notes_app

    notes = _note_taking(args, writer)
    try:
        return run_console(notes_app(notes), lambda: notes.folder)
    finally:
        notes.close()


def _opening_preview(args: argparse.Namespace, writer: str) -> tuple[Path, NotesPreview] | None:
    """The folder of the session the console will open and its preview, which is what
    its first frame shows; None when there is none, or when another console writes as
    this writer (that is refused, as before, before a console opens)."""
    from facilitator.notes.preview import newest_unfinished, preview_notes

    root = Path(args.sessions)
    folder = newest_unfinished(root) if args.session is None else locate_folder(root, args.session)
    if folder is None:
        return None
    lock = writer_lock_path(folder, safe_name(writer))
    if not args.take_over and SessionLock.holder_of(lock) is not None:
        return None
    preview = preview_notes(folder)
    return (folder, preview) if preview is not None else None


def _open_after_first_frame(
    args: argparse.Namespace, writer: str, folder: Path, preview: NotesPreview
) -> int:
    """Draw the slot from `preview`, then load the session in `folder` and open the
    console over it."""
    from facilitator.ui.app import FacilitatorApp
    from facilitator.ui.screens.notes_opening import NotesOpening

    held: list[NoteTaking] = []

    def prepare(app: FacilitatorApp) -> None:
        from facilitator.ui.app import add_notes_mode

        notes = _note_taking(args, writer, folder)
        held.append(notes)
        add_notes_mode(app, notes)

    app = FacilitatorApp("notes", NotesOpening(preview, writer.strip()), prepare)
    try:
        return run_console(app, lambda: held[0].folder if held else Path(args.sessions))
    finally:
        for notes in held:
            notes.close()


def _note_taking(args: argparse.Namespace, writer: str, found: Path | None = None) -> NoteTaking:
    """The writer's hold on the session the arguments name (SessionError if it cannot be
    read or the writer's file is held): without a session named, the newest unfinished
    one, or the one `found` then (its first frame's, even if it has finished since), and
    it moves on to a session that starts later."""
    from facilitator.roles.following import NewestSession
    from facilitator.roles.note_taker import NoteTaking
    from facilitator.session.store import SessionStore
    from facilitator.timing.clock import SystemClock

    store = SessionStore(args.sessions)
    session = _readable(store, found) if args.session is None and found is not None else None
    if session is None:
        store, session = store.resolve(args.session)
    newest = NewestSession(store) if args.session is None else None
    return NoteTaking(
        store, session, writer, SystemClock(), take_over=args.take_over, newest=newest
    )


def _readable(store: SessionStore, folder: Path) -> Session | None:
    """The session in `folder` if the models read it, else None (the newest unfinished
    one is then looked for as always)."""
    try:
        return store.load(folder.name)
    except SessionError:
        return None
