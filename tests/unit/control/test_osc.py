"""OSC over UDP: the verb from the address, the token and the argument from the
arguments, each message answered to its sender with the status and the JSON body."""

from __future__ import annotations

import asyncio
import json
import socket
from typing import Any

from pythonosc.osc_bundle_builder import IMMEDIATELY, OscBundleBuilder
from pythonosc.osc_message import OscMessage
from pythonosc.osc_message_builder import build_msg

from facilitator.control.osc import REPLY_ADDRESS, OscControl, osc_call
from facilitator.control.verbs import Call, Command

TOKEN = "osc-token-123"


def message(address: str, *args: Any) -> OscMessage:
    return build_msg(address, list(args))


def test_a_message_is_a_call() -> None:
    assert osc_call(message("/facilitator/next", TOKEN)) == Call("next", None, TOKEN)
    assert osc_call(message("/facilitator/addtime", TOKEN, 60)) == Call("addtime", "60", TOKEN)
    assert osc_call(message("/facilitator/addtime", TOKEN, -60.0)) == Call("addtime", "-60", TOKEN)
    assert osc_call(message("/facilitator/goto", TOKEN, "3")) == Call("goto", "3", TOKEN)
    words = message("/facilitator/message", TOKEN, "Round", "off", "please")
    assert osc_call(words) == Call("message", "Round off please", TOKEN)
    assert osc_call(message("/facilitator/next")) == Call("next", None, None)
    assert osc_call(message("/other/next", TOKEN)).verb == "/other/next"  # unknown: 404


class Recorder:
    slot_count = 14

    def __init__(self) -> None:
        self.commands: list[Command] = []

    async def perform(self, command: Command) -> dict[str, Any]:
        self.commands.append(command)
        return {}


async def test_packets_are_carried_out_in_order_and_answered() -> None:
    console = Recorder()
    loop = asyncio.get_running_loop()
    transport, protocol = await loop.create_datagram_endpoint(
        lambda: OscControl(console, TOKEN), local_addr=("127.0.0.1", 0)
    )
    port = transport.get_extra_info("sockname")[1]
    client = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    client.settimeout(30)
    try:

        def send(data: bytes) -> tuple[int, dict[str, Any]]:
            client.sendto(data, ("127.0.0.1", port))
            reply = OscMessage(client.recv(65536))
            assert reply.address == REPLY_ADDRESS
            status, body = reply.params
            return status, json.loads(body)

        async def ask(data: bytes) -> tuple[int, dict[str, Any]]:
            return await asyncio.to_thread(send, data)

        assert await ask(message("/facilitator/start", TOKEN).dgram) == (
            200,
            {"ok": True, "verb": "start"},
        )
        assert (await ask(message("/facilitator/addtime", TOKEN, 60).dgram))[0] == 200
        assert (await ask(message("/facilitator/next", "wrong").dgram))[0] == 403
        assert (await ask(message("/facilitator/next").dgram))[0] == 401
        assert (await ask(message("/facilitator/goto", TOKEN, 0).dgram))[0] == 400
        assert (await ask(message("/facilitator/jump", TOKEN).dgram))[0] == 404
        assert (await ask(b"\x00garbage, not OSC"))[0] == 400
        bundle = OscBundleBuilder(IMMEDIATELY)
        bundle.add_content(message("/facilitator/pause", TOKEN))
        bundle.add_content(message("/facilitator/start", TOKEN))
        bundle_status = await ask(bundle.build().dgram)
        assert bundle_status[0] == 200
        assert console.commands == [
            Command("start"),
            Command("addtime", seconds=60),
            Command("pause"),
            Command("start"),
        ]
    finally:
        client.close()
        protocol.close()
