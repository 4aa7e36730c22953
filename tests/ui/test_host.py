"""The host console under Pilot: every key, every phase, the bell, undo, asking first, saving."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual import events
from textual.app import App
from textual.widgets import Input, Label

from facilitator.agenda.model import Agenda
from facilitator.errors import SessionError
from facilitator.roles.host import HostRun
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action
from facilitator.ui.dialogs.confirm import ConfirmModal
from facilitator.ui.dialogs.goto import GotoModal
from facilitator.ui.dialogs.help import HelpModal
from facilitator.ui.dialogs.message import MessageModal
from facilitator.ui.screens.host import HostScreen
from facilitator.ui.widgets.big_digits import BigDigits
from facilitator.ui.widgets.day_header import DayHeader
from tests.ui.harness import HostFixture
from tests.ui.reading import notified
from tests.ui.waiting import until

SIZE = (120, 40)


def digits(host: HostFixture) -> str:
    return host.screen.query_one(BigDigits).value


def label(host: HostFixture, widget_id: str) -> str:
    return str(host.screen.query_one(f"#{widget_id}", Label).content)


def actions(host: HostFixture) -> list[Action]:
    return [event.action for event in host.session().events]


async def test_nothing_is_written_before_the_first_start(host: HostFixture) -> None:
    async with host.app.run_test(size=SIZE):
        assert digits(host) == "05:00"
        assert label(host, "slot-phase") == "Press space to start"
        assert host.run.session is None
        assert not host.store.root.exists()


async def test_space_starts_pauses_and_resumes(host: HostFixture) -> None:
    async with host.app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        assert actions(host) == [Action.START]
        host.tick(1)
        assert digits(host) == "04:59"
        await pilot.press("space")
        host.tick(100)
        assert digits(host) == "04:59" and label(host, "slot-phase") == "Paused"
        assert host.screen.query_one("#slot-panel").has_class("-paused")
        await pilot.press("space")
        host.tick(2)
        assert digits(host) == "04:57"
        assert actions(host) == [Action.START, Action.PAUSE, Action.RESUME]


async def test_warning_then_overtime_with_one_bell_each(host: HostFixture) -> None:
    async with host.app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        panel = host.screen.query_one("#slot-panel")
        host.tick(239)
        assert panel.has_class("-running") and host.bells == []
        host.tick(1)  # one minute left: the welcome's warning threshold
        assert panel.has_class("-warning") and digits(host) == "01:00"
        assert len(host.bells) == 1
        host.tick(30)
        assert len(host.bells) == 1
        host.tick(30.5)
        assert panel.has_class("-overtime") and digits(host) == "00:00"
        assert len(host.bells) == 2
        host.tick(83)
        assert digits(host) == "+01:23" and label(host, "slot-phase") == "Overtime"
        assert len(host.bells) == 2


async def test_the_header_says_how_far_behind(host: HostFixture) -> None:
    async with host.app.run_test(size=SIZE) as pilot:
        host.tick(60)  # 08:45
        await pilot.press("space")
        host.tick(9 * 60)  # four minutes over the five-minute welcome
        header = host.screen.query_one(DayHeader)
        text = header.text
        assert "4 min behind" in text
        assert "ends ~12:30" in text  # lunch is fixed and takes the delay
        assert "is fixed at 12:00: cut 4 min before it" in text


async def test_next_moves_on_and_previous_asks_first(host: HostFixture) -> None:
    async with host.app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "n")
        assert host.run.state().current == 1
        assert "Opfølgning" in label(host, "slot-title")
        await pilot.press("p")
        assert isinstance(host.app.screen, ConfirmModal)
        await pilot.press("n")  # no
        assert host.run.state().current == 1
        await pilot.press("p", "y")
        assert host.run.state().current == 0
        assert actions(host) == [Action.START, Action.NEXT, Action.PREVIOUS]


async def test_a_stray_enter_in_a_question_declines(host: HostFixture) -> None:
    async with host.app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "n", "p", "enter")
        assert host.run.state().current == 1


async def test_goto_picks_a_later_slot_at_once(host: HostFixture) -> None:
    async with host.app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "g")
        assert isinstance(host.app.screen, GotoModal)
        await pilot.press("down", "down", "enter")  # from slot 2 to slot 4
        assert host.run.state().current == 3
        await pilot.press("g", "escape")
        assert host.run.state().current == 3


async def test_goto_an_earlier_slot_asks_first(host: HostFixture) -> None:
    async with host.app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "n", "n", "g", "up", "up", "up", "enter")
        assert isinstance(host.app.screen, ConfirmModal)
        await pilot.press("y")
        assert host.run.state().current == 0


async def test_plus_and_minus_adjust_by_a_minute(host: HostFixture) -> None:
    async with host.app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "plus", "plus", "minus")
        assert digits(host) == "06:00"
        assert [event.seconds for event in host.session().events[1:]] == [60, 60, -60]
        await pilot.press("minus", "minus", "minus", "minus", "minus", "minus")
        assert digits(host) == "00:00"
        await pilot.press("minus")  # cannot take more than the slot has
        assert digits(host) == "00:00"


async def test_undo_takes_back_the_last_action(host: HostFixture) -> None:
    async with host.app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("space", "n")
        host.tick(10)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert notified(host.app) == ["Undone: next slot"]
        state = host.run.state()
        assert state.current == 0
        assert actions(host) == [Action.START, Action.NEXT, Action.UNDO]
        await pilot.press("ctrl+z", "ctrl+z")
        assert not host.run.state().started


async def test_a_message_goes_to_the_session_and_an_empty_one_clears(host: HostFixture) -> None:
    async with host.app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "m")
        assert isinstance(host.app.screen, MessageModal)
        await pilot.press(*"2 minutes", "enter")
        assert host.session().stage_message is not None
        assert host.session().stage_message.text == "2 minutes"  # type: ignore[union-attr]
        assert label(host, "stage-message") == "On stage: 2 minutes"
        await pilot.press("m")
        host.app.screen.query_one(Input).value = ""
        await pilot.press("enter")
        assert host.session().stage_message is None
        await pilot.press("m", "x", "escape")
        assert host.session().stage_message is None


async def test_finish_asks_and_then_ends_the_day(host: HostFixture) -> None:
    async with host.app.run_test(size=SIZE) as pilot:
        await pilot.press("f")
        assert not isinstance(host.app.screen, ConfirmModal)  # nothing to finish yet
        await pilot.press("space", "f", "n")
        assert not host.run.state().finished
        await pilot.press("f", "y")
        assert host.run.state().finished and host.session().finished
        assert label(host, "slot-phase") == "The day is finished. Thank you!"
        await pilot.press("space", "n")
        assert actions(host)[-1] is Action.FINISH


async def test_help_lists_every_key(host: HostFixture) -> None:
    async with host.app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        modal = host.app.screen
        assert isinstance(modal, HelpModal)
        keys = [keys for keys, _ in modal.bindings_help]
        for key in ("space", "n", "p", "g", "+, =", "-", "ctrl+z", "m", "f", "?, F1", "q"):
            assert key in keys
        await pilot.press("x")
        assert not isinstance(host.app.screen, HelpModal)


async def test_quit_before_the_start_does_not_ask(host: HostFixture) -> None:
    async with host.app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert host.app.return_code == 0 and not host.app.is_running


async def test_quit_while_running_asks_and_keeps_the_session(host: HostFixture) -> None:
    async with host.app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "q")
        assert isinstance(host.app.screen, ConfirmModal)
        await pilot.press("n")
        assert host.app.is_running
        await pilot.press("ctrl+q")
        assert isinstance(host.app.screen, ConfirmModal)
        await pilot.press("y")
        await pilot.pause()
        assert not host.app.is_running
    assert not host.session().finished


async def test_keys_that_cannot_act_are_greyed(host: HostFixture) -> None:
    async with host.app.run_test(size=SIZE):
        screen = host.screen
        assert screen.check_action("start_pause", ()) is True
        assert screen.check_action("previous", ()) is None
        assert screen.check_action("undo", ()) is None
        assert screen.check_action("finish", ()) is None


async def test_every_key_is_in_the_command_palette(host: HostFixture) -> None:
    async with host.app.run_test(size=SIZE):
        titles = [command.title for command in host.app.get_system_commands(host.screen)]
        for title in ("Start/pause", "Next", "Go to", "−1 min", "Message", "Cloud", "Help", "Quit"):
            assert title in titles
        assert "Previous" not in titles  # greyed: nothing before the first slot
        assert "Notes" not in titles  # greyed: no session before the first start


async def test_a_failed_write_is_shown_kept_and_retried(host: HostFixture, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    async with host.app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("space")
        real_save = host.store.save

        def failing(session: object) -> None:
            raise SessionError("sessions/x/session.toml: cannot be written: No space left")

        monkeypatch.setattr(host.store, "save", failing)
        await pilot.press("n")
        assert host.run.state().current == 1 and host.run.unsaved
        assert any("Not saved" in n for n in notified(host.app))
        host.tick(1)
        assert host.run.unsaved
        monkeypatch.setattr(host.store, "save", real_save)
        host.tick(1)
        assert not host.run.unsaved
        assert actions(host) == [Action.START, Action.NEXT]


async def test_a_second_console_is_refused_and_a_take_over_wins(
    host: HostFixture, make_host: Callable[..., HostFixture]
) -> None:
    async with host.app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("space")
        session = host.session()
        other = HostRun(host.run.agenda, host.store, host.clock)
        try:
            other.resume(session)
        except SessionError as error:
            assert "--take-over" in str(error)
        else:
            raise AssertionError("a second console took a held session")
        assert label(host, "read-only") == ""
        taker = HostRun(host.run.agenda, host.store, host.clock, take_over=True)
        taker.resume(host.store.load(session.id))
        taker.act(Action.NEXT)
        host.tick(1)
        await pilot.pause()
        assert any("took this session over" in n for n in notified(host.app))
        # It follows the console that took over instead of showing its stale slot.
        assert host.run.state().current == 1
        assert label(host, "slot-title").startswith("Opfølgning")
        assert "--take-over" in label(host, "read-only")
        await pilot.press("n", "space", "plus")
        assert host.run.state().current == 1
        assert actions(host) == [Action.START, Action.NEXT]
        taker.act(Action.NEXT)
        host.tick(1)
        assert label(host, "slot-title").startswith("Dialog ved bordene")
        taker.close()


async def test_a_refused_console_follows_read_only_with_its_keys_disabled(
    agenda: Agenda,
    store: SessionStore,
    clock: FakeClock,
    make_host: Callable[..., HostFixture],
) -> None:
    holder = HostRun(agenda, store, clock)
    holder.act(Action.START)
    second = HostRun(agenda, store, clock)
    assert second.begin() is None
    follower = make_host(run=second)
    async with follower.app.run_test(size=SIZE) as pilot:
        notice = label(follower, "read-only")
        assert "another host console holds this session" in notice and "--take-over" in notice
        for action in (
            "start_pause",
            "next",
            "goto",
            "adjust",
            "undo",
            "message",
            "cloud",
            "notes",
            "finish",
        ):
            assert follower.screen.check_action(action, (60,)) is None, action
        assert follower.screen.check_action("help", ()) is True
        await pilot.press("space", "n", "m")
        assert not isinstance(follower.app.screen, MessageModal)
        holder.act(Action.NEXT)
        follower.tick(1)
        assert label(follower, "slot-title").startswith("Opfølgning")
        assert digits(follower) == "09:59"  # a second after the holder moved on
        await pilot.press("q")  # quitting never asks: nothing runs here
        await pilot.pause()
        assert not follower.app.is_running
    assert holder.session is not None
    assert [e.action for e in store.load(holder.session.id).events] == [Action.START, Action.NEXT]
    assert [p.name for p in store.root.iterdir()] == [holder.session.id]
    holder.close()


async def test_an_unfinished_session_is_offered_for_resumption(
    host: HostFixture, make_host: Callable[..., HostFixture]
) -> None:
    async with host.app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "n", "n")
        host.tick(30)
    host.run.close()
    again = make_host(offer_resume=host.store.entries()[0].session)
    async with again.app.run_test(size=SIZE) as pilot:
        assert isinstance(again.app.screen, ConfirmModal)
        await pilot.press("y")
        again.screen.refresh_state()
        assert again.run.state().current == 2
        assert "Dialog ved bordene" in label(again, "slot-title")
        assert digits(again) == "09:30"
        await pilot.press("n")
        assert [e.action for e in again.session().events] == [
            Action.START,
            Action.NEXT,
            Action.NEXT,
            Action.NEXT,
        ]


async def test_declining_resumption_starts_a_new_session(
    host: HostFixture, make_host: Callable[..., HostFixture]
) -> None:
    async with host.app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
    host.run.close()
    again = make_host(offer_resume=host.store.entries()[0].session)
    async with again.app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        assert again.run.session is None
        await pilot.press("space")
        assert len(again.store.entries()) == 2


@pytest.mark.parametrize("size", [(60, 20), (89, 24), (90, 30), (250, 70), (40, 10)])
async def test_every_size_keeps_the_countdown(host: HostFixture, size: tuple[int, int]) -> None:
    async with host.app.run_test(size=size) as pilot:
        await pilot.press("space")
        host.tick(400)
        await pilot.pause()
        countdown = host.screen.query_one(BigDigits)
        assert countdown.region.height > 0 and countdown.value == "+01:40"
        assert host.screen.query_one("#agenda").display == (size[0] >= 90)


def type_ahead(app: App[None], keys: list[str]) -> None:
    """Queue keys as a fast typist sends them: all at once, before any screen reacts."""
    for key in keys:
        character = key if len(key) == 1 else None
        if key == "space":
            character = " "
        app.post_message(events.Key(key, character))


async def test_a_message_typed_at_once_after_m_is_not_lost(host: HostFixture) -> None:
    """A host types "m" and the message without waiting for the box: all of it arrives."""
    async with host.app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        type_ahead(host.app, ["m", *"2 min", "enter"])
        await until(pilot, lambda: len(host.session().messages) == 1, "the first message")
        await until(pilot, lambda: isinstance(host.app.screen, HostScreen), "the box to close")
        type_ahead(host.app, ["m", *"Round off", "enter"])  # replaces "2 min"
        await until(pilot, lambda: len(host.session().messages) == 2, "the second message")
        messages = [m.text for m in host.session().messages]
        assert messages == ["2 min", "Round off"]
        assert host.run.state().current == 0  # "n" and "f" typed in the box did nothing


async def test_arrows_pressed_at_once_after_g_still_pick(host: HostFixture) -> None:
    async with host.app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        type_ahead(host.app, ["g", "down", "down", "enter"])
        await until(pilot, lambda: host.run.state().current != 0, "a slot to be picked")
        assert host.run.state().current == 3
