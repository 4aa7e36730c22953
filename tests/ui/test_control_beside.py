"""The control API beside the host's own use of the console: a read-only console, a
question pending, dialogs and the notes, the console's language, many calls at once,
quitting, and OSC over UDP."""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from pythonosc.osc_message import OscMessage
from pythonosc.osc_message_builder import build_msg

from facilitator.agenda.model import Agenda
from facilitator.control.server import bind
from facilitator.i18n import set_language
from facilitator.roles.host import HostRun
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action
from facilitator.ui.dialogs.confirm import ConfirmModal
from facilitator.ui.dialogs.help import HelpModal
from facilitator.ui.widgets.plain_label import PlainLabel
from tests.ui.control_harness import SIZE, TOKEN, Controlled, controlled_hosts, events
from tests.ui.waiting import until


@pytest.fixture
def make_controlled(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> Iterator[Callable[..., Controlled]]:
    yield from controlled_hosts(agenda, store, clock)


@pytest.fixture
def controlled(make_controlled: Callable[..., Controlled]) -> Controlled:
    return make_controlled()


async def test_a_console_that_follows_read_only_refuses_every_action(
    agenda: Agenda,
    store: SessionStore,
    clock: FakeClock,
    make_controlled: Callable[..., Controlled],
) -> None:
    holder = HostRun(agenda, store, clock)
    holder.act(Action.START)
    second = HostRun(agenda, store, clock)
    assert second.begin() is None and second.read_only
    follower = make_controlled(run=second)
    async with follower.host.app.run_test(size=SIZE):
        for verb in ("next", "start", "pause", "addtime/60", "cloud", "finish", "message/hi"):
            answer = await follower.get(verb)
            assert answer.status_code == 409, verb
            assert "Read-only" in answer.json()["message"]
        assert (await follower.ok("status"))["current"]["phase"] == "running"
    assert holder.session is not None
    assert [e.action for e in store.load(holder.session.id).events] == [Action.START]
    holder.close()


async def test_while_the_console_asks_a_question_calls_wait_for_the_answer(
    agenda: Agenda,
    store: SessionStore,
    clock: FakeClock,
    make_controlled: Callable[..., Controlled],
) -> None:
    earlier = HostRun(agenda, store, clock)
    earlier.act(Action.START)
    earlier.close()  # a console that crashed: its session is offered for resumption
    run = HostRun(agenda, store, clock)
    offer = run.begin()
    assert offer is not None
    controlled = make_controlled(run=run, offer_resume=offer)
    host = controlled.host
    async with host.app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(host.app.screen, ConfirmModal), "the question")
        for verb in ("start", "next", "message/hi", "finish"):
            answer = await controlled.get(verb)
            assert answer.status_code == 409 and "question" in answer.json()["message"]
        assert (await controlled.ok("status"))["session"]["id"] is None
        assert len(list(store.root.iterdir())) == 1  # no second session was started
        await pilot.press("y")
        await controlled.ok("next")
        assert host.session().id == offer.id
        assert [e.action for e in host.session().events] == [Action.START, Action.NEXT]


async def test_calls_reach_the_host_under_a_dialog_and_from_the_notes(
    controlled: Controlled,
) -> None:
    host = controlled.host
    async with host.app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        help_modal = host.app.screen
        assert isinstance(help_modal, HelpModal)
        lines = [str(label.content) for label in help_modal.query(PlainLabel)]
        assert f"Control token: {TOKEN}" in lines
        assert f"Control API: http://127.0.0.1:{controlled.http_port}/VERB?token=…" in lines
        await controlled.ok("start")
        assert host.run.state().started and host.app.screen is help_modal
        await pilot.press("escape", "tab")
        await until(pilot, lambda: host.app.current_mode == "notes", "the notes")
        await controlled.ok("next")
        assert host.run.state().current == 1


async def test_each_action_shows_on_the_console_in_its_language(controlled: Controlled) -> None:
    host = controlled.host
    set_language("da")
    async with host.app.run_test(size=SIZE) as pilot:
        await controlled.ok("start")
        await controlled.ok("goto/4")
        await pilot.pause()
        assert "Via fjernbetjening: start" in controlled.notices
        assert "Via fjernbetjening: gå til punkt 4" in controlled.notices
        answer = await controlled.get("goto/99")
        assert "fra 1 til 14" in answer.json()["message"]


async def test_many_calls_at_once_are_each_taken_once_in_turn(controlled: Controlled) -> None:
    host = controlled.host
    async with host.app.run_test(size=SIZE) as pilot:
        await controlled.ok("start")
        calls = [controlled.get("addtime/60" if n % 2 else "addtime/-60") for n in range(40)]
        calls += [controlled.get("next", token="nope") for _ in range(10)]
        answers = await asyncio.gather(*calls)
        taken = sum(answer.status_code == 200 for answer in answers)
        assert {answer.status_code for answer in answers} <= {200, 403, 409}
        assert len(host.session().events) == 1 + taken
        await pilot.press("n")  # the keys still work
        assert host.run.state().current == 1


async def test_quitting_stops_the_server_and_lets_the_ports_go(controlled: Controlled) -> None:
    url = f"http://127.0.0.1:{controlled.http_port}/status?token={TOKEN}"
    async with httpx.AsyncClient(timeout=30, verify=False) as client:
        async with controlled.host.app.run_test(size=SIZE) as pilot:
            # A connection kept open, as Companion keeps one, does not hold the console.
            assert (await client.get(url)).status_code == 200
            await pilot.press("q")
            await until(pilot, lambda: not controlled.host.app.is_running, "the console to quit")
        with pytest.raises(httpx.TransportError):
            await client.get(url)
    bind(str(controlled.http_port), "--control", socket.SOCK_STREAM).close()
    bind(str(controlled.osc_port), "--osc", socket.SOCK_DGRAM).close()


def _osc(port: int, address: str, *args: Any) -> tuple[int, dict[str, Any]]:
    """Send one OSC message and wait for its answer."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as client:
        client.settimeout(30)
        client.sendto(build_msg(address, list(args)).dgram, ("127.0.0.1", port))
        status, body = OscMessage(client.recv(65536)).params
        return status, json.loads(body)


async def test_osc_packets_drive_the_console_like_http(controlled: Controlled) -> None:
    host = controlled.host
    port = controlled.osc_port

    async def osc(address: str, *args: Any) -> tuple[int, dict[str, Any]]:
        return await asyncio.to_thread(_osc, port, address, *args)

    async with host.app.run_test(size=SIZE) as pilot:
        assert (await osc("/facilitator/start", "wrong"))[0] == 403
        assert host.run.session is None
        assert (await osc("/facilitator/start", TOKEN))[0] == 200
        status, body = await osc("/facilitator/addtime", TOKEN, 60)
        assert status == 200 and body["current"]["remaining_seconds"] == 360
        assert (await osc("/facilitator/next", TOKEN))[0] == 200
        assert (await osc("/facilitator/goto", TOKEN, 0))[0] == 400
        assert (await osc("/facilitator/message", TOKEN, "Two", "minutes"))[0] == 200
        assert events(host) == [
            (Action.START, None, None),
            (Action.ADJUST, 60, None),
            (Action.NEXT, None, None),
        ]
        assert host.session().stage_message.text == "Two minutes"  # type: ignore[union-attr]
        await pilot.press("ctrl+z")
        assert host.run.state().current == 0
