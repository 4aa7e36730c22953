"""`facilitator run`: the host console on an agenda, resuming its unfinished session if asked,
or following it read-only while another console holds it."""

from __future__ import annotations

import argparse
from pathlib import Path

from facilitator.agenda.model import load_agenda
from facilitator.cli.crash import run_console
from facilitator.errors import FacilitatorError
from facilitator.i18n import t
from facilitator.roles.host import HostRun
from facilitator.session.store import SessionStore
from facilitator.timing.clock import SystemClock
from facilitator.ui.app import host_app


def command(args: argparse.Namespace) -> int:
    """Open the host console on an agenda; its unfinished session is resumed when asked,
    offered otherwise, and followed read-only while another live console holds it."""
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
    offer = run.begin(resume=args.resume)
    try:
        return run_console(host_app(run, offer), lambda: run.folder or run.store.root)
    finally:
        run.close()
