"""`facilitator run`: the host console on an agenda, resuming its unfinished session if asked,
or following it read-only while another console holds it; with `--control` and `--osc`, it
takes the host's actions over HTTP and OSC too."""

from __future__ import annotations

import argparse
import socket
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.agenda.model import load_agenda
from facilitator.cli.crash import run_console
from facilitator.errors import FacilitatorError
from facilitator.i18n import t
from facilitator.roles.host import HostRun
from facilitator.session.store import SessionStore
from facilitator.timing.clock import SystemClock
from facilitator.ui.app import host_app

if TYPE_CHECKING:
    from facilitator.control.server import ControlSockets


def command(args: argparse.Namespace) -> int:
    """Open the host console on an agenda; its unfinished session is resumed when asked,
    offered otherwise, and followed read-only while another live console holds it."""
    if args.speed != 1.0 and not args.rehearse:
        raise FacilitatorError(t("cli.speed_needs_rehearse"))
    agenda_path = Path(args.agenda)
    agenda = load_agenda(agenda_path)
    control = open_control(args.control, args.osc)
    try:
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
            app = host_app(run, offer, control)
            return run_console(app, lambda: run.folder or run.store.root)
        finally:
            run.close()
    finally:
        if control is not None:
            control.close()


def open_control(http: str | None, osc: str | None) -> ControlSockets | None:
    """Bind the control ports asked for and print where they are and the token, before
    the console takes the terminal; FacilitatorError (exit 2) for a bad address or a port
    in use. Nothing is loaded for the control API unless it is asked for."""
    if http is None and osc is None:
        return None
    from facilitator.control.server import ControlSockets, bind, control_token

    sockets = ControlSockets(control_token())
    try:
        if http is not None:
            sockets.http = bind(http, "--control", socket.SOCK_STREAM)
        if osc is not None:
            sockets.osc = bind(osc, "--osc", socket.SOCK_DGRAM)
    except FacilitatorError:
        sockets.close()
        raise
    if (url := sockets.http_url()) is not None:
        print(t("control.started_http", url=url, token=sockets.token), flush=True)
    if (address := sockets.osc_address()) is not None:
        print(t("control.started_osc", address=address), flush=True)
    return sockets
