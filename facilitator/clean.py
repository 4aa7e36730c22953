"""Text from a file or a person, without the control characters a terminal would obey.

An escape sequence in a note can clear the screen, retitle the terminal or write to the
clipboard (OSC 52); a shared folder or a mailed archive is enough to plant one. Every text
read from a file or typed in passes through `clean_text`: newline and tab stay, the other
line breaks (a carriage return, a form feed from a PDF's page break) become newlines, and
escape sequences and every other C0/C1 control character (DEL included) are removed, so
none reaches a screen, an export or the word cloud.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""C0 and C1 control characters and DEL, except tab (\\x09) and newline (\\x0a)."""

_CONTROL_CODES = bytes([*range(0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)])
"""The characters _CONTROL matches, as the bytes of a text in Latin-1."""

_LINE_BREAK = re.compile(r"\r\n?|[\x0b\x0c\x85]")
"""Line breaks other than newline: CR LF, CR, vertical tab, form feed, next line (NEL)."""

_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"  # CSI: cursor moves, colours, clearing the screen
    # OSC, DCS, SOS, PM, APC: a title, the clipboard, ...; only when terminated on the same
    # line, so a stray introducer never takes the text after it along
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[ -/]*[0-~]"  # any other escape: ESC c (reset), ESC ( B, ...
)
"""Whole escape sequences, so that their parameters do not stay behind as visible text."""


def has_control(text: str) -> bool:
    """Whether `text` holds a character that clean_text takes out or replaces.

    A text whose every character is below U+0100 (Danish and English prose, a pasted
    page) is checked as its Latin-1 bytes, several times faster than a pattern can scan
    it: a pasted 1 MB note is checked at every save.
    """
    try:
        raw = text.encode("latin-1")
    except UnicodeEncodeError:
        return _CONTROL.search(text) is not None
    return len(raw.translate(None, _CONTROL_CODES)) != len(raw)


def clean_text(text: str) -> str:
    """`text` without control characters other than newline and tab (see the module)."""
    if not has_control(text):
        return text  # the usual case, at the cost of one scan
    text = _LINE_BREAK.sub("\n", text)
    return _CONTROL.sub("", _SEQUENCE.sub("", text))


def cut_short(text: str, most: int) -> str:
    """`text` as a message quotes it back: at most `most` characters, "…" where it was cut
    (a pasted page would fill the screen, and take its time to lay out)."""
    return text if len(text) <= most else text[: most - 1] + "…"
