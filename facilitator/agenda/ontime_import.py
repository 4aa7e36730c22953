"""An Ontime project -> an agenda, saying what it could not place.

Ontime's events become slots in rundown order (a group's events in its place), their
times read as Ontime reads them (apps/server/src/api-data/rundown/rundown.parser.ts and
packages/utils/src/validate-times/validateTimes.ts at v4.11.0): `linkStart` starts an
event where the one before it ends, `lock-end` keeps the end and derives the length.
A `lock-end` event becomes a fixed slot. Speakers, kind and questions come from the custom
fields `agenda/ontime.py` writes (or a speakers field under a usual name); any other
custom field goes into the slot's note. Delays, milestones, groups, skipped events, events
after midnight and overlaps are reported as remarks, as the programme importer does.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from facilitator.agenda.durations import format_duration
from facilitator.agenda.import_result import ImportProblem, ImportResult, Remark
from facilitator.agenda.model import SlotKind, parse_agenda
from facilitator.agenda.ontime import KIND, QUESTIONS, SPEAKERS
from facilitator.agenda.ontime_project import agenda_fields
from facilitator.agenda.ontime_read import (
    DAY_MS,
    a_list,
    an_object,
    expected,
    flag_of,
    millis,
    short,
    text_of,
)
from facilitator.agenda.programme_words import kind_of
from facilitator.clean import clean_text
from facilitator.errors import FacilitatorError
from facilitator.i18n import signed_minutes, t

SPEAKER_NAMES = {SPEAKERS.casefold(), "speaker", "presenter", "presenters", "talere", "taler"}
"""Custom field labels (any case) read as the slot's speakers."""
SPEAKER_SPLIT = re.compile(r"\s*[,;&]\s*")
"""How names are separated in a one-line speakers field written by hand."""


@dataclass
class _Event:
    """One playable Ontime event, its times in milliseconds."""

    number: int
    where: str
    entry: dict[str, Any]
    title: str
    start: int
    duration: int
    lock_end: bool
    remarks: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return t("ontime.event", number=self.number, title=self.title or "?")


def parse_ontime(
    data: Any, day: int | None = None, rundown: str | None = None, on_date: date | None = None
) -> ImportResult:
    """Turn an Ontime project (parsed JSON) into an agenda; ImportProblem when it cannot."""
    project = an_object(data, t("ontime.the_file"))
    _check_version(project)
    remarks: list[Remark] = []
    key, chosen = _choose_rundown(an_object(project.get("rundowns"), "rundowns"), rundown)
    labels = _field_labels(project.get("customFields"))
    events = _events(chosen, f"rundowns.{key}", remarks)
    days = _days(events)
    if not days:
        raise ImportProblem(t("ontime.no_events", rundown=key))
    if len(days) > 1 and day is None:
        listing = "; ".join(
            t("ontime.day_item", number=i, start=_clock(d[0].start), title=d[0].title, count=len(d))
            for i, d in enumerate(days, start=1)
        )
        raise ImportProblem(t("ontime.days", count=len(days), listing=listing))
    if day is not None and not 1 <= day <= len(days):
        raise ImportProblem(t("ontime.day_range", day=day, count=len(days)))
    slots = _slots(days[(day or 1) - 1], labels, remarks)
    agenda_data = agenda_fields(project, chosen, on_date, remarks)
    agenda_data.update(slots)
    try:
        agenda = parse_agenda(agenda_data, source=t("ontime.the_project"))
    except FacilitatorError as error:
        raise ImportProblem(str(error)) from None
    return ImportResult(agenda, tuple(remarks))


def _check_version(project: dict[str, Any]) -> None:
    """Ontime refuses a project without `settings.version`; a v3 project needs Ontime 4."""
    if "rundowns" not in project and "settings" not in project:
        raise ImportProblem(t("ontime.not_project"))
    settings = an_object(project.get("settings"), "settings")
    version = settings.get("version")
    if version is None:
        raise ImportProblem(t("ontime.no_version"))
    if isinstance(version, str) and version.split(".")[0] in ("1", "2", "3"):
        raise ImportProblem(t("ontime.old_version", version=version))


def _choose_rundown(rundowns: dict[str, Any], name: str | None) -> tuple[str, dict[str, Any]]:
    """The rundown named by id or title, else the only one with events."""
    checked = {key: an_object(value, f"rundowns.{key}") for key, value in rundowns.items()}

    def count(rundown: dict[str, Any]) -> int:
        entries = rundown.get("entries")
        if not isinstance(entries, dict):
            return 0
        return sum(isinstance(e, dict) and e.get("type") == "event" for e in entries.values())

    listing = "; ".join(
        t("ontime.rundown_item", id=key, title=r.get("title", ""), count=count(r))
        for key, r in checked.items()
    )
    if name is not None:
        for key, found in checked.items():
            if (
                name in (key, found.get("id"))
                or name.casefold() == str(found.get("title", "")).casefold()
            ):
                return key, found
        raise ImportProblem(t("ontime.no_rundown", name=name, listing=listing or "-"))
    with_events = [(key, r) for key, r in checked.items() if count(r)]
    if len(with_events) > 1:
        raise ImportProblem(t("ontime.rundowns", count=len(with_events), listing=listing))
    if not with_events:
        raise ImportProblem(t("ontime.no_events", rundown=", ".join(checked) or "-"))
    return with_events[0]


