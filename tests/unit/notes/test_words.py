"""Words for the cloud on disk: one writer's file, read back by every reader, weighed with
the notes in the stage's cloud."""

from __future__ import annotations

from datetime import datetime

import pytest

from facilitator.agenda.model import Agenda
from facilitator.errors import SessionError, SessionLocked
from facilitator.notes.words import (
    MAX_WORD_CHARS,
    WordsReader,
    WordsWriter,
    all_words,
    words_path,
    words_problem,
)
from facilitator.roles.host import HostRun
from facilitator.roles.stage import Stage
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action
from tests.seed import CPH

AT = datetime(2024, 11, 26, 10, 0, tzinfo=CPH)


def test_words_are_written_and_read_back(tmp_path) -> None:  # type: ignore[no-untyped-def]
    writer = WordsWriter(tmp_path, "s", "web")
    writer.add(2, "  tillid   og  tryghed ", AT)
    writer.add(3, "feedback", AT)
    assert [(word.slot, word.text) for word in all_words(tmp_path)] == [
        (2, "tillid og tryghed"),
        (3, "feedback"),
    ]
    reader = WordsReader(tmp_path)
    assert reader.refresh()
    assert [word.text for word in reader.words(3)] == ["feedback"]
    assert not reader.refresh()
    writer.close()
    # A server started again keeps what the last one wrote.
    again = WordsWriter(tmp_path, "s", "web")
    again.add(2, "ro", AT)
    assert len(all_words(tmp_path)) == 3
    again.close()


def test_one_writer_at_a_time(tmp_path) -> None:  # type: ignore[no-untyped-def]
    writer = WordsWriter(tmp_path, "s", "web")
    with pytest.raises(SessionLocked):
        WordsWriter(tmp_path, "s", "web")
    writer.close()


def test_an_unreadable_file_is_never_overwritten(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = words_path(tmp_path, "web")
    path.write_text("not = [toml", encoding="utf-8")
    with pytest.raises(SessionError, match="words-web.toml"):
        WordsWriter(tmp_path, "s", "web")
    assert path.read_text(encoding="utf-8") == "not = [toml"
    assert all_words(tmp_path) == []  # a reader skips it


@pytest.mark.parametrize(
    ("text", "fits"),
    [
        ("tillid", True),
        ("psykologisk tryghed nu", True),
        ("en to tre fire", False),
        ("   ", False),
        ("x" * MAX_WORD_CHARS, True),
        ("x" * (MAX_WORD_CHARS + 1), False),
    ],
)
def test_one_to_three_words_of_at_most_40_characters(text: str, fits: bool) -> None:
    assert (words_problem(text) is None) == fits


def test_the_stage_cloud_weighs_the_words_with_the_notes(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    host = HostRun(agenda, store, clock)
    host.act(Action.START)
    host.act(Action.GOTO, slot=3)
    assert host.session is not None
    folder = store.folder(host.session.id)
    stage = Stage(store, clock)
    stage.follow()
    host.toggle_cloud()  # the round-up: the first dialogue's cloud
    stage.follow()
    view = stage.view()
    assert view.cloud is None and view.title.startswith("No notes yet")  # the time stays
    writer = WordsWriter(folder, host.session.id, "web")
    writer.add(2, "arbejdsglæde", clock.now())
    writer.add(2, "arbejdsglæde", clock.now())
    writer.add(5, "frokost", clock.now())  # another slot's cloud
    assert stage.follow()
    view = stage.view()
    assert view.cloud is not None
    assert [(term.term, term.count) for term in view.cloud] == [("arbejdsglæde", 2)]
    writer.close()
    host.close()
