"""Messages and modes of the stage without a screen: what the host sends, how long it
stays, what the stage (another process, reading the session file) shows, and the overtime
flash, all on a fake clock."""

from __future__ import annotations

import pytest

from facilitator.agenda.model import Agenda
from facilitator.roles.host import HostRun
from facilitator.roles.stage import Stage
from facilitator.roles.stage_alert import flash_bright, flash_window
from facilitator.session.stage_show import StageMode
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action


@pytest.fixture
def host(agenda: Agenda, store: SessionStore, clock: FakeClock) -> HostRun:
    """A host console whose day has started: the welcome runs."""
    run = HostRun(agenda, store, clock)
    run.act(Action.START)
    return run


def stage_of(store: SessionStore, clock: FakeClock) -> Stage:
    """A stage that has read the session as it is on disk now."""
    stage = Stage(store, clock)
    stage.follow()
    return stage


def test_a_message_clears_when_its_slot_ends(
    host: HostRun, store: SessionStore, clock: FakeClock
) -> None:
    host.send_message("Tal højere")
    stage = stage_of(store, clock)
    assert host.stage_message == "Tal højere" and stage.view().message == "Tal højere"
    host.act(Action.NEXT)
    assert stage.follow()
    assert host.stage_message == "" and stage.view().message == ""


def test_undoing_the_move_to_the_next_slot_brings_the_message_back(
    host: HostRun, store: SessionStore, clock: FakeClock
) -> None:
    host.send_message("Tal højere")
    host.act(Action.NEXT)
    host.act(Action.UNDO)
    assert host.stage_message == "Tal højere"
    assert stage_of(store, clock).view().message == "Tal højere"


def test_a_pinned_message_stays_until_the_day_is_finished(
    host: HostRun, store: SessionStore, clock: FakeClock
) -> None:
    host.send_message("Husk at aflevere sedlerne", pinned=True)
    host.act(Action.NEXT)
    host.act(Action.GOTO, slot=4)
    stage = stage_of(store, clock)
    assert stage.view().message == "Husk at aflevere sedlerne"
    host.act(Action.FINISH)
    assert stage.follow()
    assert host.stage_message == "" and stage.view().message == ""
    assert store.load(host.session.id if host.session else "").stage_message is None


def test_an_empty_message_clears_a_pinned_one(host: HostRun) -> None:
    host.send_message("Pinned", pinned=True)
    host.send_message("")
    assert host.stage_message == ""


