"""A message in block capitals: wrapped, as large as fits, plain when it cannot be."""

from __future__ import annotations

from facilitator.ui.widgets.big_text import layout, wrap


def test_a_short_message_is_large_and_in_capitals() -> None:
    rows = layout("Tak", 116, 30)
    assert rows is not None
    # Three letters of 3 pixels and two gaps, 11 pixels: scaled to fill the width.
    assert max(len(row.rstrip()) for row in rows) > 80


def test_a_long_message_wraps_at_words_and_every_line_has_one_size() -> None:
    rows = layout("2 min tilbage – rund af", 96, 26)
    assert rows is not None and len(rows) <= 26
    blocks = [len(part.split("\n")) for part in "\n".join(rows).split("\n\n")]
    assert len(blocks) == 3 and len(set(blocks)) == 1  # three lines, one height
    assert all(len(row) <= 96 for row in rows)


def test_wrapping_keeps_words_whole() -> None:
    assert wrap(["TAL", "HØJERE"], 30) == ["TAL", "HØJERE"]
    assert wrap(["TAL", "HØJERE"], 200) == ["TAL HØJERE"]
    assert wrap(["MELLEMRUMSLØST"], 10) is None


def test_a_character_the_font_lacks_or_no_room_gives_plain_text() -> None:
    assert layout("Pause 10 € 🙂", 116, 30) is None
    assert layout("Tal højere", 4, 2) is None
    assert layout("   ", 116, 30) is None
