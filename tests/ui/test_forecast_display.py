"""What the host console says about a late day: the header and the list agree on every
minute, a fixed slot that cannot be held says so, and the day's end is honest."""

from __future__ import annotations

from datetime import datetime

from facilitator.agenda.model import Agenda
from facilitator.roles.host import HostRun
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action
from facilitator.ui.widgets.agenda_list import AgendaList
from facilitator.ui.widgets.big_digits import BigDigits
from facilitator.ui.widgets.day_header import DayHeader
from tests.conftest import CPH
from tests.ui.conftest import HostFixture
from tests.ui.test_host import label

SIZE = (120, 40)
LUNCH = 12
LUNCH_TITLE = "Frokostsandwich med mulighed for to-go"


def header(host: HostFixture) -> str:
    return host.screen.query_one(DayHeader).text


def expected(host: HostFixture, index: int) -> str:
    """The list's expected (or actual) start of slot `index`."""
    return host.screen.query_one(AgendaList).rows[index][1]


def until(host: HostFixture, hour: int, minute: int, second: float = 0, day: int = 26) -> None:
    moment = datetime(2024, 11, day, hour, minute, tzinfo=CPH).timestamp() + second
    host.tick(moment - host.clock.now().timestamp())


async def test_the_header_and_the_list_agree_on_the_minutes(host: HostFixture) -> None:
    async with host.app.run_test(size=SIZE) as pilot:
        until(host, 8, 45)
        await pilot.press("space")
        until(host, 8, 53, 30)  # the welcome three and a half minutes over
        assert "4 min behind" in header(host)
        assert expected(host, 1) == "08:54" and expected(host, 11) == "11:54"
        assert f"{LUNCH_TITLE} is fixed at 12:00: cut 4 min before it" in header(host)


async def test_half_a_minute_rounds_up_in_the_header_and_the_cut(host: HostFixture) -> None:
    async with host.app.run_test(size=SIZE) as pilot:
        until(host, 8, 45)
        await pilot.press("space")
        until(host, 8, 52, 30)  # exactly 150 s late
        assert "3 min behind" in header(host)
        assert "cut 3 min before it" in header(host)
        assert expected(host, 1) == "08:53"


async def test_a_rehearsals_first_frame_is_not_on_time_and_cut_at_once(
    agenda: Agenda, store: SessionStore, clock: FakeClock, make_host: object
) -> None:
    host = make_host(run=HostRun(agenda, store, clock, speed=60))  # type: ignore[operator]
    async with host.app.run_test(size=SIZE):
        host.tick(0.01)  # the first frame comes a moment after the virtual 08:45
        text = header(host)
        assert "not started" in text and "on time" not in text
        assert "cut" not in text


async def test_a_fixed_slot_that_cannot_be_held_is_shown_moved(host: HostFixture) -> None:
    async with host.app.run_test(size=SIZE) as pilot:
        until(host, 8, 45)
        await pilot.press("space")
        until(host, 12, 0)
        host.run.act(Action.GOTO, slot=7)  # the break, at noon: 135 minutes behind
        host.screen.refresh_state()
        text = header(host)
        assert "135 min behind" in text and "ends ~14:45" in text
        assert f"{LUNCH_TITLE} is fixed at 12:00 but cannot be held: expected ~14:15" in text
        assert [expected(host, i) for i in range(8, 14)] == [
            "12:10",
            "12:35",
            "13:35",
            "14:05",
            "14:15",
            "14:30",
        ]
        until(host, 12, 9)
        assert "cannot be held" in header(host) and "cut" not in header(host)


async def test_the_finished_summary_agrees_with_the_end_of_the_day(host: HostFixture) -> None:
    async with host.app.run_test(size=SIZE) as pilot:
        until(host, 8, 45)
        await pilot.press("space")
        until(host, 10, 20)
        host.run.act(Action.GOTO, slot=9)
        until(host, 12, 4)
        await pilot.press("f", "y")
        assert "day finished at 12:04" in header(host)
        assert label(host, "next") == "Finished at 12:04, 26 min ahead."


async def test_far_past_the_planned_start_it_says_when_the_day_would_end(
    host: HostFixture,
) -> None:
    async with host.app.run_test(size=SIZE):
        until(host, 13, 59)
        text = header(host)
        assert "not started" in text and "if started now, ends ~17:44" in text
        assert "12:30" not in text


async def test_a_console_opened_the_evening_before_takes_the_days_date(
    agenda: Agenda, store: SessionStore, make_host: object
) -> None:
    clock = FakeClock(datetime(2024, 11, 25, 23, 50, tzinfo=CPH))
    host = make_host(run=HostRun(agenda, store, clock))  # type: ignore[operator]
    host.clock = clock
    async with host.app.run_test(size=SIZE) as pilot:
        assert "not started" in header(host) and "ends ~12:30" in header(host)
        until(host, 8, 52)
        await pilot.press("space")
        text = header(host)
        assert "7 min behind" in text and "actual start" not in text


async def test_minus_with_less_than_a_minute_left_ends_the_time_now(host: HostFixture) -> None:
    async with host.app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        host.tick(270)
        await pilot.press("minus")
        assert host.screen.query_one(BigDigits).value == "00:00"
        host.tick(1)
        assert host.screen.query_one(BigDigits).value == "+00:01"
        await pilot.press("minus")  # nothing left to take
        assert [event.seconds for event in host.session().events[1:]] == [-60]
