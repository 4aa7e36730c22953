"""A word cloud in the terminal: heavier words bolder, brighter and nearer the middle."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from facilitator.notes.wordcloud import WeightedTerm, layout

# From the lightest to the heaviest terms: dim to bright, plain to bold.
_STYLES = (
    Style(dim=True),
    Style(),
    Style(bold=True),
    Style(bold=True, color="bright_cyan"),
    Style(bold=True, color="bright_yellow", reverse=False),
)


def style_for(weight: float) -> Style:
    """The style of a term of `weight` (0 to 1)."""
    return _STYLES[min(len(_STYLES) - 1, int(weight * len(_STYLES)))]


class WordCloud(Widget):
    """Draws weighted terms, laid out to the widget's size on every redraw."""

    DEFAULT_CSS = """
    WordCloud {
        height: 1fr;
        width: 1fr;
    }
    """

    terms: reactive[tuple[WeightedTerm, ...]] = reactive(tuple, always_update=False)
    """The terms to draw, heaviest first."""

    empty_text: reactive[str] = reactive("")
    """What to show while there are no terms."""

    def render(self) -> Text:
        """The cloud, or the empty text."""
        width, height = self.content_size.width, self.content_size.height
        if not self.terms:
            return Text(self.empty_text, style="dim", justify="center")

        placed = sorted(layout(list(self.terms), width, height), key=lambda p: (p.y, p.x))
        lines = [Text(no_wrap=True, overflow="crop") for _ in range(height)]
        cursor = [0] * height
        for item in placed:
            line = lines[item.y]
            line.append(" " * (item.x - cursor[item.y]))
            line.append(item.term.term, style=style_for(item.term.weight))
            cursor[item.y] = item.x + len(item.term.term)

        return Text("\n").join(lines)
