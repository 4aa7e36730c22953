"""The re-plan: new planned lengths for the slots before the fixed slot (or the day's end)
that the delay threatens, so that it starts on time again; or, when the day is ahead, the
spare time given to the dialogues.

`propose` answers what the host sees when pressing `r`: each slot up to the target with
its length now, its proposed length and its expected times, the day's expected end, and
what cannot be saved. The host may set any slot's length; the proposal is computed again
around those, and `check_lengths` says which cannot be. Applying it is one `replan` event
(events.py) that the timeline folds in. See docs/timing.md, "The re-plan".
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from facilitator.agenda.model import slot_label
from facilitator.i18n import span_text, t
from facilitator.timing.events import Action, Event
from facilitator.timing.need import ReplanNeed, movable
from facilitator.timing.state import DayState
from facilitator.timing.timeline import Timeline


@dataclass(frozen=True)
class ReplanSlot:
    """One slot between the current slot and the target, in a proposal."""

    index: int
    planned: int
    """Its planned length now, in seconds (the agenda's, or an earlier re-plan's)."""
    shortest: int
    """The shortest it may become: its `min`, or its kind's default."""
    proposed: int
    """Its length with the proposal applied."""
    expected_start: datetime
    """When it is expected to start with the proposal applied."""
    expected_end: datetime
    """When it is expected to end with the proposal applied."""
    movable: bool
    """Whether a re-plan may change it: not kept, not already run, in reach of the cut."""
    chosen: bool = False
    """The host set its length."""

    @property
    def change(self) -> int:
        """Seconds added (positive) or cut (negative)."""
        return self.proposed - self.planned


@dataclass(frozen=True)
class Proposal:
    """A re-plan as it would be applied now."""

    at: datetime
    """The moment it was computed for."""
    need: ReplanNeed
    """The target, and how late (or early) it is expected without the re-plan."""
    target_planned: datetime
    """The target's planned time: the fixed slot's start, or the day's planned end."""
    target_expected: datetime
    """When the target is expected with the proposal applied."""
    slots: tuple[ReplanSlot, ...]
    """Every slot after the current one, up to the target."""
    expected_end: datetime
    """When the day is expected to end with the proposal applied."""
    unsaved: float
    """Seconds the target is still expected late with the proposal: what cannot be saved
    (0 when the cut is enough)."""
    problems: dict[int, str] = field(default_factory=dict)
    """Lengths the host set that cannot be, by slot index, with what is wrong; the
    proposal is computed as if they were not set."""

    @property
    def lengths(self) -> dict[int, int]:
        """The new planned length of every slot it changes: what applying it records."""
        return {slot.index: slot.proposed for slot in self.slots if slot.change}

    @property
    def cut(self) -> int:
        """Seconds taken from the slots in all (negative when it gives time)."""
        return -sum(slot.change for slot in self.slots)

    @property
    def applicable(self) -> bool:
        """Whether Enter can apply it: it changes something and every length can be."""
        return bool(self.lengths) and not self.problems


def propose(
    timeline: Timeline, now: datetime, chosen: Mapping[int, int] | None = None
) -> Proposal | None:
    """The re-plan for `now`, with the lengths the host `chosen` (seconds by slot index);
    None when there is nothing a re-plan could change (not started, finished, the last
    slot, or the target is the next slot).

    Behind: the delay reaching the target, rounded up to a whole second, is cut from the
    slots that may change, in proportion to the room each has above its shortest. Ahead:
    the spare time, rounded down to a whole second, goes to the dialogues in proportion
    to their lengths. Lengths the host chose stay as chosen; the rest make up the balance.
    """
    state = timeline.state(now)
    need = state.replan
    if need is None or need.first >= need.stop:
        return None
    chosen = dict(chosen or {})
    problems = check_lengths(timeline, now, chosen, state)
    chosen = {index: length for index, length in chosen.items() if index not in problems}
    lengths = {slot.index: slot.planned_duration for slot in state.slots}
    reach = [i for i in range(need.first, need.stop) if _movable(timeline, state, i)]
    # What the slots' lengths must change by in all: a cut (negative) or spare time.
    balance = -math.ceil(need.seconds) if need.seconds > 0 else math.floor(-need.seconds)
    balance -= sum(length - lengths[index] for index, length in chosen.items())
    free = [i for i in reach if i not in chosen]
    new = dict(chosen)
    if balance < 0:
        room = {i: lengths[i] - timeline.agenda.shortest_of(i) for i in free}
        room = {i: r for i, r in room.items() if r > 0}
        shares = _apportion(min(-balance, sum(room.values())), room)
        new.update({i: lengths[i] - share for i, share in shares.items()})
    elif balance > 0:
        takers = {i: lengths[i] for i in need.takers if i not in chosen}
        shares = _apportion(balance, takers, capped=False)
        new.update({i: lengths[i] + share for i, share in shares.items()})
    new = {i: length for i, length in new.items() if length != lengths[i]}
    after = state
    if new:
        after = timeline.state_with(Event.of(Action.REPLAN, now, lengths=new), now) or state
    return _proposal(timeline, state, after, need, new, chosen, problems)


