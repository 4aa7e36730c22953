"""What the review list shows beside the sessions without reading one: how far over is
noticeably over, and the slots that recur across days with their average over or under.

Apart from analysis.py, which builds a session's timeline, so that the list paints
before the session model (pydantic) is loaded.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from facilitator.agenda.kinds import SlotKind

NOTICEABLE = 60
"""Seconds over or under the plan from which a slot or a day is noticeably over or under:
a source of delay or an absorber, red or green in the review, "after its planned end" in
the minutes."""


def noticeable(over: float | None) -> int:
    """1 when `over` is noticeably over the plan, -1 noticeably under, 0 otherwise (or None)."""
    if over is None:
        return 0
    return 1 if over >= NOTICEABLE else -1 if over <= -NOTICEABLE else 0


@dataclass(frozen=True)
class RecurringSlot:
    """A slot that recurs across sessions (same title), with its average over/under."""

    title: str
    kind: SlotKind
    average_over: float
    days: int


class SlotRun(Protocol):
    """A slot as it ran on one day: a SlotReview, or a summary of one."""

    @property
    def title(self) -> str:
        """The slot's title."""

    @property
    def kind(self) -> SlotKind:
        """The slot's kind."""

    @property
    def over(self) -> float | None:
        """Seconds over its plan; None if it never ran."""


def recurring_runs(
    days_slots: Iterable[tuple[str, Iterable[SlotRun]]], min_days: int = 2
) -> list[RecurringSlot]:
    """Slots that ran in at least `min_days` of the sessions given by id with their slots,
    by title, most over first."""
    runs: dict[str, list[float]] = defaultdict(list)
    days: dict[str, set[str]] = defaultdict(set)
    kinds: dict[str, SlotKind] = {}
    for session_id, slots in days_slots:
        for slot in slots:
            if slot.over is not None:
                runs[slot.title].append(slot.over)
                days[slot.title].add(session_id)
                kinds[slot.title] = slot.kind
    found = [
        RecurringSlot(title, kinds[title], sum(overs) / len(overs), len(days[title]))
        for title, overs in runs.items()
        if len(days[title]) >= min_days
    ]
    return sorted(found, key=lambda item: -item.average_over)
