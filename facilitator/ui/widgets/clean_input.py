"""Text boxes that keep control characters out of what is typed or pasted."""

from __future__ import annotations

from textual.widgets import Input, TextArea
from textual.widgets.text_area import Edit, EditResult

from facilitator.clean import clean_text


class CleanInput(Input):
    """A one-line box whose value never holds a control character, however it came in: a
    paste from a terminal can carry escape sequences that would reach the stage or a file."""

    def replace(self, text: str, start: int, end: int) -> None:
        """Every insertion (a key, a paste, ctrl+v) passes here; clean it first."""
        super().replace(clean_text(text), start, end)


class CleanTextArea(TextArea):
    """An editor whose text never holds a control character (see CleanInput)."""

    def edit(self, edit: Edit) -> EditResult:
        """Every change (a key, a paste, ctrl+v, an insert) passes here; clean it first."""
        edit.text = clean_text(edit.text)
        return super().edit(edit)
