"""The redraw beat: one interval timer while every redraw is due a period after the last,
a one-off timer for a redraw due at another moment. A fake owner records the timers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest

from facilitator.ui import ticking
from facilitator.ui.ticking import BEAT_SLACK, Beat


@dataclass
class FakeTimer:
    kind: str
    seconds: float
    callback: Callable[[], object]
    stopped: bool = False

    def stop(self) -> None:
        self.stopped = True


@dataclass
class Owner:
    """Records the timers a Beat sets, as Textual's set_interval and set_timer would."""

    timers: list[FakeTimer] = field(default_factory=list)

    def set_interval(self, seconds: float, callback: Callable[[], object]) -> FakeTimer:
        self.timers.append(FakeTimer("interval", seconds, callback))
        return self.timers[-1]

    def set_timer(self, seconds: float, callback: Callable[[], object]) -> FakeTimer:
        self.timers.append(FakeTimer("once", seconds, callback))
        return self.timers[-1]

    @property
    def running(self) -> list[tuple[str, float]]:
        return [(timer.kind, timer.seconds) for timer in self.timers if not timer.stopped]


@pytest.fixture
def now(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The monotonic clock the beat reads, moved by the test."""
    clock = [1000.0]
    monkeypatch.setattr(ticking, "monotonic", lambda: clock[0])
    return clock


def test_a_countdown_keeps_one_interval_timer(now: list[float]) -> None:
    owner, redraws = Owner(), []
    beat = Beat(owner, lambda: redraws.append(now[0]))  # type: ignore[arg-type]
    beat.redraw_in(0.3, 1.0)  # the slot's second turns in 0.3 s: once, then beat
    assert owner.running == [("once", 0.3)]
    now[0] += 0.3
    beat.redraw_in(1.0, 1.0)  # just past the turn, the next is a period away
    assert owner.running == [("interval", 1.0)]
    interval = owner.timers[-1]
    for _ in range(5):  # each beat's redraw asks for the moment the beat brings anyway
        now[0] += 1.0
        interval.callback()
        beat.redraw_in(1.0 - 0.004, 1.0)
    assert owner.running == [("interval", 1.0)] and len(owner.timers) == 2
    assert len(redraws) == 5


def test_a_redraw_due_off_the_beat_stops_it(now: list[float]) -> None:
    owner = Owner()
    beat = Beat(owner, lambda: None)  # type: ignore[arg-type]
    beat.redraw_in(1.0, 1.0)
    assert beat.steady
    now[0] += 0.5
    beat.redraw_in(0.2, 1.0)  # the clock's minute turns in 0.2 s, before the beat
    assert owner.running == [("once", 0.2)] and not beat.steady
    now[0] += 0.2
    beat.redraw_in(0.3 + BEAT_SLACK * 2, 1.0)  # and the countdown's second after it
    assert owner.running == [("once", 0.3 + BEAT_SLACK * 2)]
    beat.stop()
    assert owner.running == []


def test_a_fast_rehearsal_beats_at_its_own_period(now: list[float]) -> None:
    owner = Owner()
    beat = Beat(owner, lambda: None)  # type: ignore[arg-type]
    beat.redraw_in(0.25, 0.25)  # speed 4: the countdown's seconds come four a second
    assert owner.running == [("interval", 0.25)]
    beat.redraw_in(0.25, 0.5)  # the speed changed: a new beat
    assert owner.running == [("once", 0.25)]
