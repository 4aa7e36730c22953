"""The running dialogue's printed questions on the stage, the one the host marked standing
out, so the room reads what it is talking about from the back of the hall."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

MARK = "▶"
"""Before the marked question, in a column of its own, so the questions line up."""


class StageQuestions(Widget):
    """Each question a paragraph of its own; hidden when there are none. Questions are
    text from the agenda, so they are drawn as `Text`, never as markup."""

    COMPONENT_CLASSES = {"stage-questions--marked", "stage-questions--other"}

    DEFAULT_CSS = """
    StageQuestions {
        height: auto;
        width: 100%;
        padding: 0 4;
    }
    StageQuestions > .stage-questions--marked {
        text-style: bold reverse;
    }
    StageQuestions > .stage-questions--other {
        text-style: bold;
    }
    """

    questions: reactive[tuple[str, ...]] = reactive(tuple, layout=True)
    """The questions shown, in the agenda's order."""
    marked: reactive[int | None] = reactive(None)
    """The question the host has marked (from 0), or None."""

    def watch_questions(self, questions: tuple[str, ...]) -> None:
        """Take no room at all while there is nothing to read."""
        self.display = bool(questions)

    def render(self) -> Table:
        """One paragraph per question, a blank line between them; a long question wraps
        under its own first word, not under the mark."""
        table = Table.grid(padding=(0, 1))
        table.add_column(width=len(MARK), no_wrap=True)
        table.add_column(no_wrap=True, justify="right")
        table.add_column(ratio=1)
        for index, question in enumerate(self.questions):
            if index:
                table.add_row("", "", "")
            marked = index == self.marked
            style = self.get_component_rich_style(
                "stage-questions--marked" if marked else "stage-questions--other"
            )
            table.add_row(
                Text(MARK if marked else ""),
                Text(f"{index + 1}.", style=style),
                Text(question, style=style),
            )
        return table
