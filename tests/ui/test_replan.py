"""The host's `r` under Pilot: the header's offer, the dialog, changing a length, applying
as one undoable action, cancelling, the ahead case and a console that only follows."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from textual.widgets import DataTable

from facilitator.agenda.model import Agenda
from facilitator.i18n import minute_text, set_language
from facilitator.i18n.rounding import whole_minutes
from facilitator.roles.host import HostRun
from facilitator.roles.note_taker import NoteTaking
from facilitator.roles.stage import Stage
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action
from facilitator.timing.replan import Proposal
from facilitator.ui.dialogs.replan import ReplanModal, stepped
from facilitator.ui.widgets.day_header import DayHeader
from facilitator.ui.widgets.plain_label import PlainLabel
from tests.ui.conftest import HostFixture
from tests.ui.reading import notified, screen_text

SIZE = (120, 40)
LUNCH = 12
"""The index of the seed's lunch, fixed at 12:00."""


def lunch(host: HostFixture) -> str:
    """When the state expects lunch, and the cut still needed before it to hold it there."""
    state = host.run.state()
    cut = sum(risk.seconds for risk in state.fixed_risks if risk.index == LUNCH)
    return f"{minute_text(state.slots[LUNCH].expected_start)} cut {whole_minutes(cut)}"


def actions(host: HostFixture) -> list[Action]:
    return [event.action for event in host.session().events]


def dialog(host: HostFixture) -> ReplanModal:
    screen = host.app.screen
    assert isinstance(screen, ReplanModal), f"expected the re-plan dialog, got {screen}"
    return screen


def line(modal: ReplanModal, name: str) -> str:
    label = modal.query_one(f"#replan-{name}", PlainLabel)
    return label.text if label.display else ""


def row_of(modal: ReplanModal, index: int) -> list[str]:
    """The cells of slot `index`'s row as plain text."""
    table = modal.query_one(DataTable)
    return [str(getattr(cell, "plain", cell)) for cell in table.get_row(str(index))]


def late_by_a_quarter(host: HostFixture) -> None:
    """The welcome started at 08:45 and ran 15 minutes over; the talk has just begun."""
    host.clock.advance(60)
    host.run.act(Action.START)
    host.tick(20 * 60)


async def test_the_header_offers_r_only_while_a_re_plan_helps(host: HostFixture) -> None:
    async with host.app.run_test(size=SIZE) as pilot:
        host.clock.advance(60)
        await pilot.press("space")
        host.tick(60)
        header = host.screen.query_one(DayHeader)
        assert "r: re-plan" not in header.text
        assert host.screen.check_action("replan", ()) is None
        await pilot.press("r")
        assert not isinstance(host.app.screen, ReplanModal)  # greyed: nothing to re-plan
        host.tick(19 * 60)  # the welcome is 15 minutes over
        assert "cut 15 min before it  ·  r: re-plan" in header.text
        assert host.screen.check_action("replan", ()) is True
        set_language("da")
        host.tick(0)
        assert "r: ny plan" in header.text


async def test_r_shows_each_slot_up_to_lunch_and_enter_applies_one_action(
    host: HostFixture,
) -> None:
    async with host.app.run_test(size=SIZE) as pilot:
        late_by_a_quarter(host)
        await pilot.press("n")
        assert lunch(host) == "12:00 cut 15"
        await pilot.press("r")
        modal = dialog(host)
        text = screen_text(host.app)
        assert "Re-plan: keep Frokostsandwich med mulighed for to-go at 12:00" in text
        # Every slot after the current one up to lunch, with its lengths and new start.
        assert modal.query_one(DataTable).row_count == LUNCH - 2
        assert row_of(modal, 8) == [
            " 9  Frisættelse og aktørskab",
            "25 min",
            "23 min",
            "−2 min",
            "10:05",
        ]
        assert line(modal, "target") == (
            "Frokostsandwich med mulighed for to-go expected at 12:00 (planned 12:00)"
        )
        assert line(modal, "end") == "The day ends ~12:30"
        assert line(modal, "total") == "In all 15 min cut"
        assert line(modal, "unsaved") == ""
        await pilot.press("enter")
        assert not isinstance(host.app.screen, ReplanModal)
        assert actions(host) == [Action.START, Action.NEXT, Action.REPLAN]
        event = host.session().events[-1]
        assert event.lengths is not None
        agenda = host.run.agenda
        assert sum(agenda.duration_of(i) - length for i, length in event.lengths.items()) == 900
        assert lunch(host) == "12:00 cut 0"
        assert "r: re-plan" not in host.screen.query_one(DayHeader).text
        assert notified(host.app) == ["Re-planned · ctrl+z takes it back"]


