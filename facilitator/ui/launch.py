"""What `facilitator run` and `facilitator stage` do before and after the app runs."""

from __future__ import annotations

import argparse
from pathlib import Path

from facilitator.agenda import load_agenda
from facilitator.clock import SystemClock
from facilitator.errors import FacilitatorError
from facilitator.host import HostRun
from facilitator.store import SessionStore
from facilitator.ui.app import create_app


def run_host(args: argparse.Namespace) -> int:
    """Open the host console on an agenda; resume its unfinished session if asked."""
    if args.speed != 1.0 and not args.rehearse:
        raise FacilitatorError("--speed works only with --rehearse")
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


def run_stage(args: argparse.Namespace) -> int:
    """Open the stage screen on a session, or wait for one to start."""
    store = SessionStore(args.sessions)
    if args.session is not None:
        store.resolve(args.session)  # a wrong name fails here, with a message
    create_app(stage_store=store, stage_session=args.session, clock=SystemClock()).run()
    return 0
