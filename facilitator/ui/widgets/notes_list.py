"""The notes of a slot from every writer, newest first; one's own can be picked to edit."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from facilitator.i18n import clock_text, t
from facilitator.notes.model import Note, question_position

PREVIEW_CHARACTERS = 600
"""How much of a note the list shows; the editor holds it whole. A pasted 1 MB note would
otherwise be laid out line by line on every redraw."""
PREVIEW_LINES = 8


def preview(text: str) -> str:
    """The start of a note's text, at most PREVIEW_LINES lines, "…" where it was cut."""
    text = text.strip()
    short = "\n".join(text[: PREVIEW_CHARACTERS + 1].splitlines()[:PREVIEW_LINES])
    if len(short) < len(text):
        return short[:PREVIEW_CHARACTERS].rstrip() + " …"
    return text


def question_label(question: str | None, questions: list[str]) -> str:
    """ "Q2" for the slot's second question, "general" for a general note."""
    position = question_position(question, questions)
    if position == len(questions):
        return t("notes.general_short")
    return t("notes.question_short", number=position + 1)


class NotesList(OptionList):
    """One line or more per note: table, question number, writer, time, and the text; a
    note of one's own that is not on disk yet is marked."""

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: list[tuple[str, str, bool]] = []

    def show(
        self,
        notes: list[Note],
        questions: list[str],
        own_writer: str,
        unsaved: frozenset[str] | set[str] = frozenset(),
    ) -> None:
        """Update the list where the notes changed, keeping the highlighted note: only the
        changed notes when the same notes stand in the same order, else all of them."""
        signature = [(note.id, note.updated.isoformat(), note.id in unsaved) for note in notes]
        if signature == self._shown:
            return
        previous, self._shown = self._shown, signature
        if [item[0] for item in previous] == [item[0] for item in signature]:
            for note, old, new in zip(notes, previous, signature, strict=True):
                if old != new:
                    option = self._option(note, questions, own_writer, note.id in unsaved)
                    self.replace_option_prompt(note.id, option.prompt)
            return
        highlighted = self.highlighted_option.id if self.highlighted_option else None
        self.clear_options()
        self.add_options(
            [self._option(note, questions, own_writer, note.id in unsaved) for note in notes]
        )
        if highlighted is not None:
            ids = [note.id for note in notes]
            if highlighted in ids:
                self.highlighted = ids.index(highlighted)

    @staticmethod
    def _option(note: Note, questions: list[str], own_writer: str, unsaved: bool) -> Option:
        question = question_label(note.question, questions)
        heading = Text.assemble(
            (t("notes.table_short", table=note.table), "bold"),
            f" · {question} · ",
            (note.writer, "bold cyan" if note.writer == own_writer else "cyan"),
            f" · {clock_text(note.created)}",
            (f" · {t('notes.unsaved_mark')}" if unsaved else "", "bold red"),
        )
        return Option(Text.assemble(heading, "\n", preview(note.text)), id=note.id)