async def test_a_length_the_host_changes_stays_and_the_rest_make_up_the_cut(
    host: HostFixture,
) -> None:
    async with host.app.run_test(size=SIZE) as pilot:
        late_by_a_quarter(host)
        await pilot.press("n", "r")
        modal = dialog(host)
        table = modal.query_one(DataTable)
        table.move_cursor(row=table.get_row_index("8"))  # Frisættelse og aktørskab, 25 min
        await pilot.press("minus", "minus", "minus")
        assert row_of(modal, 8)[2:4] == ["20 min •", "−5 min"]
        assert line(modal, "total") == "In all 15 min cut"  # the others give 10 min now
        await pilot.press("2", "2")
        assert row_of(modal, 8)[2:4] == ["22 min •", "−3 min"]
        await pilot.press("backspace")  # "2" left: too short, so the proposal stands
        assert row_of(modal, 8)[2] == "23 min"
        assert "at least 19 min" in line(modal, "problems")
        await pilot.press("enter")
        assert dialog(host) is modal and Action.REPLAN not in actions(host)
        await pilot.press("backspace")  # back to the proposal for this slot
        assert line(modal, "problems") == "" and row_of(modal, 8)[2] == "23 min"
        await pilot.press("plus", "plus", "plus")
        assert row_of(modal, 8)[2] == "26 min •"  # longer than planned: the others give more
        await pilot.press("enter")
        event = host.session().events[-1]
        assert event.action is Action.REPLAN and event.lengths is not None
        assert event.lengths[8] == 26 * 60
        assert lunch(host) == "12:00 cut 0"


async def test_one_ctrl_z_takes_the_whole_re_plan_back(host: HostFixture) -> None:
    async with host.app.run_test(size=SIZE) as pilot:
        late_by_a_quarter(host)
        await pilot.press("n", "r", "enter")
        assert lunch(host) == "12:00 cut 0"
        await pilot.press("ctrl+z")
        assert lunch(host) == "12:00 cut 15"
        assert actions(host) == [Action.START, Action.NEXT, Action.REPLAN, Action.UNDO]
        assert all(slot.replanned_from is None for slot in host.run.state().slots)
        await pilot.pause()
        assert notified(host.app)[-1] == "Undone: re-plan"
        assert "r: re-plan" in host.screen.query_one(DayHeader).text


async def test_escape_cancels_and_changes_nothing(host: HostFixture) -> None:
    async with host.app.run_test(size=SIZE) as pilot:
        late_by_a_quarter(host)
        await pilot.press("n", "r", "minus", "escape")
        assert not isinstance(host.app.screen, ReplanModal)
        assert actions(host) == [Action.START, Action.NEXT]
        assert lunch(host) == "12:00 cut 15"


