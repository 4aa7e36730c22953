"""One rule for turning a name typed by a person into part of a file or folder name.

Session ids (from the day's title) and notes writers (from `--as NAME`) both go through
`safe_name`, so neither can name a path outside its folder: the result holds only letters,
marks and digits joined by single hyphens, never a separator, a dot or a leading hyphen,
and it is bounded in length.
"""

from __future__ import annotations

import re
import unicodedata

NAME_LIMIT = 40
"""The longest safe name, in characters: at most 160 bytes of UTF-8, so a file name with
a prefix, an ending and a sync tool's conflict suffix stays far below 255 bytes."""

# Letters NFKD does not take apart, spelled as Danish and Norwegian write them without
# their letter ("Ærø" -> "aero"), for names that must be ASCII.
_SPELLED_OUT = str.maketrans(
    {"æ": "ae", "ø": "o", "đ": "d", "ł": "l", "þ": "th", "ð": "d", "œ": "oe", "ı": "i"}
)
_HYPHENS = re.compile(r"-{2,}")


def safe_name(text: str, *, ascii_only: bool = False, limit: int = NAME_LIMIT) -> str:
    """`text` as a name safe in a file name; "" when nothing of it is left.

    Letters of any script are kept, case-folded ("Bord 4 (Ann)" -> "bord-4-ann",
    "日本語" -> "日本語", "ß" -> "ss"); with `ascii_only` they are spelled in ASCII
    ("Arbejdsmiljødag" -> "arbejdsmiljodag"). Everything else becomes a hyphen, and
    invisible format characters (zero-width joiners) are dropped.
    """
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    if ascii_only:
        folded = folded.translate(_SPELLED_OUT)
        folded = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    kept = []
    for char in folded:
        category = unicodedata.category(char)
        if category == "Cf":
            continue
        kept.append(char if category[0] in "LMN" else "-")
    name = _HYPHENS.sub("-", "".join(kept)).strip("-")
    return unicodedata.normalize("NFC", name[:limit].rstrip("-"))


def same_name(first: str, second: str) -> bool:
    """Whether two names as given are the same name: equal once their Unicode form and the
    space around them are made alike."""
    return unicodedata.normalize("NFC", first.strip()) == unicodedata.normalize(
        "NFC", second.strip()
    )


def is_folder_name(text: str) -> bool:
    """Whether `text` names a folder inside the sessions folder: one visible path part,
    so that no id can lead a write elsewhere ("/srv/x", "../x", ".")."""
    return bool(text) and not text.startswith(".") and not any(c in text for c in "/\\\0")