def check_lengths(
    timeline: Timeline,
    now: datetime,
    lengths: Mapping[int, int],
    state: DayState | None = None,
) -> dict[int, str]:
    """What is wrong with each length (seconds by slot index) a re-plan cannot set now:
    a slot that is not after the current one and before the target, one that is kept or
    has already run, or a length below the slot's shortest."""
    state = state or timeline.state(now)
    need = state.replan
    agenda = timeline.agenda
    problems: dict[int, str] = {}
    for index, length in lengths.items():
        if not 0 <= index < len(agenda.slots):
            problems[index] = t("replan.no_slot", slot=t("agenda.slot_number", number=index + 1))
            continue
        label = slot_label(index, agenda.slots[index])
        if need is None or not need.first <= index < need.stop:
            problems[index] = t("replan.out_of_reach", slot=label)
        elif agenda.kept(index):
            problems[index] = t("replan.kept", slot=label)
        elif not _movable(timeline, state, index):
            problems[index] = t("replan.ran", slot=label)
        elif length < agenda.shortest_of(index):
            problems[index] = t(
                "replan.too_short", slot=label, shortest=span_text(agenda.shortest_of(index))
            )
    return problems


def _movable(timeline: Timeline, state: DayState, index: int) -> bool:
    return movable(timeline.agenda, index, [slot.elapsed for slot in state.slots])


def _apportion(total: int, weights: Mapping[int, int], capped: bool = True) -> dict[int, int]:
    """`total` whole seconds shared in proportion to `weights`, adding up to `total`
    exactly: whole minutes first (largest remainders, then the earlier slot), so that the
    new lengths stay whole minutes where they were, then the odd seconds to the slot with
    the most room. `capped`: no share above its weight (`total` is at most their sum)."""
    whole = sum(weights.values())
    if total <= 0 or whole <= 0:
        return {}
    exact = {i: total // 60 * weight / whole for i, weight in weights.items()}
    limit = {i: weight // 60 if capped else total for i, weight in weights.items()}
    minutes = {i: min(math.floor(exact[i]), limit[i]) for i in weights}
    left = total // 60 - sum(minutes.values())
    while left > 0:
        open_ = [i for i in weights if minutes[i] < limit[i]]
        if not open_:
            break
        for i in sorted(open_, key=lambda i: (minutes[i] - exact[i], i))[:left]:
            minutes[i] += 1
            left -= 1
    shares = {i: 60 * minutes[i] for i in weights}
    left = total - sum(shares.values())
    room = {i: weights[i] - shares[i] if capped else total for i in weights}
    for i in sorted(weights, key=lambda i: (-room[i], i)):
        give = min(left, room[i])
        shares[i] += give
        left -= give
    return {i: share for i, share in shares.items() if share}


def _proposal(
    timeline: Timeline,
    before: DayState,
    after: DayState,
    need: ReplanNeed,
    new: Mapping[int, int],
    chosen: Mapping[int, int],
    problems: dict[int, str],
) -> Proposal:
    """The proposal as `after` (the day with the re-plan applied) shows it."""
    if need.target is None:
        last = before.slots[-1]
        target_planned = last.planned_start + timedelta(seconds=last.agenda_duration)
        target_expected = after.expected_end
    else:
        target_planned = before.slots[need.target].planned_start
        target_expected = after.slots[need.target].expected_start
    slots = tuple(
        ReplanSlot(
            index=slot.index,
            planned=before.slots[slot.index].planned_duration,
            shortest=timeline.agenda.shortest_of(slot.index),
            proposed=new.get(slot.index, slot.planned_duration),
            expected_start=slot.expected_start,
            expected_end=slot.expected_start + timedelta(seconds=max(slot.remaining, 0.0)),
            movable=need.first <= slot.index and _movable(timeline, before, slot.index),
            chosen=slot.index in chosen,
        )
        for slot in after.slots[before.current + 1 : need.stop]
    )
    left = after.replan.seconds if after.replan is not None else 0.0
    return Proposal(
        at=before.now,
        need=need,
        target_planned=target_planned,
        target_expected=target_expected,
        slots=slots,
        expected_end=after.expected_end,
        unsaved=max(left, 0.0),
        problems=problems,
    )
