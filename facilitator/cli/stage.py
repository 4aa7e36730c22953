"""`facilitator stage`: the stage screen for a projector or a speaker's monitor."""

from __future__ import annotations

import argparse

from facilitator.cli.crash import run_console
from facilitator.roles.stage import Stage
from facilitator.session.store import SessionStore
from facilitator.timing.clock import SystemClock
from facilitator.ui.app import stage_app


def command(args: argparse.Namespace) -> int:
    """Open the stage screen on a session, or wait for one to start."""
    store, name = SessionStore(args.sessions), args.session
    if name is not None:  # a wrong name fails here, with a message
        store, session = store.resolve(name)
        name = session.id  # the stage follows it in the folder that holds it
    stage = Stage(store, SystemClock(), name)
    return run_console(stage_app(stage), lambda: stage.folder or store.root)