def test_a_message_sent_before_the_start_stays_for_the_first_slot(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    run = HostRun(agenda, store, clock)
    run.send_message("Velkommen")
    run.act(Action.START)
    assert run.stage_message == "Velkommen"
    run.act(Action.NEXT)
    assert run.stage_message == ""


def test_the_options_are_in_the_session_file(
    host: HostRun, store: SessionStore, clock: FakeClock
) -> None:
    host.send_message("2 min tilbage – rund af", full=True, flash=True, pinned=True)
    assert host.session is not None
    message = store.load(host.session.id).messages[-1]
    assert (message.full, message.flash, message.pinned, message.slot) == (True, True, True, 0)


def test_a_whole_screen_message_replaces_the_digits_and_keeps_the_time_as_a_line(
    host: HostRun, store: SessionStore, clock: FakeClock
) -> None:
    host.send_message("2 min tilbage – rund af", full=True)
    view = stage_of(store, clock).view()
    assert view.message_full and view.message == "2 min tilbage – rund af"
    assert view.speakers.endswith("· 05:00")
    assert not view.flashing  # not asked to flash


def test_during_a_turn_the_time_line_under_a_whole_screen_message_is_shown_once(
    host: HostRun, store: SessionStore, clock: FakeClock
) -> None:
    host.act(Action.START)
    host.act(Action.GOTO, slot=2)  # the first dialogue
    host.act(Action.REPORT_START)
    host.send_message("Tal højere", full=True)
    view = stage_of(store, clock).view()
    assert view.message_full and view.report.endswith("1 · 00:50")
    assert view.speakers == "10:00"  # the slot's own time, once


def test_the_word_cloud_wins_over_a_whole_screen_message(
    host: HostRun, store: SessionStore, clock: FakeClock
) -> None:
    from facilitator.roles.note_taker import NoteTaking

    host.act(Action.GOTO, slot=3)
    assert host.session is not None
    desk = NoteTaking(store, host.session, "desk", clock)
    desk.save(2, 1, None, "Psykologisk tryghed og tillid")
    host.send_message("Rund af", full=True)
    host.toggle_cloud()
    view = stage_of(store, clock).view()
    assert view.cloud is not None and not view.message_full and view.message == "Rund af"
    desk.close()


def test_the_stage_follows_the_mode_the_host_switches(
    host: HostRun, store: SessionStore, clock: FakeClock
) -> None:
    stage = stage_of(store, clock)
    assert stage.view().mode is StageMode.NORMAL
    assert host.switch_stage_mode(StageMode.CLOCK) is StageMode.CLOCK
    assert stage.follow()
    view = stage.view()
    assert (view.mode, view.digits, view.title, view.message) == (StageMode.CLOCK, "08:44", "", "")
    assert view.change_in == pytest.approx(60)
    assert host.switch_stage_mode(StageMode.BLACKOUT) is StageMode.BLACKOUT
    stage.follow()
    view = stage.view()
    assert (view.mode, view.digits, view.title) == (StageMode.BLACKOUT, "", "")
    # The same key again: back to normal.
    assert host.switch_stage_mode(StageMode.BLACKOUT) is StageMode.NORMAL
    stage.follow()
    assert stage.view().digits == "05:00"
    assert host.session is not None
    assert store.load(host.session.id).stage_mode is StageMode.NORMAL


def test_a_mode_chosen_before_the_start_is_in_the_new_session(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    run = HostRun(agenda, store, clock)
    run.switch_stage_mode(StageMode.BLACKOUT)
    run.act(Action.START)
    assert run.session is not None and store.load(run.session.id).stage_mode is StageMode.BLACKOUT


def test_overtime_flashes_at_its_start_then_briefly_each_minute(
    host: HostRun, store: SessionStore, clock: FakeClock
) -> None:
    stage = stage_of(store, clock)
    clock.advance(299.2)
    assert not stage.view().alert and stage.view().longest == 1.0
    clock.advance(1.0)  # 0.2 s into overtime
    seen = set()
    for _ in range(10):
        view = stage.view()
        seen.add(view.alert)
        assert view.longest == 0.5  # redrawn every half second while it flashes
        clock.advance(0.5)
    assert seen == {True, False}
    clock.advance(5)  # 10.2 s over: calm
    assert not stage.view().alert and stage.view().longest == 1.0
    clock.advance(50)  # 60.2 s over: a short reminder
    assert stage.view().alert
    clock.advance(2)
    assert not stage.view().alert


def test_a_stage_opened_late_in_overtime_does_not_flash(
    host: HostRun, store: SessionStore, clock: FakeClock
) -> None:
    clock.advance(300 + 30)
    assert not stage_of(store, clock).view().alert


@pytest.mark.parametrize(
    ("overrun", "window", "bright"),
    [
        (-1, False, False),
        (0, True, True),
        (0.6, True, False),
        (4.9, True, False),
        (5, False, False),
        (59, False, False),
        (60.1, True, True),
        (62, False, False),
        (120.5, True, False),
    ],
)
def test_the_flash_rule(overrun: float, window: bool, bright: bool) -> None:
    assert (flash_window(overrun), flash_bright(overrun)) == (window, bright)


def test_a_cloud_without_notes_keeps_the_time_and_says_there_are_no_notes_yet(
    host: HostRun, store: SessionStore, clock: FakeClock
) -> None:
    host.act(Action.GOTO, slot=2)  # the first dialogue begins: nobody has written yet
    assert host.toggle_cloud() == 2
    view = stage_of(store, clock).view()
    assert view.cloud is None and view.digits == "10:00"
    assert view.title == (
        "No notes yet from Dialog ved bordene: the word cloud appears with the first one"
    )
    assert view.speakers.startswith("Dialog ved bordene")
