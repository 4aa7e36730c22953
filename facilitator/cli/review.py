"""`facilitator review`: the organiser's console over the saved sessions."""

from __future__ import annotations

import argparse
import gc

from facilitator.cli.crash import run_console
from facilitator.i18n import choose_language, language, set_language
from facilitator.review.index import index_sessions, newest_language
from facilitator.review.preview import preview_session
from facilitator.session.place import is_archive, locate_folder
from facilitator.session.store import SessionStore
from facilitator.ui.app import FacilitatorApp, add_review_mode, review_app


def command(args: argparse.Namespace) -> int:
    """Open the review: the list of sessions, or one session when named."""
    store = SessionStore(args.sessions)
    if args.session is not None:  # opened over the list, which is read when shown
        app = _session_app(store, args.session)
    else:
        # The list, read now: the newest session's language is the console's, unless
        # another was asked for.
        summaries = index_sessions(store)
        chosen = choose_language(args.lang, newest_language(summaries))
        if chosen != language():
            set_language(chosen)
            if any(summary.error for summary in summaries):  # say why in that language
                summaries = index_sessions(store)
        app = review_app(store, listed=summaries)
    # What is loaded by now (modules, the session) lives as long as the console: kept out
    # of the garbage collector's full passes, one of which fell in the first frame.
    gc.freeze()
    return run_console(app, lambda: store.root)


def _session_app(store: SessionStore, name: str) -> FacilitatorApp:
    """The review of the session `name`: drawn first from its preview when it is a session
    folder that has one; read whole (SessionError, with a message, for a wrong name or a
    file that cannot be read) before that frame is replaced."""
    folder = locate_folder(store.root, name) if not is_archive(name) else None
    preview = preview_session(folder) if folder is not None else None
    if preview is None:
        from facilitator.review.archive import open_any

        return review_app(store, open_any(store, name))

    def prepare(app: FacilitatorApp) -> None:
        from facilitator.review.archive import open_any  # the models: after the first frame

        add_review_mode(app, store, open_any(store, name))

    from facilitator.ui.screens.review_opening import ReviewOpening

    return FacilitatorApp("review", ReviewOpening(preview), prepare)
