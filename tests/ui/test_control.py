"""The control API's verbs driving the real host screen, through the real HTTP server on
the console's own loop: each call is the host's own action, in the same event log, taken
back by the same ctrl+z."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from facilitator.agenda.model import Agenda
from facilitator.roles.host import HostRun
from facilitator.roles.status import day_status, status_data
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action
from facilitator.ui.app import host_app
from facilitator.ui.dialogs.confirm import ConfirmModal
from tests.ui.control_harness import (
    SIZE,
    TOKEN,
    Controlled,
    controlled_hosts,
    digits,
    events,
    label,
)
from tests.ui.harness import HostFixture


@pytest.fixture
def make_controlled(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> Iterator[Callable[..., Controlled]]:
    yield from controlled_hosts(agenda, store, clock)


@pytest.fixture
def controlled(make_controlled: Callable[..., Controlled]) -> Controlled:
    return make_controlled()


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
