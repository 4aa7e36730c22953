"""Reports to send on: the minutes in Markdown, the notes as CSV, the agenda as iCalendar."""

from __future__ import annotations

import csv
import io
import os
from collections import defaultdict
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from facilitator import __version__
from facilitator.archive import LoadedSession, archive_text
from facilitator.durations import format_span
from facilitator.errors import ReportError
from facilitator.notes import Note
from facilitator.review import SessionReview, SlotReview, review_session
from facilitator.store import atomic_write_bytes
from facilitator.wordcloud import weigh

EN: dict[str, object] = {
    "rehearsal": "rehearsal",
    "timeline": "Timeline",
    "notes": "Notes",
    "columns": ("#", "Slot", "Planned", "Actual", "Planned length", "Actual length", "Over/under"),
    "skipped": "skipped",
    "day": "The day started at {start} and ended at {end}, {over}.",
    "day_open": "The day started at {start}; the session was not finished.",
    "not_started": "The day was never started.",
    "after": "{span} after its planned end",
    "before": "{span} before its planned end",
    "on_plan": "on its planned end",
    "sources": "Delay came from: {items}.",
    "absorbers": "Taken up by: {items}.",
    "general": "General",
    "table": "Table {table}",
    "no_notes": "No notes were taken.",
    "top_words": "Top words: {words}.",
    "csv": ("slot", "slot_title", "question", "table", "writer", "created", "updated", "text"),
}
"""Headings and phrases of the exports."""


def signed_minutes(seconds: float) -> str:
    """"+3 min", "−2 min" or "±0 min"."""
    minutes = round(seconds / 60)
    return f"+{minutes} min" if minutes > 0 else f"−{-minutes} min" if minutes else "±0 min"


