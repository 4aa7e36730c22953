"""The texts of the notes screen's pickers: the heading, the table and the question.

Shared by the screen and its first frame (notes_opening.py), which must say the same.
"""

from __future__ import annotations

from datetime import time

from facilitator.i18n import clock_text, t


def heading_text(number: int, title: str, start: time, writer: str, editing: bool) -> str:
    """ "Notes · slot 3 09:00 Dialog ved bordene · writing as ann" (`number` from 1)."""
    heading = t("notes.heading", number=number, title=title, time=clock_text(start), writer=writer)
    return heading + "  " + t("notes.editing") if editing else heading


def table_text(table: int, tables: int, reporting: bool) -> str:
    """ "Table 1 of 12", saying so when the table is the one reporting now."""
    return t("notes.reporting" if reporting else "notes.table", table=table, tables=tables)


def question_text(index: int, questions: list[str] | tuple[str, ...]) -> str:
    """The question picked (`index` from 0), or "general" past the last one."""
    count = len(questions)
    if index < count and questions[index]:
        return t("notes.question", number=index + 1, count=count, text=questions[index])
    return t("notes.general", count=count)
