"""Words for the cloud from phones, written to this server's own words file in the session
folder (`words-web.toml`, see notes/words.py); the stage's cloud and the review read them
with the notes."""

from __future__ import annotations

import threading
from pathlib import Path

from facilitator.notes.words import MAX_WORD_CHARS, Word, WordsWriter, words_problem
from facilitator.web.reports import ReportRefused
from facilitator.web.served import Day

WORDS_WRITER = "web"


class CloudWords:
    """One words writer per session folder, made at the first send."""

    def __init__(self) -> None:
        self._writers: dict[Path, WordsWriter] = {}
        self._mutex = threading.Lock()

    def send(self, day: Day, text: str) -> Word:
        """Write one send for the cloud of the slot it belongs to now; returns once it is on
        disk. ReportRefused for words that do not fit (413 when too long)."""
        text = " ".join(text.split())
        problem = words_problem(text)
        if problem is not None:
            raise ReportRefused(413 if len(text) > MAX_WORD_CHARS else 422, problem)
        with self._mutex:
            writer = self._writers.get(day.folder)
            if writer is None:
                writer = self._writers[day.folder] = WordsWriter(
                    day.folder, day.session.id, WORDS_WRITER
                )
        return writer.add(day.cloud_slot, text, day.clock.now())

    def close(self) -> None:
        """Release every writer's lock."""
        with self._mutex:
            for writer in self._writers.values():
                writer.close()
            self._writers.clear()
