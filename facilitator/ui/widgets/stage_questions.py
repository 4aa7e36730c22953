"""The running dialogue's printed questions on the stage, the one the host marked standing
out, so the room reads what it is talking about from the back of the hall."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

MARK = "▶ "
"""Before the marked question; the others are indented as far, so they line up."""


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

    def render(self) -> Text:
        """One paragraph per question, a blank line between them."""
        text = Text(justify="left")
        for index, question in enumerate(self.questions):
            if index:
                text.append("\n\n")
            marked = index == self.marked
            style = self.get_component_rich_style(
                "stage-questions--marked" if marked else "stage-questions--other"
            )
            text.append(MARK if marked else " " * len(MARK))
            text.append(f"{index + 1}. {question}", style=style)
        return text
