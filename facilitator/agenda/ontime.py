"""An agenda as an Ontime project file: the JSON that Ontime 4 imports as a project.

The shape follows Ontime's own types and parsers at v4.11.0 (github.com/cpvalente/ontime,
tag v4.11.0): `DatabaseModel` in packages/types/src/definitions/DataModel.type.ts, the
event in packages/types/src/definitions/core/OntimeEntry.ts (defaults in
packages/utils/src/rundown-utils/entryDefinitions.ts), the rundown in
core/Rundown.type.ts, the project defaults in apps/server/src/models/dataModel.ts, and
what an import accepts in apps/server/src/api-data/db/db.parser.ts (settings need a
`version`), rundown/rundown.parser.ts (entries are read in `order`) and
custom-fields/customFields.parser.ts (a field's key is its label with spaces made `_`).

Times are milliseconds from midnight. Each slot is an event; its speakers, kind and
questions go in custom fields, and its warning in `timeWarning`. A fixed slot keeps its
end when its start moves (`lock-end`); a slot that starts where the one before it ends is
linked to it (`linkStart`), as Ontime's own rundowns are.
"""

from __future__ import annotations

import json
from typing import Any

from facilitator.agenda.model import Agenda, SlotKind

ONTIME_VERSION = "4.11.0"
"""The Ontime version whose project file this writes."""

DAY_MS = 24 * 60 * 60 * 1000
DANGER_MS = 60_000
"""Ontime's default `timeDanger`: facilitator has one threshold, so Ontime's second one is
its default, never later than the warning."""

SPEAKERS = "Speakers"
KIND = "Kind"
QUESTIONS = "Questions"
FIELD_COLOURS = {SPEAKERS: "#3E75E8", KIND: "#9d9d9d", QUESTIONS: "#A790F5"}
"""The custom fields facilitator writes and reads back, with their colour in Ontime."""

PROJECT_DATE = "Date"
PROJECT_LANGUAGE = "Language"
PROJECT_TIMEZONE = "Time zone"
"""Titles of the project's custom entries that carry the agenda's date, language and
time zone (Ontime's project has no fields of its own for them)."""

KIND_COLOURS = {
    SlotKind.WELCOME: "#779BE7",
    SlotKind.TALK: "#77C785",
    SlotKind.CASE: "#FFCC78",
    SlotKind.DIALOGUE: "#A790F5",
    SlotKind.SUMMARY: "#9d9d9d",
    SlotKind.BREAK: "#EAEAEA",
    SlotKind.MEAL: "#EAEAEA",
    SlotKind.ELECTION: "#ED3333",
    SlotKind.OTHER: "",
}
"""Each kind's colour in Ontime's rundown, from the colours of Ontime's demo project."""


def field_key(label: str) -> str:
    """A custom field's key as Ontime makes it from its label (`customFieldLabelToKey`)."""
    return label.strip().replace(" ", "_")


def speakers_text(speakers: list[str]) -> str:
    """Speakers as one custom field value, one name a line, so a name with a comma stays
    one name."""
    return "\n".join(speakers)


def slot_id(index: int) -> str:
    """The event id of slot `index`: stable, so exporting twice gives the same file."""
    return f"slot-{index + 1:03d}"


def _ms_of_day(agenda: Agenda, index: int) -> int:
    start = agenda.slots[index].start
    return (start.hour * 3600 + start.minute * 60 + start.second) * 1000


def _event(agenda: Agenda, index: int) -> dict[str, Any]:
    """Slot `index` as an Ontime event with every field of `OntimeEvent`."""
    slot = agenda.slots[index]
    start = _ms_of_day(agenda, index)
    duration = agenda.duration_of(index) * 1000
    gap = 0
    linked = False
    if index > 0:
        before_end = _ms_of_day(agenda, index - 1) + agenda.duration_of(index - 1) * 1000
        gap = start - before_end
        linked = gap == 0 and not slot.fixed
    custom = {field_key(SPEAKERS): speakers_text(slot.speakers)} if slot.speakers else {}
    custom[field_key(KIND)] = slot.kind.value
    if slot.questions:
        custom[field_key(QUESTIONS)] = "\n".join(slot.questions)
    warning = agenda.warning_of(index) * 1000
    return {
        "type": "event",
        "id": slot_id(index),
        "cue": str(index + 1),
        "title": slot.title,
        "note": slot.note or "",
        "endAction": "none",
        "timerType": "count-down",
        "countToEnd": False,
        "linkStart": linked,
        "timeStrategy": "lock-end" if slot.fixed else "lock-duration",
        "timeStart": start,
        "timeEnd": (start + duration) % DAY_MS,
        "duration": duration,
        "skip": False,
        "colour": KIND_COLOURS[slot.kind],
        "flag": False,
        "timeWarning": warning,
        "timeDanger": min(DANGER_MS, warning),
        "custom": custom,
        "triggers": [],
        "parent": None,
        "revision": 0,
        "delay": 0,
        "dayOffset": 0,
        "gap": gap,
    }


def _project_custom(agenda: Agenda) -> list[dict[str, str]]:
    """The agenda's date, language and time zone as the project's custom entries."""
    entries = []
    if agenda.date is not None:
        entries.append({"title": PROJECT_DATE, "value": agenda.date.isoformat(), "url": ""})
    if agenda.language is not None:
        entries.append({"title": PROJECT_LANGUAGE, "value": agenda.language, "url": ""})
    if agenda.timezone is not None:
        entries.append({"title": PROJECT_TIMEZONE, "value": agenda.timezone, "url": ""})
    return entries


def to_ontime(agenda: Agenda) -> dict[str, Any]:
    """The agenda as Ontime's `DatabaseModel`: one rundown, its events in order."""
    ids = [slot_id(index) for index in range(len(agenda.slots))]
    rundown = {
        "id": "default",
        "title": agenda.title,
        "order": ids,
        "flatOrder": ids,
        "entries": {slot_id(i): _event(agenda, i) for i in range(len(agenda.slots))},
        "revision": 0,
    }
    return {
        "rundowns": {"default": rundown},
        "project": {
            "title": agenda.title,
            "description": agenda.venue or "",
            "url": "",
            "info": "",
            "logo": None,
            "custom": _project_custom(agenda),
        },
        "settings": {
            "version": ONTIME_VERSION,
            "editorKey": None,
            "operatorKey": None,
            "timeFormat": "24",
            # Ontime's own interface language; it has no Danish, so the agenda's language
            # travels in the project's custom entries instead.
            "language": "en",
        },
        "viewSettings": {
            "overrideStyles": False,
            "normalColor": "#ffffffcc",
            "warningColor": "#ffa528",
            "dangerColor": "#ff7300",
        },
        "urlPresets": [],
        "customFields": {
            field_key(label): {"type": "text", "colour": colour, "label": label}
            for label, colour in FIELD_COLOURS.items()
        },
        "automation": {
            "enabledAutomations": True,
            "enabledOscIn": False,
            "oscPortIn": 8888,
            "triggers": [],
            "automations": {},
        },
    }


def ontime_json(agenda: Agenda) -> str:
    """The project file's text: indented JSON, letters as they are, ending in a newline."""
    return json.dumps(to_ontime(agenda), ensure_ascii=False, indent=2) + "\n"
