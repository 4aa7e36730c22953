"""Which words a word cloud leaves out, and which forms of a word it counts as one.

Stop words come from the stopwordsiso package, whose Danish and English lists ship inside
it (no download, so it works offline), with the project's small additions and exceptions
in data/. Stems come from snowballstemmer's Danish and English stemmers. Everything is
built once and cached: the cloud is weighed again on every note.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from importlib import resources

LANGUAGES = ("da", "en")
"""The languages whose stop words are left out and whose stemmers merge forms."""

_STEMMER_NAMES = {"da": "danish", "en": "english"}
_TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)


@cache
def package_stopwords(language: str) -> frozenset[str]:
    """The stop words stopwordsiso ships for `language`, lower-cased."""
    import stopwordsiso  # imported at first use: it loads urllib and email, a console's
    # start-up would pay for them before its first paint

    return frozenset(word.lower() for word in stopwordsiso.stopwords(language))


@cache
def _project_list(name: str) -> frozenset[str]:
    """A word list of data/: one word a line, `#` starts a comment."""
    text = resources.files("facilitator.notes.data").joinpath(name).read_text(encoding="utf-8")
    lines = (line.strip().lower() for line in text.splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


@cache
def shipped_stopwords() -> frozenset[str]:
    """Every stop word of both languages: the packages' lists, with the project's additions
    (data/stopwords-extra.txt) and without its exceptions (data/keep-words.txt)."""
    words = set(_project_list("stopwords-extra.txt"))
    for language in LANGUAGES:
        words |= package_stopwords(language)
    return frozenset(words - _project_list("keep-words.txt"))


@cache
def _telling_words() -> dict[str, frozenset[str]]:
    """The stop words of one language that the other lacks: they tell the two apart."""
    danish = package_stopwords("da") | _project_list("stopwords-extra.txt")
    english = package_stopwords("en")
    return {"da": danish - english, "en": english - danish}


def language_of(texts: Iterable[str]) -> str:
    """ "da" or "en": the language whose own stop words `texts` use more. Danish when
    nothing tells (a list of bare nouns), as the days facilitator serves mostly are."""
    telling = _telling_words()
    counts = dict.fromkeys(LANGUAGES, 0)
    for text in texts:
        for token in _TOKEN.findall(text.lower()):
            for language in LANGUAGES:
                if token in telling[language]:
                    counts[language] += 1
    return "en" if counts["en"] > counts["da"] else "da"


@cache
def stemmer(language: str) -> Callable[[str], str]:
    """The stem of a lower-cased word in `language`; each word is stemmed once."""
    import snowballstemmer  # at first use, as stopwordsiso: every language's stemmer loads

    snowball = snowballstemmer.stemmer(_STEMMER_NAMES[language])
    return lru_cache(maxsize=20_000)(snowball.stemWord)
