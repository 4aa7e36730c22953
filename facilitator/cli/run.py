"""`facilitator run`: the host console on an agenda, resuming its unfinished session if asked,
or following it read-only while another console holds it; with `--control` and `--osc`, it
takes the host's actions over HTTP and OSC too."""

from __future__ import annotations

import argparse
import socket
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.cli.crash import run_console
from facilitator.errors import FacilitatorError
from facilitator.i18n import t
from facilitator.session.lock import LOCK_FILE, SessionLock
from facilitator.ui.app import FacilitatorApp

if TYPE_CHECKING:
    from facilitator.agenda.model import Agenda
    from facilitator.agenda.preview import AgendaPreview
    from facilitator.control.server import ControlSockets
    from facilitator.roles.host import HostRun


def command(args: argparse.Namespace) -> int:
    """Open the host console on an agenda; its unfinished session is resumed when asked,
    offered otherwise, and followed read-only while another live console holds it."""
    if args.speed != 1.0 and not args.rehearse:
        raise FacilitatorError(t("cli.speed_needs_rehearse"))
    agenda_path = Path(args.agenda)
    preview = _opening_preview(args, agenda_path)
    if preview is not None:
        return _open_after_first_frame(args, agenda_path, preview)
    from facilitator.agenda.model import load_agenda
    from facilitator.ui.app import host_app

    agenda = load_agenda(agenda_path)
    control = open_control(args.control, args.osc)
    try:
        run = _host_run(args, agenda, agenda_path)
        offer = run.begin(resume=args.resume)
        try:
            app = host_app(run, offer, control)
            return run_console(app, lambda: run.folder or run.store.root)
        finally:
            run.close()
    finally:
        if control is not None:
            control.close()


def _opening_preview(args: argparse.Namespace, agenda_path: Path) -> AgendaPreview | None:
    """The agenda's preview when the console will open on the day not started (perhaps
    with an offer to resume it), which is what the first frame shows; None when it may
    open on a session under way (--resume, --take-over, another console holding one),
    keep a rehearsal's own clock, or take the control API's ports first."""
    if args.resume or args.take_over or args.rehearse or args.control or args.osc:
        return None
    if _live_console_in(Path(args.sessions)):
        return None
    from facilitator.agenda.preview import preview_agenda

    return preview_agenda(agenda_path)


def _live_console_in(sessions: Path) -> bool:
    """Whether a live console holds any session of the folder: a look at each lock."""
    try:
        folders = [entry for entry in sessions.iterdir() if entry.is_dir()]
    except OSError:
        return False
    return any(SessionLock.holder_of(folder / LOCK_FILE) is not None for folder in folders)


def _open_after_first_frame(
    args: argparse.Namespace, agenda_path: Path, preview: AgendaPreview
) -> int:
    """Draw the day not started from `preview`, then load and validate the agenda and
    open the console over it; an agenda the models refuse closes it with the message."""
    from datetime import datetime

    from facilitator.ui.screens.host_opening import HostOpening

    runs: list[HostRun] = []

    def prepare(app: FacilitatorApp) -> None:
        from facilitator.agenda.model import load_agenda
        from facilitator.ui.app import add_host_modes

        run = _host_run(args, load_agenda(agenda_path), agenda_path)
        runs.append(run)
        add_host_modes(app, run, run.begin())

    opening = HostOpening(preview, datetime.now().astimezone())
    app = FacilitatorApp("host", opening, prepare)
    try:
        return run_console(app, lambda: _crash_folder(runs, Path(args.sessions)))
    finally:
        for run in runs:
            run.close()


def _crash_folder(runs: list[HostRun], sessions: Path) -> Path:
    """Where a crash is logged: the session's folder, else the sessions folder."""
    return (runs[0].folder or runs[0].store.root) if runs else sessions


def _host_run(args: argparse.Namespace, agenda: Agenda, agenda_path: Path) -> HostRun:
    """The host's run of `agenda` as the arguments ask: rehearsed or not, taking over."""
    from facilitator.roles.host import HostRun
    from facilitator.session.store import SessionStore
    from facilitator.timing.clock import SystemClock

    return HostRun(
        agenda,
        SessionStore(args.sessions),
        SystemClock(),
        agenda_file=agenda_path,
        speed=args.speed if args.rehearse else None,
        take_over=args.take_over,
    )


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
