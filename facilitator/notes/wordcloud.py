"""Words and phrases of what the tables said, weighted, and laid out as a cloud.

Pure: text in, weights and positions out. The consoles draw the layout. Stop words and
stems come from facilitator.notes.language.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from facilitator.notes.language import language_of, shipped_stopwords, stemmer

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)
"""A word: letters, with inner hyphens or apostrophes ("MED-udvalg", "don't")."""

_SENTENCE_BREAK = re.compile(r"[.!?;:\n]+")


@dataclass(frozen=True)
class WeightedTerm:
    """A word or a two-word phrase, how often it was said, and its weight from 0 to 1."""

    term: str
    count: int
    weight: float


def words(text: str, stopwords: frozenset[str]) -> list[list[str]]:
    """The kept words of `text`, lower-cased, in runs of adjacent words.

    A stop word, a number or a sentence break ends a run, so a phrase is only ever two
    words that were said side by side.
    """
    runs: list[list[str]] = []
    for sentence in _SENTENCE_BREAK.split(text):
        run: list[str] = []
        last_end = -1
        for match in _WORD.finditer(sentence):
            word = match.group().lower()
            between = sentence[last_end : match.start()] if last_end >= 0 else ""
            if run and (len(word) <= 1 or word in stopwords or not _only_spacing(between)):
                runs.append(run)
                run = []
            if len(word) > 1 and word not in stopwords:
                run.append(word)
            last_end = match.end()
        if run:
            runs.append(run)
    return runs


def _only_spacing(text: str) -> bool:
    return all(char in " \t,-–" for char in text)


def weigh(
    texts: Iterable[str],
    extra_stopwords: Iterable[str] = (),
    top: int = 40,
    min_phrase_count: int = 2,
) -> list[WeightedTerm]:
    """The `top` terms of `texts`, heaviest first.

    Inflected forms count as one word ("kolleger" and "kollegerne" share the stem
    "kolleg"), stemmed in the language the texts are in, and are shown in the form said
    most often. Two-word phrases that recur
    (at least `min_phrase_count` times, as "psykologisk tryghed") are terms of their own,
    and their words count only where said apart from the phrase. Weights grow with the
    square root of the count, so one dominant word does not shrink all others to nothing.
    """
    texts = list(texts)
    if not texts:
        return []  # without loading the word lists and a stemmer, as a console starts
    stopwords = shipped_stopwords() | {word.lower() for word in extra_stopwords}
    singles: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    # The forms said of each stem and of each pair of stems, to show the commonest.
    forms: dict[str, Counter[str]] = {}
    pair_forms: dict[tuple[str, str], Counter[str]] = {}
    # One stemmer for the whole cloud, so that a word has one key in every note.
    stem = stemmer(language_of(texts))
    for text in texts:
        for run in words(text, stopwords):
            stems = [stem(word) for word in run]
            singles.update(stems)
            for key, word in zip(stems, run, strict=True):
                forms.setdefault(key, Counter())[word] += 1
            for index, pair in enumerate(zip(stems, stems[1:], strict=False)):
                pairs[pair] += 1
                said = f"{run[index]} {run[index + 1]}"
                pair_forms.setdefault(pair, Counter())[said] += 1
    terms: Counter[str] = Counter()
    for (first, second), count in pairs.items():
        if count >= min_phrase_count and first != second:
            terms[_commonest(pair_forms[(first, second)])] = count
            singles[first] -= count
            singles[second] -= count
    terms.update({_commonest(forms[key]): count for key, count in singles.items() if count > 0})
    ranked = sorted(terms.items(), key=lambda item: (-item[1], item[0]))[:top]
    if not ranked:
        return []
    heaviest = math.sqrt(ranked[0][1])
    return [WeightedTerm(term, count, math.sqrt(count) / heaviest) for term, count in ranked]


def _commonest(forms: Counter[str]) -> str:
    """The form said most often; of forms said equally often, the shortest, then the first
    in alphabetical order, so the cloud does not change from one redraw to the next."""
    return min(forms.items(), key=lambda item: (-item[1], len(item[0]), item[0]))[0]


@dataclass(frozen=True)
class PlacedTerm:
    """A term at a position in a grid of cells: column `x`, row `y`."""

    term: WeightedTerm
    x: int
    y: int


def layout(terms: list[WeightedTerm], width: int, height: int) -> list[PlacedTerm]:
    """Place terms heaviest first, each as near the middle as it fits without touching another.

    Positions are tried along a spiral from the centre, wider than tall as terminal
    cells are. A term that fits nowhere is left out.
    """
    if width < 3 or height < 1:
        return []
    taken = [[False] * width for _ in range(height)]
    placed: list[PlacedTerm] = []
    centre_x, centre_y = width / 2, height / 2
    spiral = _spiral(width, height)
    for term in terms:
        length = len(term.term)
        if length > width:
            continue
        for dx, dy in spiral:
            # floor, not round: Python rounds halves to even, which would skip every other row.
            x = math.floor(centre_x + dx - length / 2)
            y = math.floor(centre_y + dy)
            if 0 <= y < height and 0 <= x and x + length <= width and _free(taken, x, y, length):
                for column in range(max(0, x - 1), min(width, x + length + 1)):
                    taken[y][column] = True
                placed.append(PlacedTerm(term, x, y))
                break
    return placed


@cache
def _spiral(width: int, height: int) -> tuple[tuple[int, int], ...]:
    """Offsets from the centre along an Archimedean spiral, each cell once."""
    seen: set[tuple[int, int]] = set()
    points: list[tuple[int, int]] = []
    limit = max(width, height * 2)
    step = 0.0
    while step < limit * 4:
        angle = step
        radius = step / 4
        point = (round(radius * 2 * math.cos(angle)), round(radius * math.sin(angle)))
        if point not in seen:
            seen.add(point)
            points.append(point)
        step += 0.05
    return tuple(points)


def _free(taken: list[list[bool]], x: int, y: int, length: int) -> bool:
    return not any(taken[y][x : x + length])
