"""`facilitator stage`: the stage screen for a projector or a speaker's monitor."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.cli.crash import run_console
from facilitator.ui.app import FacilitatorApp

if TYPE_CHECKING:
    from facilitator.roles.stage import Stage
    from facilitator.session.stage_preview import StagePreview
    from facilitator.session.store import SessionStore


def command(args: argparse.Namespace) -> int:
    """Open the stage screen on a session, or wait for one to start; its first frame is
    drawn from the session's preview when it has one."""
    preview = _preview(args)
    stages: list[Stage] = []

    def prepare(app: FacilitatorApp) -> None:
        from facilitator.ui.app import add_stage_mode

        stage = _stage(args)
        stages.append(stage)
        add_stage_mode(app, stage)

    if preview is None:
        prepare(app := FacilitatorApp("stage"))
    else:
        from facilitator.ui.screens.stage_opening import StageOpening

        app = FacilitatorApp("stage", StageOpening(preview, datetime.now().astimezone()), prepare)
    return run_console(app, lambda: _crash_folder(stages, Path(args.sessions)))


def _stage(args: argparse.Namespace) -> Stage:
    """The stage role on the session named (SessionError, with a message, for a wrong
    name or a session that cannot be read), or on the newest unfinished one."""
    from facilitator.roles.stage import Stage
    from facilitator.session.store import SessionStore
    from facilitator.timing.clock import SystemClock

    store: SessionStore = SessionStore(args.sessions)
    name = args.session
    if name is not None:
        store, session = store.resolve(name)
        name = session.id  # the stage follows it in the folder that holds it
    return Stage(store, SystemClock(), name)


def _preview(args: argparse.Namespace) -> StagePreview | None:
    """The preview of the session the stage opens on: the one named, else the most
    recently written (the newest unfinished one, when it has a preview at all)."""
    from facilitator.session.index import folder_names
    from facilitator.session.place import SESSION_FILE, locate_folder
    from facilitator.session.stage_preview import preview_stage

    root = Path(args.sessions)
    if args.session is not None:
        folder = locate_folder(root, args.session)
    else:
        written = [(_modified(root / name / SESSION_FILE), name) for name in folder_names(root)]
        newest = max(((stamp, name) for stamp, name in written if stamp is not None), default=None)
        folder = root / newest[1] if newest is not None else None
    return preview_stage(folder) if folder is not None else None


def _modified(path: Path) -> int | None:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return None


def _crash_folder(stages: list[Stage], sessions: Path) -> Path:
    """Where a crash is logged: the session's folder, else the sessions folder."""
    return (stages[0].folder or stages[0].store.root) if stages else sessions