def _field_labels(value: Any) -> dict[str, str]:
    """Each custom field's key and its label, from the project's `customFields`."""
    if value is None:
        return {}
    fields = an_object(value, "customFields")
    labels = {}
    for key, spec in fields.items():
        label = spec.get("label") if isinstance(spec, dict) else None
        labels[key] = label if isinstance(label, str) and label.strip() else key
    return labels


def _entry_ids(rundown: dict[str, Any], where: str) -> list[str | Remark]:
    """The ids of the rundown's entries in order, a group's entries in its place, and in
    their places remarks about what the order holds that is not an entry."""
    entries = an_object(rundown.get("entries", {}), f"{where}.entries")
    found: list[str | Remark] = []
    seen: set[str] = set()

    def add(entry_id: str) -> None:
        if entry_id in seen:
            found.append(Remark(0, t("ontime.duplicate", id=entry_id)))
        else:
            seen.add(entry_id)
            found.append(entry_id)

    for position, entry_id in enumerate(a_list(rundown.get("order", []), f"{where}.order")):
        if not isinstance(entry_id, str):
            raise expected(f"{where}.order[{position}]", "ontime.an_id", entry_id)
        entry = entries.get(entry_id)
        if not isinstance(entry, dict) or entry.get("type") not in ("group", "block"):
            add(entry_id)
            continue
        nested = a_list(entry.get("entries", []), f"{where}.entries.{entry_id}.entries")
        title = text_of(entry, "title", f"{where}.entries.{entry_id}")
        found.append(Remark(0, t("ontime.group", title=title, count=len(nested))))
        for nested_id in nested:
            if isinstance(nested_id, str):
                add(nested_id)
    return found


def _events(rundown: dict[str, Any], where: str, remarks: list[Remark]) -> list[_Event]:
    """The rundown's playable events with their times as Ontime computes them."""
    entries = an_object(rundown.get("entries", {}), f"{where}.entries")
    events: list[_Event] = []
    number = 0
    for entry_id in _entry_ids(rundown, where):
        if isinstance(entry_id, Remark):
            remarks.append(entry_id)
            continue
        if entry_id not in entries:
            remarks.append(Remark(0, t("ontime.missing", id=entry_id)))
            continue
        place = f"{where}.entries.{entry_id}"
        entry = an_object(entries[entry_id], place)
        kind = entry.get("type")
        if kind == "delay":
            length = entry.get("duration")
            moves = length / 1000 if isinstance(length, int | float) else 0
            remarks.append(Remark(0, t("ontime.delay", span=signed_minutes(moves))))
            continue
        if kind == "milestone":
            title = text_of(entry, "title", place)
            remarks.append(Remark(0, t("ontime.milestone", title=title)))
            continue
        if kind != "event":
            remarks.append(Remark(0, t("ontime.unknown_type", id=entry_id, type=short(kind))))
            continue
        number += 1
        event = _timed(entry, place, number, events[-1] if events else None)
        if flag_of(entry, "skip"):
            remarks.append(Remark(0, f"{event.label}: {t('ontime.skipped')}"))
            continue
        if event.duration < 1000:
            remarks.append(Remark(0, f"{event.label}: {t('ontime.no_length')}"))
            continue
        events.append(event)
    return events


def _timed(entry: dict[str, Any], where: str, number: int, before: _Event | None) -> _Event:
    """An event's start, length and strategy, as Ontime's `createEvent` and linking read
    them: missing times are 0; `lock-end` derives the length from the end."""
    start = millis(entry, "timeStart", where, "ontime.a_time") or 0
    end = millis(entry, "timeEnd", where, "ontime.a_time")
    length = millis(entry, "duration", where, "ontime.a_length")
    strategy = entry.get("timeStrategy")
    if strategy is None:
        lock_end = bool(end) and not length
    else:
        lock_end = strategy == "lock-end"
    if flag_of(entry, "linkStart") and before is not None:
        start = (before.start + before.duration) % DAY_MS
    start %= DAY_MS
    if lock_end:
        duration = ((end or 0) - start) % DAY_MS
    else:
        duration = length or 0
    title = clean_text(text_of(entry, "title", where)).strip()
    return _Event(number, where, entry, title, start, duration, lock_end)


