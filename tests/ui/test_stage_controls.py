"""The host's hold on the stage under Pilot: the `m` dialog's presets and options, the
`c` and `b` keys, and what the stage screen draws for each (whole-stage message, clock
only, blackout, the overtime flash, a word cloud without notes)."""

from __future__ import annotations

from typing import cast

from textual.app import App
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Input, Label

from facilitator.agenda.model import Agenda
from facilitator.roles.host import HostRun
from facilitator.roles.stage import Stage
from facilitator.session.stage_show import StageMode
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action
from facilitator.ui.app import stage_app
from facilitator.ui.dialogs.help import describe_bindings
from facilitator.ui.dialogs.message import MessageModal
from facilitator.ui.screens.host import HostScreen
from facilitator.ui.screens.stage import StageScreen
from facilitator.ui.widgets.big_digits import BigDigits
from facilitator.ui.widgets.big_text import BigText
from tests.ui.harness import HostFixture

SIZE = (120, 40)


def label(host: HostFixture, widget_id: str) -> str:
    return str(host.screen.query_one(f"#{widget_id}", Label).content)


def dialog_text(modal: MessageModal, widget_id: str) -> str:
    widget = modal.query_one(f"#{widget_id}", Label)
    return str(widget.content) if widget.display else ""


async def test_a_preset_is_sent_by_its_number_with_the_options_switched(
    host: HostFixture,
) -> None:
    async with host.app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "m")
        modal = host.app.screen
        assert isinstance(modal, MessageModal)
        presets = [str(widget.content) for widget in modal.query(".preset").results(Label)]
        assert presets[:2] == ["1  2 min tilbage – rund af", "2  Tal højere"]
        assert dialog_text(modal, "message-options") == (
            "F2 [ ] Whole stage   F3 [x] Flash   F4 [ ] Pin past the slot"
        )
        await pilot.press("2")
        assert dialog_text(modal, "message-preset") == "Enter sends: Tal højere"
        await pilot.press("f2", "f3", "f4")
        assert dialog_text(modal, "message-options") == (
            "F2 [x] Whole stage   F3 [ ] Flash   F4 [x] Pin past the slot"
        )
        await pilot.press("enter")
        message = host.session().messages[-1]
        assert (message.text, message.full, message.flash, message.pinned) == (
            "Tal højere",
            True,
            False,
            True,
        )
        assert label(host, "stage-message") == "On stage: Tal højere · whole stage · pinned"


async def test_a_number_that_is_no_preset_is_sent_as_typed(host: HostFixture) -> None:
    async with host.app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "m", "4", "2")
        modal = host.app.screen
        assert isinstance(modal, MessageModal)
        assert dialog_text(modal, "message-preset") == ""
        await pilot.press("enter")
        assert host.run.stage_message == "42"


async def test_the_message_clears_on_the_host_console_when_the_slot_ends(
    host: HostFixture,
) -> None:
    async with host.app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "m", *"Tak", "enter")
        assert label(host, "stage-message") == "On stage: Tak"
        await pilot.press("n")
        assert not host.screen.query_one("#stage-message").display


async def test_c_and_b_switch_the_stage_and_the_same_key_brings_it_back(
    host: HostFixture,
) -> None:
    async with host.app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("space", "c")
        assert host.session().stage_mode is StageMode.CLOCK
        assert label(host, "stage-message") == "Stage: clock only (c)"
        await pilot.press("B")
        assert host.session().stage_mode is StageMode.BLACKOUT
        assert label(host, "stage-message") == "Stage: blacked out (B)"
        await pilot.press("B")
        assert host.session().stage_mode is StageMode.NORMAL
        assert not host.screen.query_one("#stage-message").display
        toasts = [str(n.message) for n in host.app._notifications]
        assert (
            "The stage is blacked out" in toasts and toasts[-1] == "The stage shows the day again"
        )


async def test_the_stage_keys_are_in_the_help_and_the_palette(host: HostFixture) -> None:
    async with host.app.run_test(size=SIZE):
        screen = host.screen
        assert isinstance(screen, HostScreen)
        rows = dict(describe_bindings([b for b in screen.BINDINGS if isinstance(b, Binding)]))
        assert rows["c"].startswith("Show only the time of day")
        assert rows["B"].startswith("Black out the stage")
        palette = host.app.get_system_commands(cast("Screen[object]", screen))
        commands = [command.title for command in palette]
        assert "Clock only" in commands and "Blackout" in commands


def stage_screen(app: App[None]) -> StageScreen:
    screen = app.screen
    assert isinstance(screen, StageScreen)
    return screen


async def test_the_stage_draws_a_whole_stage_message_clock_and_blackout(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    run = HostRun(agenda, store, clock)
    run.act(Action.START)
    app = stage_app(Stage(store, clock))
    async with app.run_test(size=SIZE) as pilot:
        screen = stage_screen(app)
        run.send_message("2 min tilbage – rund af", full=True)
        screen.follow()
        await pilot.pause()
        assert screen.has_class("-message-full")
        assert not screen.query_one(BigDigits).display
        big = screen.query_one(BigText)
        assert big.text == "2 min tilbage – rund af" and big.size.height > 20  # the stage
        assert not screen.query_one("#stage-message").display
        run.switch_stage_mode(StageMode.CLOCK)
        screen.follow()
        await pilot.pause()
        assert screen.has_class("-mode-clock") and not screen.has_class("-message-full")
        assert screen.query_one(BigDigits).value == "08:44"
        assert not screen.query_one("#stage-title").display
        run.switch_stage_mode(StageMode.BLACKOUT)
        screen.follow()
        await pilot.pause()
        assert screen.has_class("-mode-blackout")
        assert not screen.query_one("#stage").display


async def test_the_stage_flashes_as_overtime_begins(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    run = HostRun(agenda, store, clock)
    run.act(Action.START)
    clock.advance(300.2)
    app = stage_app(Stage(store, clock))
    async with app.run_test(size=SIZE):
        screen = stage_screen(app)
        seen = set()
        for _ in range(8):
            screen.draw()
            seen.add(screen.has_class("-alert"))
            clock.advance(0.5)
        assert seen == {True, False}
        clock.advance(10)
        screen.draw()
        assert not screen.has_class("-alert") and screen.has_class("-overtime")


async def test_a_cloud_without_notes_leaves_the_countdown_and_says_so(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    run = HostRun(agenda, store, clock)
    run.act(Action.START)
    run.act(Action.GOTO, slot=2)
    run.toggle_cloud()
    app = stage_app(Stage(store, clock))
    async with app.run_test(size=SIZE):
        screen = stage_screen(app)
        assert not screen.has_class("-cloud")
        assert screen.query_one(BigDigits).display
        title = screen.query_one("#stage-title", Label)
        assert str(title.content).startswith("No notes yet from Dialog ved bordene")


async def test_an_input_is_where_the_message_is_typed(host: HostFixture) -> None:
    async with host.app.run_test(size=SIZE) as pilot:
        await pilot.press("m")
        assert host.app.focused is host.app.screen.query_one(Input)
