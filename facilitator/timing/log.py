"""The event log folded up: what the host's actions have made of the day, without the clock.

`LogState` is the timeline's memory between events (timeline.py folds each event into
it); the helpers here end a running segment or a stay, and record a re-plan.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from facilitator.timing.state import Segment


@dataclass(frozen=True)
class Replanned:
    """One applied re-plan: when, during which slot, and each changed slot's planned length
    before and after it."""

    at: datetime
    during: int
    """The slot that was current."""
    changes: tuple[tuple[int, int, int], ...]
    """(slot index, length before, length after), in seconds, by slot."""


@dataclass(frozen=True)
class LogState:
    """The event log folded up to some event: everything the clock does not change."""

    current: int = 0
    started_at: datetime | None = None
    started_slot: int = 0
    finished_at: datetime | None = None
    running_since: datetime | None = None
    segments: tuple[tuple[Segment, ...], ...] = ()
    """Each slot's running time, pauses excluded."""
    adjustments: tuple[float, ...] = ()
    entered_at: datetime | None = None
    """When the current slot became current, once the day has started and until it ends."""
    stays: tuple[tuple[Segment, ...], ...] = ()
    """Each slot's time as the current slot, pauses included: from entering it to leaving it."""
    lengths: tuple[int | None, ...] = ()
    """Each slot's planned length as the last re-plan set it; None: the agenda's."""
    replans: tuple[Replanned, ...] = ()
    """Every re-plan applied, in order."""

    @classmethod
    def blank(cls, count: int) -> LogState:
        """The log of a day of `count` slots before any action."""
        return cls(
            segments=((),) * count,
            adjustments=(0.0,) * count,
            stays=((),) * count,
            lengths=(None,) * count,
        )

    def length_of(self, index: int, planned: Sequence[int]) -> int:
        """Slot `index`'s planned length in effect: a re-plan's, else `planned[index]`."""
        own = self.lengths[index]
        return planned[index] if own is None else own


def close(log: LogState, at: datetime) -> LogState:
    """End the current slot's running segment, if one is open."""
    if log.running_since is None:
        return log
    segments = list(log.segments)
    segments[log.current] = (*segments[log.current], (log.running_since, at))
    return replace(log, segments=tuple(segments), running_since=None)


def leave(log: LogState, at: datetime) -> LogState:
    """End the current slot's stay, if the day has started: it is no longer current."""
    if log.entered_at is None:
        return log
    stays = list(log.stays)
    stays[log.current] = (*stays[log.current], (log.entered_at, at))
    return replace(log, stays=tuple(stays), entered_at=None)


def replan(
    log: LogState, new: Mapping[int, int], planned: Sequence[int], at: datetime
) -> LogState | None:
    """The log with slots' planned lengths set to `new` (seconds by index), or None when it
    does not apply: the day has not started, a slot is not after the current one, or
    nothing changes."""
    if log.started_at is None or not new:
        return None
    if any(not log.current < index < len(planned) or length <= 0 for index, length in new.items()):
        return None
    changes = tuple(
        (index, log.length_of(index, planned), length)
        for index, length in sorted(new.items())
        if length != log.length_of(index, planned)
    )
    if not changes:
        return None
    lengths = list(log.lengths)
    for index, _, length in changes:
        lengths[index] = length
    mark = Replanned(at=at, during=log.current, changes=changes)
    return replace(log, lengths=tuple(lengths), replans=(*log.replans, mark))
