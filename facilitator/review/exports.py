"""Reports to send on: the minutes in Markdown, the notes as CSV, the agenda as iCalendar.

Headings and phrases follow the language in use; the CSV header too.
"""

from __future__ import annotations

import csv
import io
import os
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from facilitator import __version__
from facilitator.agenda.ontime import ontime_json
from facilitator.errors import ReportError, ReportNotWritten
from facilitator.files import atomic_write_bytes, check_output
from facilitator.i18n import clock_text, date_text, minute_text, signed_minutes, span_text, t
from facilitator.i18n.rounding import whole_minutes
from facilitator.notes.model import Note, question_position
from facilitator.notes.wordcloud import weigh
from facilitator.review.analysis import SessionReview, SlotReview, review_session
from facilitator.review.archive import LoadedSession, archive_text
from facilitator.review.recurring import noticeable
from facilitator.timing.timeline import Replanned


def local_clock(moment: datetime | None) -> str:
    """A moment of the day's timing as the local time of day, on its nearest minute like
    every minute shown; "" for none."""
    return minute_text(moment) if moment else ""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown(loaded: LoadedSession) -> str:
    """The minutes: the day, the timeline with over/under, the notes, the top words."""
    review = review_session(loaded.session, loaded.notes)
    agenda = loaded.session.agenda
    lines = [f"# {agenda.title}", ""]
    details = [date_text(loaded.session.day)] + ([agenda.venue] if agenda.venue else [])
    if loaded.session.is_rehearsal:
        details.append(t("report.rehearsal"))
    lines += [" · ".join(details), "", f"## {t('report.timeline')}", ""]
    columns = [t(f"report.column.{key}") for key in REPORT_COLUMNS]
    lines.append("| " + " | ".join(columns) + " |")
    lines.append("|---:|---|---|---|---:|---:|---:|")
    for slot in review.slots:
        lines.append(
            "| "
            + " | ".join(
                [
                    str(slot.index + 1),
                    _cell(slot.title),
                    local_clock(slot.planned_start),
                    t("report.skipped") if slot.skipped else local_clock(slot.actual_start),
                    _planned_length(slot),
                    span_text(slot.actual_duration) if slot.actual_duration is not None else "",
                    signed_minutes(slot.over) if slot.over is not None else "",
                ]
            )
            + " |"
        )
    lines += ["", _day_sentence(review)]
    lines += [replan_sentence(review, mark) for mark in review.replans]
    lines += [round_sentence(slot) for slot in review.slots if slot.reported is not None]
    if review.delay_sources:
        lines.append(t("report.sources", items=slot_list(review.delay_sources)))
    if review.absorbers:
        lines.append(t("report.absorbers", items=slot_list(review.absorbers)))
    lines += ["", f"## {t('report.notes')}", ""]
    lines += notes_markdown(loaded.notes, loaded)
    return "\n".join(lines).rstrip() + "\n"


def _day_sentence(review: SessionReview) -> str:
    if review.started is None:
        return t("report.not_started")
    if not review.finished or review.ended is None:
        return t("report.day_open", start=local_clock(review.started))
    relation = {1: "report.after", -1: "report.before"}.get(
        noticeable(review.over), "report.on_plan"
    )
    span = span_text(abs(whole_minutes(review.over or 0)) * 60)
    return t(
        "report.day",
        start=local_clock(review.started),
        end=local_clock(review.ended),
        over=t(relation, span=span),
    )


def round_sentence(slot: SlotReview) -> str:
    """ "Report-back in Kort opsamling: reported 1 2 3; not reported 4" for the minutes."""
    return t(
        "export.round",
        title=slot.title,
        reported=" ".join(map(str, sorted(slot.reported or ()))) or "–",
        missing=" ".join(map(str, slot.not_reported)) or "–",
    )


def _planned_length(slot: SlotReview) -> str:
    """ "10 min", or "10 min → 8 min" for a slot a re-plan changed."""
    if slot.replanned is None:
        return span_text(slot.planned_duration)
    return t(
        "report.replanned_length",
        planned=span_text(slot.planned_duration),
        length=span_text(slot.replanned),
    )


def replan_sentence(review: SessionReview, mark: Replanned) -> str:
    """ "Re-planned at 09:05, during Velkommen: Dialog (10 min → 8 min), …"."""
    titles = [slot.title for slot in review.slots]
    changes = []
    for index, before, after in mark.changes:
        length = t("report.replanned_length", planned=span_text(before), length=span_text(after))
        changes.append(f"{titles[index]} ({length})")
    return t(
        "report.replan",
        time=local_clock(mark.at),
        slot=titles[mark.during],
        changes=", ".join(changes),
    )


REPORT_COLUMNS = ("number", "slot", "planned", "actual", "planned_length", "actual_length", "over")


