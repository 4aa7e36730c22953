"""`facilitator review`: the organiser's console over the saved sessions."""

from __future__ import annotations

import argparse

from facilitator.cli.crash import run_console
from facilitator.review.archive import load_any
from facilitator.session.store import SessionStore
from facilitator.ui.app import review_app


def command(args: argparse.Namespace) -> int:
    """Open the review: the list of sessions, or one session when named."""
    store = SessionStore(args.sessions)
    loaded = load_any(store, args.session) if args.session is not None else None
    return run_console(review_app(store, loaded), lambda: store.root)