def _local(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%H:%M") if moment else ""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown(loaded: LoadedSession, text: Mapping[str, object] = EN) -> str:
    """The minutes: the day, the timeline with over/under, the notes, the top words."""
    review = review_session(loaded.session, loaded.notes)
    agenda = loaded.session.agenda
    lines = [f"# {agenda.title}", ""]
    details = [loaded.session.day.isoformat()] + ([agenda.venue] if agenda.venue else [])
    if loaded.session.is_rehearsal:
        details.append(str(text["rehearsal"]))
    lines += [" · ".join(details), "", f"## {text['timeline']}", ""]
    columns = text["columns"]
    assert isinstance(columns, tuple)
    lines.append("| " + " | ".join(columns) + " |")
    lines.append("|---:|---|---|---|---:|---:|---:|")
    for slot in review.slots:
        lines.append("| " + " | ".join([
            str(slot.index + 1),
            _cell(slot.title),
            _local(slot.planned_start),
            _local(slot.actual_start) or str(text["skipped"]),
            format_span(slot.planned_duration),
            format_span(slot.actual_duration) if slot.actual_duration is not None else "",
            signed_minutes(slot.over) if slot.over is not None else "",
        ]) + " |")
    lines += ["", _day_sentence(review, text)]
    if review.delay_sources:
        lines.append(str(text["sources"]).format(items=slot_list(review.delay_sources)))
    if review.absorbers:
        lines.append(str(text["absorbers"]).format(items=slot_list(review.absorbers)))
    lines += ["", f"## {text['notes']}", ""]
    lines += notes_markdown(loaded.notes, loaded, text)
    return "\n".join(lines).rstrip() + "\n"


def _day_sentence(review: SessionReview, text: Mapping[str, object]) -> str:
    if review.started is None:
        return str(text["not_started"])
    if not review.finished or review.ended is None:
        return str(text["day_open"]).format(start=_local(review.started))
    over = review.over or 0
    span = format_span(abs(over))
    relation = text["after"] if over >= 30 else text["before"] if over <= -30 else text["on_plan"]
    return str(text["day"]).format(
        start=_local(review.started), end=_local(review.ended),
        over=str(relation).format(span=span),
    )


def slot_list(slots: list[SlotReview]) -> str:
    """"Velkommen (+2 min), Pause (−3 min)": slots with their over or under."""
    return ", ".join(f"{slot.title} ({signed_minutes(slot.over or 0)})" for slot in slots)


def notes_markdown(
    notes: list[Note], loaded: LoadedSession, text: Mapping[str, object]
) -> list[str]:
    """The notes grouped by slot, then question, then table; the top words of each slot."""
    if not notes:
        return [str(text["no_notes"])]
    agenda = loaded.session.agenda
    by_slot: dict[int, list[Note]] = defaultdict(list)
    for note in notes:
        by_slot[note.slot].append(note)
    lines: list[str] = []
    for slot_index in sorted(by_slot):
        slot_notes = by_slot[slot_index]
        title = agenda.slots[slot_index].title if slot_index < len(agenda.slots) else (
            slot_notes[0].slot_title)
        start = agenda.slots[slot_index].start.strftime("%H:%M") if slot_index < len(
            agenda.slots) else ""
        lines += [f"### {slot_index + 1}. {title} ({start})", ""]
        for question, group in group_by_question(slot_notes, agenda.slots[slot_index].questions
                                                 if slot_index < len(agenda.slots) else []):
            lines += [f"#### {question or text['general']}", ""]
            for note in group:
                body = note.text.strip().replace("\n", "\n  ")
                table = str(text["table"]).format(table=note.table)
                lines.append(f"- **{table}**: {body} ({note.writer}, {_local(note.created)})")
            lines.append("")
        words = weigh((note.text for note in slot_notes), agenda.stopwords, top=10)
        if words:
            listed = ", ".join(f"{term.term} ({term.count})" for term in words)
            lines += [str(text["top_words"]).format(words=listed), ""]
    return lines


def group_by_question(notes: list[Note], questions: list[str]
                      ) -> list[tuple[str | None, list[Note]]]:
    """Notes per question in the slot's order (general last), each group by table."""
    order = {question: position for position, question in enumerate(questions)}
    groups: dict[str | None, list[Note]] = defaultdict(list)
    for note in notes:
        groups[note.question].append(note)
    keys = sorted(groups, key=lambda q: (q is None, order.get(q, len(order)) if q else 0, q or ""))
    return [(key, sorted(groups[key], key=lambda n: (n.table, n.created))) for key in keys]


def notes_csv(loaded: LoadedSession, text: Mapping[str, object] = EN) -> str:
    """One row per note, with a header; written with a BOM so spreadsheets read UTF-8."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    header = text["csv"]
    assert isinstance(header, tuple)
    writer.writerow(header)
    agenda = loaded.session.agenda

    def order(note: Note) -> tuple[int, int, int, datetime]:
        questions = agenda.slots[note.slot].questions if note.slot < len(agenda.slots) else []
        position = questions.index(note.question) if note.question in questions else len(
            questions)
        return (note.slot, position, note.table, note.created)

    for note in sorted(loaded.notes, key=order):
        title = agenda.slots[note.slot].title if note.slot < len(agenda.slots) else note.slot_title
        writer.writerow([
            note.slot + 1, title, note.question or "", note.table, note.writer,
            note.created.isoformat(), note.updated.isoformat(), note.text,
        ])
    return buffer.getvalue()


def local_zone_name() -> str:
    """This machine's IANA time zone name, or "UTC" when it cannot be told."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    try:
        candidates.append(str(Path("/etc/localtime").resolve()).split("zoneinfo/", 1)[1])
    except (IndexError, OSError):
        pass
    for name in candidates:
        try:
            if name:
                ZoneInfo(name)
                return name
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return "UTC"


def calendar(loaded: LoadedSession) -> bytes:
    """The agenda as iCalendar (RFC 5545): one event per slot at its planned time."""
    import icalendar  # only an export needs it; the review console starts without it

    session, agenda = loaded.session, loaded.session.agenda
    zone = ZoneInfo(agenda.timezone or local_zone_name())
    day: date = agenda.date or session.day
    cal = icalendar.Calendar()
    cal.add("prodid", f"-//facilitator {__version__}//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", agenda.title)
    stamp = datetime.now(UTC)
    for index, slot in enumerate(agenda.slots):
        start = datetime.combine(day, slot.start, tzinfo=zone)
        event = icalendar.Event()
        event.add("uid", f"{session.id}-{index + 1}@facilitator")
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(seconds=agenda.duration_of(index)))
        event.add("summary", slot.title)
        description = [", ".join(slot.speakers)] if slot.speakers else []
        description += slot.questions
        if description:
            event.add("description", "\n".join(description))
        if agenda.venue:
            event.add("location", agenda.venue)
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()


FORMATS = {"md": ".md", "csv": ".csv", "ics": ".ics", "toml": ".toml"}
"""Export formats and their file name endings."""


def export_bytes(loaded: LoadedSession, form: str) -> bytes:
    """The session in one of FORMATS, as the bytes of its file."""
    if form == "md":
        return markdown(loaded).encode("utf-8")
    if form == "csv":
        return notes_csv(loaded).encode("utf-8-sig")
    if form == "ics":
        return calendar(loaded)
    if form == "toml":
        return archive_text(loaded).encode("utf-8")
    raise ValueError(f"unknown format {form!r}")


def write_export(loaded: LoadedSession, form: str, path: Path, force: bool = False) -> Path:
    """Write an export to `path`; an existing file only with `force`. ReportError on failure."""
    if path.exists() and not force:
        raise ReportError(f"{path}: exists already; choose another name or add --force")
    if path.is_dir():
        raise ReportError(f"{path}: is a folder; give a file name")
    try:
        atomic_write_bytes(path, export_bytes(loaded, form))
    except OSError as error:
        raise ReportError(f"{path}: cannot be written: {error.strerror}") from None
    return path


def default_export_name(loaded: LoadedSession, form: str) -> str:
    """"<session id>.<ending>"."""
    return loaded.session.id + FORMATS[form]