def slot_list(slots: list[SlotReview]) -> str:
    """ "Velkommen (+2 min), Pause (−3 min)": slots with their over or under."""
    return ", ".join(f"{slot.title} ({signed_minutes(slot.over or 0)})" for slot in slots)


def notes_markdown(notes: list[Note], loaded: LoadedSession) -> list[str]:
    """The notes grouped by slot, then question, then table; the top words of each slot."""
    if not notes:
        return [t("report.no_notes")]
    agenda = loaded.session.agenda
    by_slot: dict[int, list[Note]] = defaultdict(list)
    for note in notes:
        by_slot[note.slot].append(note)
    lines: list[str] = []
    for slot_index in sorted(by_slot):
        slot_notes = by_slot[slot_index]
        title = (
            agenda.slots[slot_index].title
            if slot_index < len(agenda.slots)
            else (slot_notes[0].slot_title)
        )
        start = clock_text(agenda.slots[slot_index].start) if slot_index < len(agenda.slots) else ""
        lines += [f"### {slot_index + 1}. {title} ({start})", ""]
        for question, group in group_by_question(
            slot_notes, agenda.slots[slot_index].questions if slot_index < len(agenda.slots) else []
        ):
            lines += [f"#### {question or t('report.general')}", ""]
            for note in group:
                body = note.text.strip().replace("\n", "\n  ")
                table = t("report.table", table=note.table)
                lines.append(f"- **{table}**: {body} ({note.writer}, {clock_text(note.created)})")
            lines.append("")
        words = weigh(loaded.cloud_texts(slot_index), agenda.stopwords, top=10)
        if words:
            listed = ", ".join(f"{term.term} ({term.count})" for term in words)
            lines += [t("report.top_words", words=listed), ""]
    return lines


def group_by_question(
    notes: list[Note], questions: list[str]
) -> list[tuple[str | None, list[Note]]]:
    """Notes per question in the slot's order (general last), each group by table."""
    groups: dict[str | None, list[Note]] = defaultdict(list)
    for note in notes:
        groups[note.question].append(note)
    keys = sorted(groups, key=lambda q: (question_position(q, questions), q is None, q or ""))
    return [(key, sorted(groups[key], key=lambda n: (n.table, n.created))) for key in keys]


def notes_csv(loaded: LoadedSession) -> str:
    """One row per note, with a header; written with a BOM so spreadsheets read UTF-8."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(t("report.csv").split(","))
    agenda = loaded.session.agenda

    def order(note: Note) -> tuple[int, int, int, datetime]:
        questions = agenda.slots[note.slot].questions if note.slot < len(agenda.slots) else []
        return (note.slot, question_position(note.question, questions), note.table, note.created)

    for note in sorted(loaded.notes, key=order):
        title = agenda.slots[note.slot].title if note.slot < len(agenda.slots) else note.slot_title
        writer.writerow(
            [
                note.slot + 1,
                inert(title),
                inert(note.question or ""),
                note.table,
                inert(note.writer),
                note.created.isoformat(),
                note.updated.isoformat(),
                inert(note.text),
            ]
        )
    return buffer.getvalue()


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (OWASP, CSV injection)."""


def inert(text: str) -> str:
    """A CSV cell a spreadsheet shows as text and never runs: OWASP's advice against CSV
    injection, a `'` before a cell that starts with =, +, -, @, tab or CR."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


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


FORMATS = {
    "md": ".md",
    "csv": ".csv",
    "ics": ".ics",
    "toml": ".toml",
    "ontime": ".json",
    "report-csv": ".report.csv",
}
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
    if form == "ontime":
        return ontime_json(loaded.session.agenda).encode("utf-8")
    if form == "report-csv":
        from facilitator.review.ontime_report import report_csv  # it uses `inert` from here

        return report_csv(loaded).encode("utf-8-sig")
    raise ValueError(f"unknown format {form!r}")


def write_export(loaded: LoadedSession, form: str, path: Path, force: bool = False) -> Path:
    """Write an export to `path`; an existing regular file only with `force`.

    ReportError when the path may not be written; ReportNotWritten when the write failed.
    """
    return write_bytes(export_bytes(loaded, form), path, force)


def write_bytes(data: bytes, path: Path, force: bool = False) -> Path:
    """Write an export's bytes to `path` as `write_export` does."""
    check_output(path, force, ReportError)
    try:
        atomic_write_bytes(path, data)
    except OSError as error:
        raise ReportNotWritten(t("file.not_written", path=path, reason=error.strerror)) from None
    return path


def default_export_name(loaded: LoadedSession, form: str) -> str:
    """ "<session id>.<ending>"."""
    return loaded.session.id + FORMATS[form]
