"""Words sent from phones for the cloud are part of the review: its clouds, the minutes'
top words, and an archive that carries them."""

from __future__ import annotations

from pathlib import Path

from facilitator.agenda.model import Agenda
from facilitator.notes.words import WordsWriter
from facilitator.review.archive import archive_text, load_archive, load_folder
from facilitator.review.exports import markdown
from facilitator.roles.note_taker import NoteTaking
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from tests.seed import dialogue_session


def test_the_review_weighs_words_with_the_notes(
    agenda: Agenda, store: SessionStore, clock: FakeClock, tmp_path: Path
) -> None:
    session = dialogue_session(agenda, store, clock)
    folder = store.folder(session.id)
    desk = NoteTaking(store, session, "desk", clock)
    desk.save(2, 1, None, "Tillid i teamet")
    desk.close()
    writer = WordsWriter(folder, session.id, "web")
    for _ in range(3):
        writer.add(2, "arbejdsglæde", clock.now())
    writer.close()

    loaded = load_folder(store, session.id)
    assert [word.text for word in loaded.words] == ["arbejdsglæde"] * 3
    assert loaded.cloud_texts(2) == ["Tillid i teamet"] + ["arbejdsglæde"] * 3
    assert "arbejdsglæde (3)" in markdown(loaded)

    archive = tmp_path / "day.toml"
    archive.write_text(archive_text(loaded), encoding="utf-8")
    again = load_archive(archive)
    assert again.cloud_texts(2) == loaded.cloud_texts(2)
