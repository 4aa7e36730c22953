"""`facilitator review`: the organiser's console over the saved sessions."""

from __future__ import annotations

import argparse
import gc

from facilitator.cli.crash import run_console
from facilitator.session.store import SessionStore
from facilitator.ui.app import review_app


def command(args: argparse.Namespace) -> int:
    """Open the review: the list of sessions, or one session when named."""
    store = SessionStore(args.sessions)
    loaded = None
    if args.session is not None:  # the list alone paints before the session model loads
        from facilitator.review.archive import load_any

        loaded = load_any(store, args.session)
    app = review_app(store, loaded)
    # What is loaded by now (modules, the session) lives as long as the console: kept out
    # of the garbage collector's full passes, one of which fell in the first frame.
    gc.freeze()
    return run_console(app, lambda: store.root)
