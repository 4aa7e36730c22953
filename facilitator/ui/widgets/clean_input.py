"""Text boxes that keep control characters out of what is typed or pasted: CleanInput
here, CleanTextArea (clean_text_area.py) imported from here when first asked for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Input

from facilitator.clean import clean_text

if TYPE_CHECKING:
    from facilitator.ui.widgets.clean_text_area import CleanTextArea


class CleanInput(Input):
    """A one-line box whose value never holds a control character, however it came in: a
    paste from a terminal can carry escape sequences that would reach the stage or a file."""

    def replace(self, text: str, start: int, end: int) -> None:
        """Every insertion (a key, a paste, ctrl+v) passes here; clean it first."""
        super().replace(clean_text(text), start, end)


def __getattr__(name: str) -> type[CleanTextArea]:
    """CleanTextArea, loaded on first use: the review list paints without TextArea."""
    if name == "CleanTextArea":
        from facilitator.ui.widgets.clean_text_area import CleanTextArea

        return CleanTextArea
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
