"""One catalogue for every visible string, in English and Danish, and the language in use.

The language follows, in order: the --lang flag, the FACILITATOR_LANG environment variable,
the agenda's `language`, English. Times, dates and lengths are written the language's way
("09.15" and "26. november 2024" in Danish). The strings live in en.toml and da.toml
beside this module, one key per line, so a translator edits data, not code.
"""

from __future__ import annotations

import json
import math
import os
import re
import tomllib
from collections.abc import Iterator, Mapping
from datetime import date, datetime, time
from functools import cache
from importlib import resources

from facilitator.i18n.rounding import nearest_minute, whole_minutes

_ENTRY = re.compile(r'"([\w.-]+)" = "((?:[^"\\\x00-\x1f]|\\["\\bfnrt]|\\u[0-9A-Fa-f]{4})*)"')
"""A catalogue line as the catalogues are written: a quoted key, a basic string whose only
escapes are those JSON reads the same way."""


@cache
def _catalogue(code: str) -> dict[str, str]:
    """One language's strings, read from its TOML file beside this module."""
    text = resources.files(__package__).joinpath(f"{code}.toml").read_text(encoding="utf-8")
    return read_catalogue(text)


def read_catalogue(text: str) -> dict[str, str]:
    """A catalogue's TOML. Its lines are read one by one, five times faster than tomllib
    (every console reads one before its first paint); a line of any other shape (a table,
    a multi-line string, an escape JSON lacks) has the whole file read by tomllib."""
    strings: dict[str, str] = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        entry = _ENTRY.fullmatch(line)
        if entry is None or entry[1] in strings:
            return tomllib.loads(text)
        value = entry[2]
        strings[entry[1]] = json.loads(f'"{value}"') if "\\" in value else value
    return strings


class _Catalogues(Mapping[str, dict[str, str]]):
    """Each language's strings, read the first time they are asked for: a console in
    English does not parse the Danish catalogue before its first paint."""

    def __getitem__(self, code: str) -> dict[str, str]:
        if code not in LANGUAGES:
            raise KeyError(code)
        return _catalogue(code)

    def __iter__(self) -> Iterator[str]:
        return iter(LANGUAGES)

    def __len__(self) -> int:
        return len(LANGUAGES)


LANGUAGES = ("en", "da")
CATALOGUES: Mapping[str, dict[str, str]] = _Catalogues()


def __getattr__(name: str) -> dict[str, str]:
    """EN (every string in English, by key) and DA (the same keys in Danish)."""
    if name in ("EN", "DA"):
        return _catalogue(name.lower())
    raise AttributeError(name)


ENVIRONMENT = "FACILITATOR_LANG"

_language = "en"


def set_language(code: str) -> None:
    """Show every later string in `code` ("en" or "da")."""
    global _language
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}; expected one of {', '.join(LANGUAGES)}")
    _language = code


def language() -> str:
    """The language in use."""
    return _language


def choose_language(flag: str | None, agenda_language: str | None = None) -> str:
    """Flag, then FACILITATOR_LANG, then the agenda's language, then English.

    An unknown value in the environment is passed over rather than stopping a console.
    """
    environment = os.environ.get(ENVIRONMENT, "").strip().lower()
    for choice in (flag, environment, agenda_language):
        if choice is not None and choice in LANGUAGES:
            return choice
    return "en"


def is_key(text: str) -> bool:
    """Whether `text` is a key of the catalogues (every catalogue has the same keys)."""
    return text in CATALOGUES[_language]


def t(key: str, **values: object) -> str:
    """The text for `key` in the language in use, with `values` filled in."""
    return CATALOGUES[_language][key].format(**values)


def clock_text(moment: datetime | time) -> str:
    """A time of day as the language writes it: "09:15" or "09.15"; local for a datetime.

    The minute it is, as a clock shows it; a planned, expected or actual time of the day
    is shown with `minute_text` instead."""
    if isinstance(moment, datetime):
        moment = moment.astimezone()
    return moment.strftime(t("format.clock"))


def minute_text(moment: datetime) -> str:
    """A time of the day's timing (expected, actual, the end) on its nearest minute, by the
    one rounding rule, so it agrees with the offsets and lengths shown beside it."""
    return clock_text(nearest_minute(moment))


def clock_text_seconds(moment: datetime) -> str:
    """A local time of day with seconds: "09:15:03" or "09.15.03"."""
    return moment.astimezone().strftime(t("format.clock_seconds"))


def date_text(day: date) -> str:
    """ "26 November 2024" or "26. november 2024"."""
    return t("format.date_long", day=day.day, month=t(f"month.{day.month}"), year=day.year)


def span_text(seconds: float) -> str:
    """A length of time: "45 min", "3 h 30 min" ("3 t 30 min"); under a minute "50 s".

    Whole minutes by the one rounding rule: 150 s is "3 min"."""
    if math.floor(seconds + 0.5) < 60:
        return t("span.seconds", seconds=math.floor(seconds + 0.5))
    hours, minutes = divmod(whole_minutes(seconds), 60)
    if hours and minutes:
        return t("span.hours_minutes", hours=hours, minutes=minutes)
    return t("span.hours", hours=hours) if hours else t("span.minutes", minutes=minutes)


def countdown_text(seconds: int) -> str:
    """The countdown: "05:00", "00:00", then "+01:23" in overtime; hours as "1:05:00"."""
    sign = "+" if seconds < 0 else ""
    minutes, secs = divmod(abs(seconds), 60)
    if minutes >= 60:
        hours, minutes = divmod(minutes, 60)
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes:02d}:{secs:02d}"


def signed_minutes(seconds: float) -> str:
    """ "+3 min", "−2 min" or "±0 min"."""
    minutes = whole_minutes(seconds)
    if minutes > 0:
        return t("minutes.signed_over", minutes=minutes)
    return t("minutes.signed_under", minutes=-minutes) if minutes else t("minutes.signed_zero")


def offset_text(seconds: float) -> str:
    """ "4 min behind", "2 min ahead" or "on time" (under half a minute), in whole minutes
    by the one rounding rule."""
    minutes = whole_minutes(seconds)
    if minutes == 0:
        return t("offset.on_time")
    return t("offset.behind" if minutes > 0 else "offset.ahead", minutes=abs(minutes))
