"""The clocks: the system clock smooths small steps of the wall clock and follows big ones;
a rehearsal clock runs a virtual day at its speed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest

import facilitator.timing.clock as clock_module
from facilitator.timing.clock import FakeClock, RehearsalClock, SystemClock
from tests.seed import CPH

START = datetime(2024, 11, 26, 8, 45, tzinfo=UTC)


class Machine:
    """The machine's wall clock and monotonic clock, each set by the test."""

    def __init__(self) -> None:
        self.wall = START
        self.mono = 5000.0

    def run(self, seconds: float) -> None:
        """Time passes: both clocks move on."""
        self.wall += timedelta(seconds=seconds)
        self.mono += seconds

    def step_wall(self, seconds: float) -> None:
        """The wall clock alone is set (NTP, a person, a suspend the monotonic clock missed)."""
        self.wall += timedelta(seconds=seconds)


@pytest.fixture
def machine(monkeypatch: pytest.MonkeyPatch) -> Machine:
    machine = Machine()

    class Wall(datetime):
        @classmethod
        def now(cls, tz: object = None) -> datetime:  # type: ignore[override]
            return machine.wall

    monkeypatch.setattr(clock_module, "datetime", Wall)
    monkeypatch.setattr(clock_module, "time", SimpleNamespace(monotonic=lambda: machine.mono))
    return machine


def test_the_system_clock_follows_the_machine(machine: Machine) -> None:
    clock = SystemClock()
    machine.run(90)
    assert clock.now() == START + timedelta(seconds=90)
    assert clock.monotonic() == 5090.0


def test_a_small_step_of_the_wall_clock_does_not_move_the_countdown(machine: Machine) -> None:
    clock = SystemClock()
    machine.run(10)
    machine.step_wall(0.8)  # NTP slewing within a second: the display must not jump
    assert clock.now() == START + timedelta(seconds=10)
    machine.run(5)
    assert clock.now() == START + timedelta(seconds=15)


@pytest.mark.parametrize("step", [30.0, -5.0, 3600.0])
def test_a_big_step_of_the_wall_clock_is_followed_from_then_on(
    machine: Machine, step: float
) -> None:
    """After a suspend (the monotonic clock stood still) or a clock set right, the wall
    time is read again, and the smooth clock runs on from there."""
    clock = SystemClock()
    machine.run(10)
    machine.step_wall(step)
    stepped = START + timedelta(seconds=10 + step)
    assert clock.now() == stepped
    machine.run(2)
    machine.step_wall(0.5)  # and small steps after it are smoothed again
    assert clock.now() == stepped + timedelta(seconds=2)


def test_the_resync_threshold_is_a_second(machine: Machine) -> None:
    clock = SystemClock()
    machine.step_wall(SystemClock.resync_after)
    assert clock.now() == START  # exactly the threshold: still smoothed
    machine.step_wall(0.001)
    assert clock.now() == START + timedelta(seconds=1.001)


def test_a_rehearsal_clock_runs_at_its_speed() -> None:
    real = FakeClock(datetime(2026, 3, 1, 14, 0, tzinfo=CPH))
    virtual_start = datetime(2024, 11, 26, 8, 45, tzinfo=CPH)
    clock = RehearsalClock(virtual_start, real.now(), speed=60, base=real)
    real.advance(2)
    assert clock.now() == virtual_start + timedelta(minutes=2)
    assert clock.now().tzinfo == UTC
    assert clock.monotonic() == real.monotonic() * 60
    with pytest.raises(ValueError):
        RehearsalClock(virtual_start, real.now(), speed=0, base=real)