def _days(events: list[_Event]) -> list[list[_Event]]:
    """Events split into days as Ontime's `calculateDayOffset` does: an event that starts
    no later than the one before, or after one that reached midnight, is on the next day."""
    days: list[list[_Event]] = []
    for event in events:
        before = days[-1][-1] if days else None
        if (
            before is None
            or before.start + before.duration >= DAY_MS
            or (event.start <= before.start)
        ):
            days.append([event])
        else:
            days[-1].append(event)
    return days


def _clock(ms: int) -> str:
    seconds = ms // 1000
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours:02d}:{minutes:02d}" + (f":{secs:02d}" if secs else "")


def _slots(events: list[_Event], labels: dict[str, str], remarks: list[Remark]) -> dict[str, Any]:
    """One day's events as the agenda's slots (whole seconds) and its warning and end."""
    items: list[dict[str, Any]] = []
    warnings: list[int | None] = []
    kept: list[tuple[int, int]] = []
    for index, event in enumerate(events):
        start = event.start // 1000
        if kept and start <= kept[-1][0]:
            remarks.append(Remark(0, f"{event.label}: {t('ontime.same_start')}"))
            continue
        end = (event.start + event.duration) // 1000
        if end > 86400:
            remarks.append(Remark(0, f"{event.label}: {t('ontime.midnight')}"))
            end = 86400
        following = events[index + 1].start // 1000 if index + 1 < len(events) else None
        if following is not None and end > following:
            remarks.append(
                Remark(0, f"{event.label}: {t('ontime.overlap', end=_clock(end * 1000))}")
            )
            end = following
        if end <= start:
            remarks.append(Remark(0, f"{event.label}: {t('ontime.no_length')}"))
            continue
        kept.append((start, end))
        items.append(_slot(event, start, labels, remarks))
        warnings.append(_warning(event, remarks))
    if not items:
        raise ImportProblem(t("ontime.no_events", rundown="-"))
    for index, item in enumerate(items):
        start, end = kept[index]
        next_start = kept[index + 1][0] if index + 1 < len(kept) else None
        if next_start != end:
            item["duration"] = format_duration(end - start)
    data: dict[str, Any] = {"slot": items}
    last_end = kept[-1][1]
    if last_end < 86400:
        del items[-1]["duration"]
        data["end"] = _clock(last_end * 1000)
    counted = Counter(w for w in warnings if w is not None)
    default = counted.most_common(1)[0][0] if counted else None
    if default is not None:
        data["warning"] = format_duration(default)
    for item, warning in zip(items, warnings, strict=True):
        if warning is not None and warning != default:
            item["warning"] = format_duration(warning)
    return data


def _warning(event: _Event, remarks: list[Remark]) -> int | None:
    """The event's `timeWarning` in whole seconds; None (the default) when it has none."""
    value = millis(event.entry, "timeWarning", event.where, "ontime.a_length")
    if value is None:
        return 120
    if value < 1000:
        remarks.append(Remark(0, f"{event.label}: {t('ontime.no_warning')}"))
        return None
    return round(value / 1000)


def _slot(
    event: _Event, start: int, labels: dict[str, str], remarks: list[Remark]
) -> dict[str, Any]:
    """The agenda's slot for one event (its times set by the caller)."""
    if not event.title:
        remarks.append(Remark(0, f"{event.label}: {t('import.no_title')}"))
    item: dict[str, Any] = {"start": _clock(start * 1000), "title": event.title or "?"}
    raw_custom = event.entry.get("custom")
    custom = {} if raw_custom is None else an_object(raw_custom, f"{event.where}.custom")
    notes: list[str] = []
    kind: SlotKind | None = None
    for key in custom:
        value = clean_text(text_of(custom, key, f"{event.where}.custom"))
        label = labels.get(key, key)
        name = label.casefold()
        if not value:
            continue
        if name in SPEAKER_NAMES or key.casefold() in SPEAKER_NAMES:
            item["speakers"] = _speakers(value)
        elif name == KIND.casefold():
            if value in tuple(SlotKind):
                kind = SlotKind(value)
            else:
                remarks.append(Remark(0, f"{event.label}: {t('ontime.kind', value=value)}"))
        elif name == QUESTIONS.casefold():
            item["questions"] = [line.strip() for line in value.splitlines() if line.strip()]
        else:
            notes.append(f"{label}: {value}")
            text = t("ontime.custom", label=label)
            if Remark(0, text) not in remarks:
                remarks.append(Remark(0, text))
    item["kind"] = (kind or kind_of(event.title)).value
    own = clean_text(text_of(event.entry, "note", event.where)).strip()
    note = "\n".join(([own] if own else []) + notes)
    if note:
        item["note"] = note
    if event.lock_end:
        item["fixed"] = True
    return item


def _speakers(value: str) -> list[str]:
    """One name a line (as facilitator writes them), or a line of names split at , ; &."""
    lines = [line.strip() for line in value.splitlines() if line.strip()]
    if len(lines) == 1:
        lines = [name for name in SPEAKER_SPLIT.split(lines[0]) if name]
    return lines
