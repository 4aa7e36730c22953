"""Where a session lives: its folder in the sessions folder, named by an id or by a path.

Read without the session model, so that a console can find the session it opens (and its
language) before pydantic is loaded.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from facilitator.files import peek_toml
from facilitator.names import is_folder_name
from facilitator.session.index import folder_names

SESSION_FILE = "session.toml"


def is_archive(name: str) -> bool:
    """Whether `name` is a file other than a session folder's own session.toml: a whole
    session in one file (review/archive.py), not a session folder."""
    path = Path(name)
    return path.is_file() and path.name != SESSION_FILE


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


def folders_newest_first(root: Path) -> list[Path]:
    """The session folders of `root` that hold a session.toml, the most recently written
    first: the order in which the store looks for the newest session."""
    stamped = []
    for name in folder_names(root):
        try:  # os.stat on a string: a folder of thousands of sessions is stat'ed whole
            stamped.append((os.stat(os.path.join(root, name, SESSION_FILE)).st_mtime_ns, name))
        except OSError:
            continue
    return [root / name for _, name in sorted(stamped, reverse=True)]


def session_data(folder: Path) -> dict[str, Any] | None:
    """The TOML data of the session in `folder`, for a first frame read before the models;
    None if it cannot be read, or if its id is not the folder's name (a copy, which the
    store does not read either)."""
    data = peek_toml(folder / SESSION_FILE)
    return data if data is not None and data.get("id") == folder.name else None
