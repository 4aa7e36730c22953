"""The group commit: changes made at once go to disk in one write, each answered after
it; a failed write answers every waiting change with its error and keeps them."""

from __future__ import annotations

import asyncio

import pytest

from facilitator.errors import SessionError
from facilitator.web.batch import GroupCommit


class Disk:
    """A file that records what each write held, and fails while told to."""

    def __init__(self) -> None:
        self.memory: list[str] = []
        self.writes: list[list[str]] = []
        self.failing = False

    def flush(self) -> None:
        if self.failing:
            raise SessionError("disk full")
        self.writes.append(list(self.memory))


async def test_changes_that_come_together_share_a_write() -> None:
    disk = Disk()
    commit = GroupCommit(disk.flush)

    def add(text: str) -> str:
        disk.memory.append(text)
        return text

    results = await asyncio.gather(
        *(commit.submit(lambda n=n: add(f"note {n}")) for n in range(20))
    )
    assert results == [f"note {n}" for n in range(20)]
    assert disk.writes[-1] == [f"note {n}" for n in range(20)]
    assert len(disk.writes) < 20  # batched: far fewer writes than changes
    commit.close()


async def test_a_change_on_disk_already_needs_no_write() -> None:
    disk = Disk()
    commit = GroupCommit(disk.flush)
    assert await commit.submit(lambda: "kept", unwritten=lambda _result: False) == "kept"
    assert disk.writes == []
    commit.close()


async def test_a_failed_write_answers_each_change_and_the_next_write_has_them() -> None:
    disk = Disk()
    commit = GroupCommit(disk.flush)
    disk.failing = True
    with pytest.raises(SessionError, match="disk full"):
        await commit.submit(lambda: disk.memory.append("first"))
    disk.failing = False
    await commit.submit(lambda: disk.memory.append("second"))
    assert disk.writes == [["first", "second"]]
    commit.close()


async def test_a_refused_change_is_that_request_s_error_alone() -> None:
    disk = Disk()
    commit = GroupCommit(disk.flush)

    def refuse() -> None:
        raise ValueError("no such table")

    outcomes = await asyncio.gather(
        commit.submit(refuse),
        commit.submit(lambda: disk.memory.append("fine")),
        return_exceptions=True,
    )
    assert isinstance(outcomes[0], ValueError) and outcomes[1] is None
    assert disk.writes == [["fine"]]
    commit.close()
