"""Whose notes a console writes: the name reserved for the host, the default name, and the
lock that one console holds on a writer's file.

Apart from the models, so that the notes console checks its writer's name before pydantic
loads (its first frame comes before the models).
"""

from __future__ import annotations

import socket
from pathlib import Path

from facilitator.names import safe_name

HOST_WRITER = "host"
"""The writer name of the host console's own notes."""
NOTES_PREFIX = "notes-"
"""How the name of every writer's notes file, and of its lock, begins."""


def default_writer() -> str:
    """The writer's name when none is given: this machine's name."""
    name = socket.gethostname()
    if not safe_name(name):
        return "notes"
    return f"{name}-notes" if safe_name(name) == HOST_WRITER else name


def writer_lock_path(folder: Path, writer: str) -> Path:
    """The lock of the writer `writer`'s notes file (its safe name) in a session folder:
    held by the one console that writes it."""
    return folder / f"{NOTES_PREFIX}{writer}.lock"
