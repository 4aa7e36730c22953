"""What the console commands do before and after their app runs; each imports only what
it needs, so the host console paints sooner."""

from __future__ import annotations

import argparse
from pathlib import Path

from facilitator.agenda.model import load_agenda
from facilitator.errors import FacilitatorError
from facilitator.i18n import t
from facilitator.roles.host import HostRun
from facilitator.session.store import SessionStore
from facilitator.timing.clock import SystemClock
from facilitator.ui.app import create_app


def run_host(args: argparse.Namespace) -> int:
    """Open the host console on an agenda; resume its unfinished session if asked."""
    if args.speed != 1.0 and not args.rehearse:
        raise FacilitatorError(t("cli.speed_needs_rehearse"))
    agenda_path = Path(args.agenda)
    agenda = load_agenda(agenda_path)
    run = HostRun(
        agenda,
        SessionStore(args.sessions),
        SystemClock(),
        agenda_file=agenda_path,
        speed=args.speed if args.rehearse else None,
        take_over=args.take_over,
    )
    candidate = run.resumable()
    offer = None
    if candidate is not None and args.resume:
        run.resume(candidate)
    elif candidate is not None:
        offer = candidate
    try:
        create_app(host=run, offer_resume=offer).run()
    finally:
        run.close()
    return 0


def run_notes(args: argparse.Namespace) -> int:
    """Open the notes console on a session: the newest unfinished one unless named."""
    from facilitator.notes.model import HOST_WRITER, sanitize_writer
    from facilitator.notes.store import default_writer
    from facilitator.roles.note_taker import NoteTaking

    writer = sanitize_writer(args.writer) if args.writer is not None else default_writer()
    if not writer:
        raise FacilitatorError(t("cli.writer_empty", value=args.writer))
    if writer == HOST_WRITER:
        raise FacilitatorError(t("cli.writer_host", value=args.writer))
    store, session = SessionStore(args.sessions).resolve(args.session)
    notes = NoteTaking(store, session, writer, SystemClock(), take_over=args.take_over)
    try:
        create_app(notes=notes).run()
    finally:
        notes.close()
    return 0


def run_review(args: argparse.Namespace) -> int:
    """Open the review: the list of sessions, or one session when named."""
    from facilitator.review.archive import load_any

    store = SessionStore(args.sessions)
    loaded = load_any(store, args.session) if args.session is not None else None
    create_app(review_store=store, review_session=loaded).run()
    return 0


def run_stage(args: argparse.Namespace) -> int:
    """Open the stage screen on a session, or wait for one to start."""
    store, name = SessionStore(args.sessions), args.session
    if name is not None:  # a wrong name fails here, with a message
        store, session = store.resolve(name)
        name = session.id  # the stage follows it in the folder that holds it
    create_app(stage_store=store, stage_session=name, clock=SystemClock()).run()
    return 0
