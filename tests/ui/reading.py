"""Reading back what a console shows: a widget's rendered text, the screen, the toasts; and
agendas whose texts are chosen by the test."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.widget import Widget
from textual.widgets import Static
from textual.widgets._toast import Toast

from facilitator.agenda.model import Agenda


def rendered(widget: Widget) -> str:
    """The plain text a label or static renders (what it draws, before wrapping)."""
    if isinstance(widget, Static):
        return widget.visual.plain if hasattr(widget.visual, "plain") else ""
    return str(widget.render())


def screen_text(app: App[Any]) -> str:
    """The screen in front as plain text, line by line, as the terminal would show it."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def notified(app: App[Any]) -> list[str]:
    """Every notification the app has shown, in order, also those whose time is up (kept by
    the `kept_notifications` fixture)."""
    return list(app.__dict__.get("notified", []))


def toasts(app: App[Any]) -> list[str]:
    """The notifications on screen, as their toasts render them."""
    return [str(toast.render()) for toast in app.screen.query(Toast)]


def agenda_with(
    agenda: Agenda,
    title: str = "",
    speaker: str = "",
    question: str = "",
    note: str = "",
    day: str = "",
) -> Agenda:
    """The seed's day with the welcome's title, speaker and host note, the first
    dialogue's first question and the day's title replaced by the given texts."""
    data: dict[str, Any] = agenda.to_toml_data()
    welcome, dialogue = data["slot"][0], data["slot"][2]
    if title:
        welcome["title"] = title
    if speaker:
        welcome["speakers"] = [speaker, "Tinne Christiansen"]
    if note:
        welcome["note"] = note
    if question:
        dialogue["questions"] = [question, *dialogue["questions"][1:]]
    if day:
        data["title"] = day
    return Agenda.model_validate(data)
