"""Keys typed ahead of a screen: every key reaches the screen in front, in the order typed,
however slow the machine, and none crashes a console that is closing."""

from __future__ import annotations

from textual import events

from facilitator.ui.screens.host import HostScreen
from tests.ui.harness import HostFixture
from tests.ui.waiting import until

SIZE = (120, 40)


def typed(keys: list[str]) -> list[events.Key]:
    """Keys as the terminal sends them, "space" with its character."""
    return [
        events.Key(key, " " if key == "space" else key if len(key) == 1 else None) for key in keys
    ]


async def test_messages_typed_in_one_go_arrive_whole_and_in_order(host: HostFixture) -> None:
    """Three boxes opened, filled and sent without waiting for any of them: the keys of
    each message reach its own box, and the keys after Enter open the next one."""
    texts = ["Go on", "Room B", "Stop"]
    async with host.app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        for key in typed([key for text in texts for key in ["m", *text, "enter"]]):
            host.app.post_message(key)
        await until(pilot, lambda: len(host.session().messages) == len(texts), "3 messages")
        await until(pilot, lambda: isinstance(host.app.screen, HostScreen), "the last box")
        assert [message.text for message in host.session().messages] == texts
        assert host.run.state().current == 0  # "n" and "p" went into the boxes


async def test_keys_after_a_dialog_closes_reach_the_console(host: HostFixture) -> None:
    """Keys "g", two arrows and Enter pick slot 3, and the "n" typed right after goes on to 4."""
    async with host.app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        for key in typed(["g", "down", "down", "enter", "n"]):
            host.app.post_message(key)
        await until(pilot, lambda: host.run.state().current == 4, "slot 4")
        assert isinstance(host.app.screen, HostScreen)


async def test_a_key_that_arrives_while_the_app_closes_is_dropped(host: HostFixture) -> None:
    async with host.app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
    assert not host.app.screen_stack  # closed: no screen to send keys to
    await host.app.on_event(events.Key("n", "n"))
    assert host.run.state().current == 0
