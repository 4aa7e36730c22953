"""A word cloud in the terminal: heavier words bolder, brighter and nearer the middle."""

from __future__ import annotations

from collections.abc import Hashable, Iterable

from rich.style import Style
from rich.text import Text
from textual import work
from textual.reactive import reactive
from textual.widget import Widget

from facilitator.notes.wordcloud import WeightedTerm, layout, weigh

WEIGH_IN_THREAD = 20_000
"""Characters of text from which the terms are weighed in a thread, so the console keeps
answering keys while a pasted long note is read (weighing 1 MB takes a second or more)."""
WEIGH_AFTER = 0.25
"""Seconds the thread waits, so the change that needs the cloud weighed is drawn first."""

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

    def __init__(self, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._weighed: Hashable = None
        """What the terms were last weighed from: they are weighed again only when it
        changes (a note saved, edited or deleted; another slot), not on every redraw."""

    def weigh_texts(self, key: Hashable, texts: Iterable[str], stopwords: Iterable[str]) -> None:
        """Show the terms of `texts`, identified by `key`; nothing is weighed when `key` is
        the one last weighed."""
        if key == self._weighed:
            return
        self._weighed = key
        texts, stopwords = list(texts), tuple(stopwords)
        if sum(len(text) for text in texts) < WEIGH_IN_THREAD:
            self.terms = tuple(weigh(texts, stopwords))
        else:  # once the screen shows what changed (a save confirmed) before the cloud
            self.set_timer(WEIGH_AFTER, lambda: self._weigh_in_thread(key, texts, stopwords))

    @work(thread=True, exclusive=True, group="weigh")
    def _weigh_in_thread(self, key: Hashable, texts: list[str], stopwords: tuple[str, ...]) -> None:
        if key != self._weighed:
            return
        terms = tuple(weigh(texts, stopwords))
        self.app.call_from_thread(self._weighed_in_thread, key, terms)

    def _weighed_in_thread(self, key: Hashable, terms: tuple[WeightedTerm, ...]) -> None:
        if key == self._weighed:  # not overtaken by a later change
            self.terms = terms

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
