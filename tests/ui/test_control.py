"""The control API driving the real host screen: HTTP through the real server on a free
port, on the console's own loop, and OSC over UDP. Each call is the host's own action:
the same event log, the same undo, shown on the console."""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from pythonosc.osc_message import OscMessage
from pythonosc.osc_message_builder import build_msg

from facilitator.agenda.model import Agenda
from facilitator.control.server import ControlSockets, bind
from facilitator.i18n import set_language
from facilitator.roles.host import HostRun
from facilitator.roles.status import day_status, status_data
from facilitator.session.model import Session
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action
from facilitator.ui.app import host_app
from facilitator.ui.dialogs.confirm import ConfirmModal
from facilitator.ui.dialogs.help import HelpModal
from facilitator.ui.widgets.big_digits import BigDigits
from facilitator.ui.widgets.plain_label import PlainLabel
from tests.ui.harness import HostFixture
from tests.ui.waiting import until

SIZE = (120, 40)
TOKEN = "pilot-token-1234"


@dataclass
class Controlled:
    """A host console serving the control API, and a way to call it."""

    host: HostFixture
    sockets: ControlSockets
    http_port: int
    osc_port: int
    notices: list[str]
    """Every notification shown, kept: a loaded machine may outlast a toast's timeout."""

    async def get(self, path: str, token: str | None = TOKEN, **params: str) -> httpx.Response:
        if token is not None:
            params["token"] = token
        # verify=False: plain HTTP, and no TLS context to build (a quarter second) per call.
        async with httpx.AsyncClient(timeout=30, verify=False) as client:
            return await client.get(f"http://127.0.0.1:{self.http_port}/{path}", params=params)

    async def ok(self, path: str, **params: str) -> dict[str, Any]:
        answer = await self.get(path, **params)
        assert answer.status_code == 200, answer.text
        body: dict[str, Any] = answer.json()
        return body


