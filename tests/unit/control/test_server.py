"""The control sockets: addresses read, ports bound before the console starts (a port in
use is a message, not a traceback), the token, and the server stopping when cancelled."""

from __future__ import annotations

import asyncio
import json
import socket
import urllib.error
import urllib.request
from typing import Any

import pytest

from facilitator.control.server import (
    TOKEN_VARIABLE,
    ControlSockets,
    bind,
    control_token,
    parse_address,
    serve,
)
from facilitator.control.verbs import Command
from facilitator.errors import FacilitatorError


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("8765", ("127.0.0.1", 8765)),
        ("0", ("127.0.0.1", 0)),
        ("0.0.0.0:8765", ("0.0.0.0", 8765)),
        ("localhost:80", ("localhost", 80)),
        ("[::1]:8765", ("::1", 8765)),
    ],
)
def test_an_address_is_read(text: str, address: tuple[str, int]) -> None:
    assert parse_address(text, "--control") == address


@pytest.mark.parametrize("text", ["", "abc", "65536", ":8765", "8765:", "-1", "1.5", "host:"])
def test_a_bad_address_says_what_to_give(text: str) -> None:
    with pytest.raises(FacilitatorError) as caught:
        parse_address(text, "--control")
    assert caught.value.exit_status == 2
    assert "--control" in str(caught.value) and "0.0.0.0:8765" in str(caught.value)


def test_a_port_in_use_is_a_message_with_exit_status_2() -> None:
    taken = bind("0", "--control", socket.SOCK_STREAM)
    port = taken.getsockname()[1]
    try:
        with pytest.raises(FacilitatorError) as caught:
            bind(str(port), "--control", socket.SOCK_STREAM)
        assert caught.value.exit_status == 2
        assert f"--control '{port}'" in str(caught.value) and "another program" in str(caught.value)
    finally:
        taken.close()


def test_the_urls_name_the_address_to_call() -> None:
    local = ControlSockets("t" * 8, http=bind("0", "--control", socket.SOCK_STREAM))
    every = ControlSockets("t" * 8, osc=bind("0.0.0.0:0", "--osc", socket.SOCK_DGRAM))
    try:
        assert local.http_url() == f"http://127.0.0.1:{local.http.getsockname()[1]}/"  # type: ignore[union-attr]
        assert local.osc_address() is None and every.http_url() is None
        # On every network, by the computer's name: 0.0.0.0 is no address to call.
        assert every.osc_address() == f"{socket.gethostname()}:{every.osc.getsockname()[1]}"  # type: ignore[union-attr]
    finally:
        local.close()
        every.close()


def test_an_unknown_host_is_a_message() -> None:
    with pytest.raises(FacilitatorError, match="no such address"):
        bind("no-such-host.invalid:8765", "--osc", socket.SOCK_DGRAM)


def test_the_token_is_random_unless_the_variable_sets_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(TOKEN_VARIABLE, raising=False)
    first, second = control_token(), control_token()
    assert first != second and len(first) >= 16
    monkeypatch.setenv(TOKEN_VARIABLE, "stage-deck-2024")
    assert control_token() == "stage-deck-2024"
    for bad in ("short", "with space in it", "tøken-with-letters", ""):
        monkeypatch.setenv(TOKEN_VARIABLE, bad)
        with pytest.raises(FacilitatorError, match=TOKEN_VARIABLE):
            control_token()


class StatusConsole:
    slot_count = 3

    async def perform(self, command: Command) -> dict[str, Any]:
        return {"verb": command.verb}


def _get(url: str) -> tuple[int, dict[str, Any]]:
    try:
        with urllib.request.urlopen(url, timeout=30) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


async def test_the_server_answers_and_lets_its_ports_go_when_cancelled() -> None:
    sockets = ControlSockets(
        "a-token-of-ours",
        http=bind("0", "--control", socket.SOCK_STREAM),
        osc=bind("0", "--osc", socket.SOCK_DGRAM),
    )
    http_port = sockets.http.getsockname()[1]  # type: ignore[union-attr]
    osc_port = sockets.osc.getsockname()[1]  # type: ignore[union-attr]
    task = asyncio.ensure_future(serve(StatusConsole(), sockets))
    url = f"http://127.0.0.1:{http_port}/status?token=a-token-of-ours"
    assert await asyncio.to_thread(_get, url) == (200, {"verb": "status"})
    assert (await asyncio.to_thread(_get, url.replace("ours", "theirs")))[0] == 403
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    # Both ports are free again at once.
    bind(str(http_port), "--control", socket.SOCK_STREAM).close()
    bind(str(osc_port), "--osc", socket.SOCK_DGRAM).close()


def test_the_host_console_loads_no_server_unless_asked() -> None:
    """`facilitator run` without --control paints as fast as before: no uvicorn, no OSC."""
    import subprocess
    import sys

    code = (
        "import sys\nimport facilitator.cli.run\n"
        "print(sorted(m for m in ('uvicorn', 'starlette', 'pythonosc', 'facilitator.control')"
        " if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == "[]", result.stderr


async def test_osc_alone_is_served_until_cancelled() -> None:
    from pythonosc.osc_message import OscMessage
    from pythonosc.osc_message_builder import build_msg

    sockets = ControlSockets("a-token-of-ours", osc=bind("0", "--osc", socket.SOCK_DGRAM))
    port = sockets.osc.getsockname()[1]  # type: ignore[union-attr]
    task = asyncio.ensure_future(serve(StatusConsole(), sockets))

    def ask() -> list[Any]:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as client:
            client.settimeout(30)
            message = build_msg("/facilitator/status", ["a-token-of-ours"])
            client.sendto(message.dgram, ("127.0.0.1", port))
            return list(OscMessage(client.recv(65536)).params)

    assert await asyncio.to_thread(ask) == [200, '{"verb": "status"}']
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    bind(str(port), "--osc", socket.SOCK_DGRAM).close()
