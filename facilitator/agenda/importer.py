"""A programme as pasted from an invitation -> an agenda, saying where it was unsure.

Pure text in, `Agenda` and remarks out. A timed line starts a slot; the untimed lines
after it become its note, or its questions in a dialogue; day headings split a programme
of several days. Nothing is dropped in silence: every line is placed or reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, time

from facilitator.agenda.durations import format_clock
from facilitator.agenda.import_result import ImportProblem, ImportResult, Remark
from facilitator.agenda.model import SlotKind, parse_agenda
from facilitator.agenda.programme_words import (
    DAY_HEADING,
    GENERIC_HEADINGS,
    kind_of,
    parse_date,
)
from facilitator.clean import clean_text
from facilitator.errors import FacilitatorError
from facilitator.i18n import t

__all__ = ["ImportProblem", "ImportResult", "Remark", "kind_of", "parse_date", "parse_programme"]

_CLOCK = r"(?P<{n}h>\d{{1,2}})[.:](?P<{n}m>\d{{2}})(?:\s*(?P<{n}ampm>[ap]\.?\s?m\.?))?"
_START = _CLOCK.format(n="s")
_END = _CLOCK.format(n="e")
TIMED = re.compile(
    r"^\s*(?:(?P<approx1>ca\.?|approx\.?|about|omkring)\s*)?(?:kl\.?\s*)?"
    + _START
    + r"(?:\s*[-–—]\s*(?:kl\.?\s*)?"
    + _END
    + r")?(?![\d])\s*[:\t]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
APPROX_ANYWHERE = re.compile(
    r"\s*\b(?:ca\.?|approx\.?)\s*(?:kl\.?\s*)?" + _START + r"\b\s*", re.IGNORECASE
)

# "v." and "v/" may be glued to the name ("v/Kari Nordmann", "v.Ola Dahl"); the words
# need a space after them.
SPEAKER_MARK = re.compile(r"\s+(?:(?:v\.|v/)\s*|(?:ved|by|av)\s+)(?=\S)", re.IGNORECASE)
TRAILING_NAME = re.compile(r",\s*(?P<name>[A-ZÆØÅÄÖÜ][\w-]+(?:\s+[A-ZÆØÅÄÖÜ][\w-]+){1,3})\s*$")
SPEAKER_SPLIT = re.compile(r"\s+(?:og|and|och)\s+|\s*[&,]\s*", re.IGNORECASE)
BULLET = re.compile(r"^\s*(?:[•·▪◦*\-–o]\s+|\d+[.)]\s+)")


@dataclass
class _Slot:
    line: int
    start: time
    end: time | None
    title: str
    speakers: list[str]
    approx: bool
    extra: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class _Day:
    heading: str
    line: int
    slots: list[_Slot] = field(default_factory=list)


def _clock(match: re.Match[str], prefix: str) -> time | None:
    hour_text = match.group(f"{prefix}h")
    if hour_text is None:
        return None
    hour, minute = int(hour_text), int(match.group(f"{prefix}m"))
    ampm = (match.group(f"{prefix}ampm") or "").lower().replace(".", "").replace(" ", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def split_speakers(title: str) -> tuple[str, list[str]]:
    """The title and its speakers, from "… v. Ann & Bo", "… ved Ann", "… by Ann", "… (Ann)"."""
    for match in SPEAKER_MARK.finditer(title):
        after = title[match.end() :]
        marker = match.group().strip().lower()
        glued = not match.group()[-1].isspace()
        if (marker in ("ved", "by", "av") or glued) and not after[:1].isupper():
            continue  # "Dialog ved bordene": a place, not a person; "v.2" no name at all
        names = [_name(part) for part in SPEAKER_SPLIT.split(after)]
        return title[: match.start()].strip(), [name for name in names if name]
    trailing = TRAILING_NAME.search(title)
    if trailing:
        return title[: trailing.start()].strip(), [trailing.group("name")]
    paren = re.search(r"\s*\(([^()]+)\)\s*$", title)
    if paren:
        names = [n.strip() for n in SPEAKER_SPLIT.split(paren.group(1)) if n.strip()]
        if names and all(_looks_like_name(name) for name in names):
            return title[: paren.start()].strip(), names
    return title, []


def _name(text: str) -> str:
    """A name without the role before it: "kommunaldirektør Jonas Kroustrup" -> "Jonas
    Kroustrup"; a text with no capitalised word is kept as it is."""
    words = text.strip(" .").split()
    for index, word in enumerate(words):
        if word[:1].isupper():
            return " ".join(words[index:])
    return " ".join(words)


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 5 and all(word[:1].isupper() for word in words)


def _clean_title(text: str) -> str:
    return text.strip().strip(":–-\t ").strip()


