"""Words for the cloud from phones, written to this server's own words file in the session
folder (`words-web.toml`, see notes/words.py); the stage's cloud and the review read them
with the notes."""

from __future__ import annotations

from pathlib import Path

from facilitator.notes.words import MAX_WORD_CHARS, Word, WordsWriter, words_problem
from facilitator.web.batch import GroupCommit
from facilitator.web.reports import ReportRefused
from facilitator.web.served import Day

WORDS_WRITER = "web"


class CloudWords:
    """One words writer per session folder, made at the first send."""

    def __init__(self) -> None:
        self._writers: dict[Path, tuple[WordsWriter, GroupCommit]] = {}

    async def send(self, day: Day, text: str) -> Word:
        """Write one send for the cloud of the slot it belongs to now; returns once it is on
        disk. ReportRefused for words that do not fit (413 when too long)."""
        text = " ".join(text.split())
        problem = words_problem(text)
        if problem is not None:
            raise ReportRefused(413 if len(text) > MAX_WORD_CHARS else 422, problem)
        found = self._writers.get(day.folder)
        if found is None:
            writer = WordsWriter(day.folder, day.session.id, WORDS_WRITER)
            found = self._writers[day.folder] = (writer, GroupCommit(writer.flush))
        writer, commit = found
        return await commit.submit(lambda: writer.stage(day.cloud_slot, text, day.clock.now()))

    def close(self) -> None:
        """Release every writer's lock."""
        for writer, commit in self._writers.values():
            try:
                commit.close()
            finally:
                writer.close()
        self._writers.clear()
