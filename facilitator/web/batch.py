"""Group commit: many phones' writes to one file, each answered once it is on disk.

A write of a whole file and its fsync take tens of milliseconds, and the session folder
lets one write happen at a time; one write per request would queue fifty phones behind
each other. Here a request hands its change to the commit and waits. One task applies
every change that came (in memory, on the event loop: quick), writes the file once in a
worker thread, and answers them all. Nothing changes the writer while it writes, so no
lock is needed; changes that come meanwhile go together in the next write.

A confirmed change is on disk. A failed write answers each waiting request with its
error; the changes stay in memory (queued in the writer) for the next write.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import Any, TypeVar

import anyio.to_thread

T = TypeVar("T")


class GroupCommit:
    """Applies changes in memory and writes them with `flush`, in batches."""

    def __init__(self, flush: Callable[[], None]) -> None:
        self._write = flush
        self._writing = threading.Lock()
        """Held by each write: the last write at `close` never overlaps one under way."""
        self._queue: list[tuple[Callable[[], Any], Callable[[Any], bool], asyncio.Future[Any]]]
        self._queue = []
        self._arrived: asyncio.Event | None = None
        self._task: asyncio.Task[None] | None = None

    async def submit(
        self, change: Callable[[], T], unwritten: Callable[[T], bool] = lambda _result: True
    ) -> T:
        """Apply `change` and return its result once the next write has put it on disk;
        the change's own error, or the write's. When `unwritten(result)` is False the
        result is on disk already and needs no write (a change sent again)."""
        loop = asyncio.get_running_loop()
        if self._task is None or self._task.done():
            self._arrived = asyncio.Event()
            self._task = loop.create_task(self._run())
        assert self._arrived is not None
        answer: asyncio.Future[T] = loop.create_future()
        self._queue.append((change, unwritten, answer))
        self._arrived.set()
        return await answer

    async def _run(self) -> None:
        assert self._arrived is not None
        while True:
            await self._arrived.wait()
            self._arrived.clear()
            batch, self._queue = self._queue, []
            waiting: list[tuple[asyncio.Future[Any], Any]] = []
            for change, unwritten, answer in batch:
                try:
                    result = change()
                except Exception as refused:  # this request's own problem
                    _answer(answer, error=refused)
                    continue
                if unwritten(result):
                    waiting.append((answer, result))
                else:
                    _answer(answer, result)
            if not waiting:
                continue
            try:
                # Shielded: a request that goes away does not stop a write half-way.
                await asyncio.shield(anyio.to_thread.run_sync(self._flush))
            except Exception as failure:  # answered to each request, never lost
                for answer, _result in waiting:
                    _answer(answer, error=failure)
            else:
                for answer, result in waiting:
                    _answer(answer, result)

    def _flush(self) -> None:
        with self._writing:
            self._write()

    def close(self) -> None:
        """Stop taking changes; what was applied and not yet written is written now."""
        if self._task is not None:
            self._task.cancel()
        self._flush()


def _answer(
    answer: asyncio.Future[Any], result: Any = None, error: Exception | None = None
) -> None:
    if answer.done():  # the request went away
        return
    if error is not None:
        answer.set_exception(error)
    else:
        answer.set_result(result)
