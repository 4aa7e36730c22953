"""The agenda's own fields from an Ontime project: title, venue, date, language, time zone.

Ontime's project (`ProjectData` at v4.11.0: title, description, info, custom entries) has
no date or language; `agenda/ontime.py` writes them as custom entries, read back here.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from facilitator.agenda.import_result import Remark
from facilitator.agenda.ontime import PROJECT_DATE, PROJECT_LANGUAGE, PROJECT_TIMEZONE
from facilitator.agenda.ontime_read import a_list, an_object, text_of
from facilitator.agenda.programme_words import parse_date
from facilitator.clean import clean_text
from facilitator.i18n import t


def agenda_fields(
    project: dict[str, Any], rundown: dict[str, Any], on_date: date | None, remarks: list[Remark]
) -> dict[str, Any]:
    """The agenda's title, venue, date, language and time zone from the project."""
    info = an_object(project.get("project") or {}, "project")
    title = clean_text(text_of(info, "title", "project")).strip()
    title = title or clean_text(text_of(rundown, "title", "rundown")).strip()
    if not title:
        title = t("import.default_title")
        remarks.append(Remark(0, t("import.titled_default")))
    data: dict[str, Any] = {"title": title}
    venue = clean_text(text_of(info, "description", "project")).strip()
    if venue:
        data["venue"] = venue
    for position, item in enumerate(a_list(info.get("custom") or [], "project.custom")):
        entry = an_object(item, f"project.custom[{position}]")
        name = text_of(entry, "title", f"project.custom[{position}]")
        value = text_of(entry, "value", f"project.custom[{position}]")
        _project_entry(data, name, value, remarks)
    if text_of(info, "info", "project"):
        remarks.append(Remark(0, t("ontime.info")))
    if on_date is not None:
        data["date"] = on_date
    return data


def _project_entry(data: dict[str, Any], name: str, value: str, remarks: list[Remark]) -> None:
    """One of the project's custom entries: the date, language or time zone, else a remark."""
    if name == PROJECT_DATE and parse_date(value):
        data["date"] = parse_date(value)
    elif name == PROJECT_LANGUAGE and value in ("da", "en"):
        data["language"] = value
    elif name == PROJECT_TIMEZONE and _known_zone(value):
        data["timezone"] = value
    else:
        remarks.append(Remark(0, t("ontime.project_entry", title=name, value=value)))


def _known_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True