async def test_ahead_r_gives_the_spare_time_to_the_dialogues(host: HostFixture) -> None:
    async with host.app.run_test(size=SIZE) as pilot:
        host.clock.advance(60)
        await pilot.press("space")
        host.tick(60)
        await pilot.press("n")  # the welcome took 1 of its 5 minutes
        header = host.screen.query_one(DayHeader)
        assert "4 min to spare · r: give them to the dialogues" in header.text
        await pilot.press("r")
        modal = dialog(host)
        assert "4 min to spare: give them to the dialogues" in screen_text(host.app)
        assert line(modal, "total") == "In all 4 min more for the dialogues"
        assert row_of(modal, 2)[2:4] == ["11 min", "+1 min"]  # the first dialogue
        assert row_of(modal, 10)[2:4] == ["33 min", "+3 min"]  # the second, three times longer
        assert row_of(modal, 3)[2:4] == ["5 min", ""]  # a round-up keeps its length
        await pilot.press("enter")
        assert lunch(host) == "12:00 cut 0"
        assert host.run.state().slots[10].planned_duration == 33 * 60


async def test_a_console_that_follows_offers_no_re_plan(
    agenda: Agenda,
    store: SessionStore,
    clock: FakeClock,
    make_host: Callable[..., HostFixture],
) -> None:
    clock.advance(60)
    holder = HostRun(agenda, store, clock)
    holder.act(Action.START)
    clock.advance(20 * 60)
    holder.act(Action.NEXT)
    second = HostRun(agenda, store, clock)
    assert second.begin() is None
    follower = make_host(run=second)
    async with follower.app.run_test(size=SIZE) as pilot:
        assert follower.run.state().replan_helps
        assert follower.screen.check_action("replan", ()) is None
        header = follower.screen.query_one(DayHeader).text
        assert "cut 15 min before it" in header and "r: re-plan" not in header
        await pilot.press("r")
        assert not isinstance(follower.app.screen, ReplanModal)
        assert second.replan_proposal() is None
    holder.close()


async def test_a_proposal_that_time_takes_away_leaves_nothing_to_apply(
    host: HostFixture,
) -> None:
    async with host.app.run_test(size=SIZE) as pilot:
        late_by_a_quarter(host)
        await pilot.press("n")
        gone: list[bool] = []  # the dialog asks again every second: answer as told

        def propose(chosen: Mapping[int, int]) -> Proposal | None:
            return None if gone else host.run.replan_proposal(chosen)

        host.app.push_screen(ReplanModal(host.run.agenda, propose))
        await pilot.pause()
        modal = dialog(host)
        assert modal.query_one(DataTable).row_count == LUNCH - 2
        gone.append(True)  # a moment later there is nothing to re-plan
        modal._again()
        await pilot.pause()
        assert modal.query_one(DataTable).row_count == 0
        assert "Nothing to re-plan now" in screen_text(host.app)
        await pilot.press("minus", "5", "backspace", "enter")
        assert not isinstance(host.app.screen, ReplanModal)
        assert actions(host) == [Action.START, Action.NEXT]


def test_the_stage_and_the_notes_console_count_from_the_new_lengths(
    agenda: Agenda,
    store: SessionStore,
    clock: FakeClock,
) -> None:
    host = HostRun(agenda, store, clock)
    host.act(Action.START)
    clock.advance(20 * 60)
    host.act(Action.NEXT)
    proposal = host.replan_proposal()
    assert proposal is not None and host.apply_replan(proposal.lengths)
    assert proposal.lengths[2] == 9 * 60
    host.act(Action.NEXT)  # the dialogue, cut from 10 to 9 minutes
    stage = Stage(store, clock)
    stage.follow()
    assert stage.view().digits == "09:00"
    assert host.session is not None
    desk = NoteTaking(store, host.session, "desk", clock)
    assert desk.timeline.state(clock.now()).current_slot.planned_duration == 9 * 60
    host.close()


def test_a_step_moves_from_the_minute_shown_and_stops_at_the_shortest() -> None:
    assert stepped(277, 1, 120) == 360  # shows as 5 min: one more is 6
    assert stepped(277, -1, 120) == 240
    assert stepped(180, -1, 180) == 180
    assert stepped(86400, 1, 60) == 86400
