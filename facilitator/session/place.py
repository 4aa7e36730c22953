"""Where a session lives: its folder in the sessions folder, named by an id or by a path.

Read without the session model, so that a console can find the session it opens (and its
language) before pydantic is loaded.
"""

from __future__ import annotations

from pathlib import Path

from facilitator.names import is_folder_name

SESSION_FILE = "session.toml"


def locate_folder(root: Path, name: str) -> Path | None:
    """The folder of the session `name` names, or None: a session id in the sessions
    folder `root`, else the path of a session folder (or of its session.toml) from
    anywhere. The one rule for a session named on the command line."""
    if is_folder_name(name) and (root / name / SESSION_FILE).exists():
        return root / name
    path = Path(name).expanduser()
    if path.name == SESSION_FILE:
        path = path.parent
    if not (path / SESSION_FILE).is_file():
        return None
    return path.resolve()  # "." or "sessions/x/.." still name a folder