def parse_programme(
    text: str,
    day: int | None = None,
    on_date: date | None = None,
    end: time | None = None,
) -> ImportResult:
    """Turn programme text into an agenda; ImportProblem says why when it cannot."""
    remarks: list[Remark] = []
    lines = clean_text(text).splitlines()  # a pasted programme may hold anything
    title: str | None = None
    found_date: date | None = None
    days: list[_Day] = [_Day("", 0)]
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line:
            continue
        timed = TIMED.match(line)
        approx_match = None if timed else APPROX_ANYWHERE.search(line)
        if timed or approx_match:
            match = timed or approx_match
            assert match is not None
            start = _clock(match, "s")
            if start is None:
                remarks.append(Remark(number, t("import.not_time", text=line)))
                continue
            rest = (
                timed.group("rest")
                if timed
                else (line[: match.start()] + " " + line[match.end() :])
            )
            approx = bool(timed.group("approx1")) if timed else True
            finish = _clock(match, "e") if timed else None
            name, speakers = split_speakers(_clean_title(rest))
            if not name:
                remarks.append(Remark(number, t("import.no_title")))
                name = "?"
            days[-1].slots.append(_Slot(number, start, finish, name, speakers, approx))
            continue
        if DAY_HEADING.match(line) and (days[-1].slots or len(days) > 1):
            days.append(_Day(line.rstrip(":"), number))
            continue
        if days[-1].slots:
            days[-1].slots[-1].extra.append((number, BULLET.sub("", line)))
            continue
        if line.lower().rstrip(": ") in GENERIC_HEADINGS:
            continue
        if found_date is None and parse_date(line):
            found_date = parse_date(line)
            if DAY_HEADING.match(line) and len(days) == 1:
                days[0] = _Day(line.rstrip(":"), number)
            continue
        if DAY_HEADING.match(line) and len(days) == 1 and not days[0].heading:
            days[0] = _Day(line.rstrip(":"), number)
            continue
        if line.endswith(":"):
            # "Dagprogrammet:" introduces what follows; it does not name the day.
            remarks.append(Remark(number, t("import.heading_not_title", text=line)))
            continue
        if title is None:
            title = line
            continue
        remarks.append(Remark(number, t("import.not_placed", text=line)))
    days = [d for d in days if d.slots]
    if not days:
        raise ImportProblem(t("import.no_times"))
    if len(days) > 1 and day is None:
        listing = "; ".join(
            t(
                "import.day_item",
                number=index,
                heading=d.heading or t("import.untitled_day"),
                line=d.line,
                items=len(d.slots),
            )
            for index, d in enumerate(days, start=1)
        )
        raise ImportProblem(t("import.days", count=len(days), listing=listing))
    if day is not None and not 1 <= day <= len(days):
        raise ImportProblem(t("import.day_range", day=day, count=len(days)))
    chosen = days[(day or 1) - 1]
    the_date = (
        on_date
        or (
            parse_date(chosen.heading, found_date.year if found_date else None)
            if chosen.heading
            else None
        )
        or found_date
    )
    if title is None:
        title = t("import.default_title")
        remarks.append(Remark(0, t("import.titled_default")))
    data = _agenda_data(title, the_date, chosen.slots, end, remarks)
    try:
        agenda = parse_agenda(data, source="the imported programme")
    except FacilitatorError as error:
        raise ImportProblem(str(error)) from None
    return ImportResult(agenda, tuple(remarks))


def _agenda_data(
    title: str, on_date: date | None, slots: list[_Slot], end: time | None, remarks: list[Remark]
) -> dict[str, object]:
    _expand_surnames(slots)
    data: dict[str, object] = {"title": title}
    if on_date:
        data["date"] = on_date
    items = []
    for index, slot in enumerate(slots):
        following = slots[index + 1] if index + 1 < len(slots) else None
        if following and following.start <= slot.start:
            raise ImportProblem(
                t(
                    "import.order",
                    line=following.line,
                    start=format_clock(following.start),
                    before=format_clock(slot.start),
                    before_line=slot.line,
                )
            )
        kind = kind_of(slot.title)
        item: dict[str, object] = {
            "start": format_clock(slot.start),
            "title": slot.title,
            "kind": kind.value,
        }
        if slot.speakers:
            item["speakers"] = slot.speakers
        if slot.approx:
            item["approx"] = True
        if slot.end is not None and slot.end > slot.start:
            if following is not None and slot.end > following.start:
                remarks.append(Remark(slot.line, t("import.overlap", end=format_clock(slot.end))))
            else:
                item["duration"] = _minutes(slot.start, slot.end)
        elif slot.end is not None:
            remarks.append(Remark(slot.line, t("import.backwards")))
        questions, note = _extra(slot, kind)
        if questions:
            item["questions"] = questions
        if note:
            item["note"] = note
        items.append(item)
    last = slots[-1]
    if "duration" not in items[-1]:
        if end is None:
            raise ImportProblem(t("import.no_end", line=last.line, title=last.title))
        if end <= last.start:
            raise ImportProblem(
                t("import.end_before", end=format_clock(end), start=format_clock(last.start))
            )
        data["end"] = format_clock(end)
    data["slot"] = items
    return data


def _minutes(start: time, end: time) -> str:
    minutes = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
    return f"{minutes}m"


def _extra(slot: _Slot, kind: SlotKind) -> tuple[list[str], str]:
    """Untimed lines after a slot: questions (a dialogue's lines up to a "?"), else a note."""
    questions: list[str] = []
    notes: list[str] = []
    pending: list[str] = []
    for _number, text in slot.extra:
        if kind is SlotKind.DIALOGUE:
            pending.append(text)
            if text.rstrip().endswith("?"):
                questions.append(" ".join(pending))
                pending = []
            continue
        notes.append(text)
    notes += pending
    return questions, "\n".join(notes)


def _expand_surnames(slots: list[_Slot]) -> None:
    """ "v. Kroustrup" is "Jonas Kroustrup" when the programme names him in full elsewhere."""
    full = {
        name.split()[-1]: name for slot in slots for name in slot.speakers if len(name.split()) > 1
    }
    for slot in slots:
        slot.speakers = [
            full.get(name, name) if len(name.split()) == 1 else name for name in slot.speakers
        ]
