"""The words programmes are written in: month and weekday names, day headings, the
headings that only introduce a programme, and the keywords that tell a slot's kind.

Danish, Norwegian, Swedish and English; used by the programme importer (`importer.py`)
and by the Ontime importer, which has titles but no kinds.
"""

from __future__ import annotations

import re
from datetime import date

from facilitator.agenda.model import SlotKind

_MONTHS = {
    "januar": 1,
    "january": 1,
    "janvier": 1,
    "februar": 2,
    "february": 2,
    "marts": 3,
    "mars": 3,
    "march": 3,
    "april": 4,
    "maj": 5,
    "mai": 5,
    "may": 5,
    "juni": 6,
    "june": 6,
    "juli": 7,
    "july": 7,
    "august": 8,
    "augusti": 8,
    "september": 9,
    "oktober": 10,
    "october": 10,
    "november": 11,
    "december": 12,
    "desember": 12,
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
DATE_DAY_FIRST = re.compile(
    rf"(?P<day>\d{{1,2}})\.?\s*(?P<month>{_MONTH})\.?\s*(?P<year>\d{{4}})?", re.IGNORECASE
)
DATE_MONTH_FIRST = re.compile(
    rf"(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s*(?P<year>\d{{4}})?",
    re.IGNORECASE,
)
DATE_ISO = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})")
WEEKDAYS = (
    "mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|måndag|tisdag|lördag|söndag|"
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
)
DAY_HEADING = re.compile(
    rf"^\s*(?:(?:{WEEKDAYS})\b.*|(?:dag|day|dagur)\s+\d+\b.*|"
    rf"\d{{1,2}}\.?\s*(?:{_MONTH})\.?\s*(?:\d{{4}})?\s*:?|(?:{_MONTH})\s+\d{{1,2}}.*)$",
    re.IGNORECASE,
)
GENERIC_HEADINGS = {
    "program",
    "programme",
    "dagens program",
    "agenda",
    "schedule",
    "programmet",
    "dagsorden",
    "the programme",
    "the program",
    "dagprogram",
    "dagprogrammet",
    "dagsprogram",
    "dagsprogrammet",
    "dagens agenda",
}
"""Headings that only say "here comes the programme", with or without a colon: skipped."""

# (kind, keywords, how they must match): checked in this order. "word" is a whole word
# anywhere, "start" a whole word that begins the title ("Valg til AMR", but not "valg af
# tema" inside a title), "part" a part of a word ("kaffepause", "frokostsandwich").
KIND_WORDS: list[tuple[SlotKind, tuple[str, ...], str]] = [
    (
        SlotKind.WELCOME,
        ("velkommen", "velkomst", "welcome", "åbning", "åpning", "välkommen", "opening"),
        "word",
    ),
    (SlotKind.ELECTION, ("valg", "val", "election", "afstemning", "vote"), "start"),
    (SlotKind.ELECTION, ("election", "afstemning"), "word"),
    (
        SlotKind.SUMMARY,
        (
            "opsamling",
            "oppsummering",
            "sammanfattning",
            "round-up",
            "roundup",
            "summary",
            "wrap-up",
        ),
        "word",
    ),
    (
        SlotKind.DIALOGUE,
        ("dialog", "drøftelse", "discussion", "workshop", "gruppearbejde", "table talk"),
        "word",
    ),
    (SlotKind.CASE, ("case",), "word"),
    (
        SlotKind.MEAL,
        (
            "frokost",
            "lunsj",
            "lunch",
            "middag",
            "dinner",
            "brunch",
            "aftensmad",
            "sandwich",
            "morgenmad",
            "frukost",
            "breakfast",
            "frühstück",
        ),
        "part",
    ),
    (SlotKind.BREAK, ("pause", "break", "kaffe", "coffee", "fika"), "part"),
]


def parse_date(text: str, default_year: int | None = None) -> date | None:
    """A date written as "26. november 2024", "November 26, 2024" or "2024-11-26"."""
    for pattern in (DATE_ISO, DATE_DAY_FIRST, DATE_MONTH_FIRST):
        match = pattern.search(text)
        if not match:
            continue
        month_text = match.group("month")
        month = int(month_text) if month_text.isdigit() else _MONTHS[month_text.lower()]
        year = match.group("year")
        if year is None and default_year is None:
            continue
        try:
            return date(int(year) if year else default_year or 1, month, int(match.group("day")))
        except ValueError:
            return None
    return None


def kind_of(title: str) -> SlotKind:
    """The kind of a slot from keywords in its title (Danish, Norwegian, Swedish, English)."""
    lower = title.lower()
    for kind, words, how in KIND_WORDS:
        for word in words:
            pattern = {
                "word": rf"\b{re.escape(word)}\b",
                "start": rf"^{re.escape(word)}\b",
                "part": re.escape(word),
            }[how]
            if re.search(pattern, lower):
                return kind
    return SlotKind.TALK
