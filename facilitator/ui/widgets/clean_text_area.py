"""The editor that keeps control characters out of what is typed or pasted.

Apart from CleanInput, so that a screen with only a one-line box does not load Textual's
TextArea and its document model.
"""

from __future__ import annotations

from textual.widgets import TextArea
from textual.widgets.text_area import Edit, EditResult

from facilitator.clean import clean_text


class CleanTextArea(TextArea):
    """An editor whose text never holds a control character (see CleanInput)."""

    def edit(self, edit: Edit) -> EditResult:
        """Every change (a key, a paste, ctrl+v, an insert) passes here; clean it first."""
        edit.text = clean_text(edit.text)
        return super().edit(edit)