@pytest.fixture
def make_controlled(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> Iterator[Callable[..., Controlled]]:
    opened: list[ControlSockets] = []

    def make(run: HostRun | None = None, offer_resume: Session | None = None) -> Controlled:
        sockets = ControlSockets(
            TOKEN,
            http=bind("0", "--control", socket.SOCK_STREAM),
            osc=bind("0", "--osc", socket.SOCK_DGRAM),
        )
        opened.append(sockets)
        run = run or HostRun(agenda, store, clock)
        app = host_app(run, offer_resume, sockets)
        bells: list[int] = []
        app.bell = lambda: bells.append(1)  # type: ignore[method-assign]
        notices: list[str] = []
        notify = app.notify

        def record(message: str, **options: Any) -> None:
            notices.append(message)
            notify(message, **options)

        app.notify = record  # type: ignore[method-assign]
        assert sockets.http is not None and sockets.osc is not None
        return Controlled(
            HostFixture(app, run, clock, store, bells),
            sockets,
            sockets.http.getsockname()[1],
            sockets.osc.getsockname()[1],
            notices,
        )

    yield make
    for sockets in opened:  # a test that failed early: let the ports go
        sockets.close()


@pytest.fixture
def controlled(make_controlled: Callable[..., Controlled]) -> Controlled:
    return make_controlled()


def digits(host: HostFixture) -> str:
    return host.screen.query_one(BigDigits).value


def label(host: HostFixture, widget_id: str) -> str:
    return str(host.screen.query_one(f"#{widget_id}", PlainLabel).content)


def events(host: HostFixture) -> list[tuple[Action, int | None, int | None]]:
    return [(e.action, e.seconds, e.slot) for e in host.session().events]


async def test_start_next_and_addtime_move_it_as_the_keys_would(
    controlled: Controlled, agenda: Agenda, clock: FakeClock, tmp_path: Path
) -> None:
    keys_store = SessionStore(tmp_path / "keys")
    keys_run = HostRun(agenda, keys_store, clock)
    keyed = HostFixture(host_app(keys_run), keys_run, clock, keys_store, [])
    host = controlled.host
    async with keyed.app.run_test(size=SIZE) as keys:
        await keys.press("space", "n", "plus")
        keyed_screen = (digits(keyed), label(keyed, "slot-title"), label(keyed, "slot-phase"))
        keyed_events = events(keyed)
    async with host.app.run_test(size=SIZE) as pilot:
        for verb in ("start", "next", "addtime/60"):
            body = await controlled.ok(verb)
            assert body["ok"] is True and body["saved"] is True
        await pilot.pause()
        assert (
            events(host)
            == keyed_events
            == [
                (Action.START, None, None),
                (Action.NEXT, None, None),
                (Action.ADJUST, 60, None),
            ]
        )
        assert (digits(host), label(host, "slot-title"), label(host, "slot-phase")) == keyed_screen
        assert digits(host) == "11:00"
        assert body["current"]["number"] == 2 and body["current"]["remaining_seconds"] == 660
        assert (
            "Via control: next" in controlled.notices and "Via control: +60 s" in controlled.notices
        )
        # The same ctrl+z takes each back, the last first.
        await pilot.press("ctrl+z")
        assert digits(host) == "10:00"
        await pilot.press("ctrl+z")
        assert host.run.state().current == 0
        await pilot.press("ctrl+z")
        assert not host.run.state().started
        assert label(host, "slot-phase") == "Press space to start"
        assert [e.action for e in host.session().events][-3:] == [Action.UNDO] * 3


async def test_a_call_without_the_right_token_changes_nothing(controlled: Controlled) -> None:
    host = controlled.host
    async with host.app.run_test(size=SIZE):
        for token, status in ((None, 401), ("wrong", 403), (TOKEN[:-1], 403), ("", 401)):
            for verb in ("start", "next", "addtime/60", "finish", "status"):
                answer = await controlled.get(verb, token=token)
                assert answer.status_code == status
                assert answer.json()["ok"] is False
        assert host.run.session is None and not host.store.root.exists()
        assert label(host, "slot-phase") == "Press space to start"
        # The token also comes as a header, or as a bearer token.
        async with httpx.AsyncClient(timeout=30, verify=False) as client:
            base = f"http://127.0.0.1:{controlled.http_port}"
            answer = await client.get(f"{base}/status", headers={"X-Facilitator-Token": TOKEN})
            assert answer.status_code == 200
            answer = await client.get(f"{base}/start", headers={"Authorization": f"Bearer {TOKEN}"})
            assert answer.status_code == 200
        assert host.run.state().started


async def test_previous_goto_back_and_finish_act_at_once_and_undo_takes_them_back(
    controlled: Controlled,
) -> None:
    host = controlled.host
    async with host.app.run_test(size=SIZE) as pilot:
        await controlled.ok("start")
        await controlled.ok("goto/5")
        assert host.run.state().current == 4
        await controlled.ok("goto/2")
        assert host.run.state().current == 1
        await controlled.ok("previous")
        assert host.run.state().current == 0
        await controlled.ok("finish")
        await pilot.pause()
        assert not isinstance(host.app.screen, ConfirmModal)
        assert host.run.state().finished and host.session().finished
        answer = await controlled.get("next")
        assert answer.status_code == 409 and answer.json()["error"] == "conflict"
        await pilot.press("ctrl+z")
        assert not host.run.state().finished
        assert [e.action for e in host.session().events] == [
            Action.START,
            Action.GOTO,
            Action.GOTO,
            Action.PREVIOUS,
            Action.FINISH,
            Action.UNDO,
        ]


async def test_what_the_console_cannot_do_now_is_409_and_changes_nothing(
    controlled: Controlled,
) -> None:
    host = controlled.host
    async with host.app.run_test(size=SIZE):
        for verb in ("pause", "previous", "finish", "clearmessage", "goto/1"):
            answer = await controlled.get(verb)
            assert answer.status_code == 409, verb
            assert answer.json()["message"], verb
        assert host.run.session is None
        await controlled.ok("start")
        assert (await controlled.get("start")).status_code == 409  # it runs already
        assert (await controlled.get("addtime/-400")).status_code == 200  # down to zero
        assert (await controlled.get("addtime/-1")).status_code == 409  # nothing left
        assert [e.action for e in host.session().events] == [Action.START, Action.ADJUST]


async def test_pause_and_start_resume(controlled: Controlled) -> None:
    host = controlled.host
    async with host.app.run_test(size=SIZE):
        await controlled.ok("start")
        host.tick(10)
        await controlled.ok("pause")
        assert (await controlled.get("pause")).status_code == 409
        host.tick(100)
        await controlled.ok("start")
        host.tick(1)
        assert digits(host) == "04:49"
        assert [e.action for e in host.session().events] == [
            Action.START,
            Action.PAUSE,
            Action.RESUME,
        ]


async def test_a_message_is_shown_literally_on_one_line_and_cleared(
    controlled: Controlled,
) -> None:
    host = controlled.host
    async with host.app.run_test(size=SIZE):
        await controlled.ok("start")
        await controlled.ok("message", text="[bold red]Round off[/]\x1b[2J\nplease\x07 {x}")
        stage = host.session().stage_message
        assert stage is not None and stage.text == "[bold red]Round off[/] please {x}"
        assert label(host, "stage-message") == "On stage: [bold red]Round off[/] please {x}"
        assert (await controlled.get("message", text=" \x1b ")).status_code == 400
        assert (await controlled.get("message")).status_code == 400
        await controlled.ok("message/Two minutes")  # the text in the path works too
        assert host.session().stage_message.text == "Two minutes"  # type: ignore[union-attr]
        await controlled.ok("clearmessage")
        assert host.session().stage_message is None
        assert (await controlled.get("clearmessage")).status_code == 409


async def test_cloud_puts_the_dialogue_s_words_on_the_stage_and_takes_them_off(
    controlled: Controlled,
) -> None:
    host = controlled.host
    async with host.app.run_test(size=SIZE):
        await controlled.ok("start")
        await controlled.ok("cloud")  # before any dialogue, as `w`: the day's first one
        assert host.session().stage_cloud == 2
        await controlled.ok("cloud")
        assert host.session().stage_cloud is None
        await controlled.ok("goto/11")
        await controlled.ok("cloud")
        assert host.session().stage_cloud == 10


async def test_status_is_the_json_of_facilitator_status(controlled: Controlled) -> None:
    host = controlled.host
    async with host.app.run_test(size=SIZE):
        before = await controlled.ok("status")
        assert before["session"]["id"] is None and before["started"] is False
        assert before["current"]["number"] == 1 and len(before["slots"]) == 14
        await controlled.ok("start")
        host.tick(400)  # into overtime: the status offers a re-plan
        await controlled.ok("next")
        status = await controlled.ok("status")
        expected = status_data(day_status(host.session(), host.clock))
        assert json.loads(json.dumps(expected)) == status
        assert status["replan"] is not None and status["current"]["number"] == 2


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
