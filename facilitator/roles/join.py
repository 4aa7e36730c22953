"""How phones join a session served by `facilitator serve`: the join address that the server
leaves in the session folder (`join.toml`, its own file, written atomically and removed
when it stops), read by the stage to show it as a QR code while the host has it on.

The QR code is drawn as text: two rows of modules per line with half blocks, so it fits a
terminal and reads as square in one.
"""

from __future__ import annotations

import contextlib
import os
import socket
from datetime import UTC, datetime
from pathlib import Path

from facilitator.errors import SessionError
from facilitator.files import FileWatcher, atomic_write, dump_toml, read_toml
from facilitator.i18n import t

JOIN_FILE = "join.toml"
QUIET_ZONE = 2
"""Light modules around the code: scanners need a margin, terminals have none."""


def write_join(folder: Path, url: str) -> Path:
    """Tell the session's stage how to join: the URL, and which process serves it."""
    path = folder / JOIN_FILE
    text = dump_toml(
        {
            "url": url,
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "since": datetime.now(UTC),
        }
    )
    try:
        atomic_write(path, text)
    except OSError as error:
        raise SessionError(t("file.not_written", path=path, reason=error.strerror)) from None
    return path


def remove_join(folder: Path) -> None:
    """The server stops: the stage no longer offers its address."""
    with contextlib.suppress(OSError):
        (folder / JOIN_FILE).unlink()


def read_join(folder: Path) -> str | None:
    """The join URL a server left in `folder`, or None when there is none (or it cannot be
    read: the stage then shows no code rather than a wrong one)."""
    path = folder / JOIN_FILE
    if not path.exists():
        return None
    try:
        url = read_toml(path, SessionError, what=t("what.join")).get("url")
    except SessionError:
        return None
    return url if isinstance(url, str) and url.startswith(("http://", "https://")) else None


class JoinWatch:
    """The join URL of one session folder, re-read only when its file changes."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.url = read_join(folder)
        self._watch = FileWatcher([folder / JOIN_FILE])

    def refresh(self) -> bool:
        """Re-read the file if it came, changed or went; True if the URL changed."""
        if not self._watch.changed([self.folder / JOIN_FILE]):
            return False
        url = read_join(self.folder)
        changed = url != self.url
        self.url = url
        return changed


def qr_lines(url: str) -> list[str]:
    """The QR code of `url` as lines of text: dark modules drawn as block characters on a
    light background, with a quiet zone, two module rows per line."""
    import segno  # at first use: the stage's start-up does not pay for the QR encoder

    matrix = [
        [bool(module) for module in row]
        for row in segno.make(url, error="m", boost_error=False).matrix_iter(
            scale=1, border=QUIET_ZONE
        )
    ]
    if len(matrix) % 2:
        matrix.append([False] * len(matrix[0]))
    # Light is the terminal's background; a dark module is drawn, so the code reads on a
    # dark stage when drawn with the light colour (see `qr_glyph`).
    lines = []
    for top, bottom in zip(matrix[::2], matrix[1::2], strict=True):
        lines.append(
            "".join(qr_glyph(upper, lower) for upper, lower in zip(top, bottom, strict=True))
        )
    return lines


def qr_glyph(upper_dark: bool, lower_dark: bool) -> str:
    """One character for two modules, drawing the light ones: printed light-on-dark, the
    code has dark modules where nothing is drawn."""
    upper_light, lower_light = not upper_dark, not lower_dark
    if upper_light and lower_light:
        return "█"
    if upper_light:
        return "▀"
    if lower_light:
        return "▄"
    return " "
