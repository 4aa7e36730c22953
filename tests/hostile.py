"""Texts and files as someone with a shared folder might plant them: escape sequences that
clear the screen, retitle the terminal or write to the clipboard."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import tomli_w

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""What must never be left: every C0/C1 control character and DEL but tab and newline."""

CLEAR = "\x1b[2J"
TITLE = "\x1b]0;pwned\x07"
CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4=\x07"
HOSTILE = f"Tillid{CLEAR} og {TITLE}tryghed{CLIPBOARD} \x9b31mrødt\x7f \x07ding"
"""A note as planted in a shared folder: clear screen, retitle, clipboard, C1 CSI, DEL, BEL."""
HOSTILE_SHOWN = "Tillid og tryghed rødt ding"


def hostile_notes(folder: Path, session_id: str) -> Path:
    """A notes file written by someone else, with escape sequences in every text field."""
    path = folder / "notes-mallory.toml"
    at = datetime(2024, 11, 26, 9, 5, tzinfo=timezone(timedelta(hours=1)))
    note = {
        "id": "mallory-1",
        "slot": 2,
        "slot_title": f"Dialog{CLEAR}",
        "table": 3,
        "question": f"Hvad{TITLE}?",
        "text": HOSTILE,
        "writer": "mallory",
        "created": at,
        "updated": at,
    }
    path.write_text(
        tomli_w.dumps({"writer": "mallory", "session": session_id, "note": [note]}),
        encoding="utf-8",
    )
    assert "\\u001b" in path.read_text(encoding="utf-8")  # TOML's escape, read back raw
    return path
