"""The word cloud's languages: stop words from the package, the project's additions and
exceptions, which language a cloud is in, and its stemmer."""

from __future__ import annotations

from facilitator.notes.language import (
    language_of,
    package_stopwords,
    shipped_stopwords,
    stemmer,
)


def test_the_stop_words_come_from_the_package_for_both_languages() -> None:
    assert {"og", "at", "det", "som"} <= package_stopwords("da")
    assert {"the", "and", "of"} <= package_stopwords("en")
    assert {"og", "the"} <= shipped_stopwords()


def test_the_project_adds_only_what_the_packages_miss() -> None:
    assert "mellem" not in package_stopwords("da")
    assert "mellem" in shipped_stopwords()


def test_the_subject_of_the_day_is_kept_though_the_english_list_drops_it() -> None:
    assert "work" in package_stopwords("en")
    assert "work" not in shipped_stopwords()


def test_the_language_is_the_one_whose_own_words_are_used_more() -> None:
    assert language_of(["Vi taler om tillid og ansvar i hverdagen"]) == "da"
    assert language_of(["We talked about trust and the meetings"]) == "en"
    assert language_of(["Tillid, feedback"]) == "da"  # nothing tells: Danish


def test_stems_merge_inflected_forms() -> None:
    danish = stemmer("da")
    assert danish("kolleger") == danish("kollegerne")
    english = stemmer("en")
    assert english("meetings") == english("meeting")
