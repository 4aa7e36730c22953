"""The control verbs over OSC (UDP): `/facilitator/next TOKEN`, `/facilitator/addtime TOKEN 60`.

The token is the first argument and the verb's own argument the second, as Companion's
generic OSC module sends them (a number or a string; the words of a message may also come
as several strings). Each message is answered to its sender with
`/facilitator/reply STATUS JSON`: the same status and body as over HTTP.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any, cast

from pythonosc.osc_message import OscMessage
from pythonosc.osc_message_builder import build_msg
from pythonosc.osc_packet import OscPacket

from facilitator.control.verbs import Call, Console, ControlError, Reply, dispatch
from facilitator.i18n import t

PREFIX = "/facilitator/"
REPLY_ADDRESS = "/facilitator/reply"

Address = tuple[str, int] | tuple[str, int, int, int]


class OscControl(asyncio.DatagramProtocol):
    """Reads each datagram as OSC, carries its messages out in order, answers the sender."""

    def __init__(self, console: Console, token: str) -> None:
        self.console = console
        self.token = token
        self.transport: asyncio.DatagramTransport | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        """Keep the transport to answer on."""
        # The selector loop's datagram transport does not derive from DatagramTransport.
        self.transport = cast(asyncio.DatagramTransport, transport)

    def datagram_received(self, data: bytes, addr: Address) -> None:
        """Start carrying out the packet's messages; a packet that is not OSC is answered
        with 400."""
        try:
            messages = [timed.message for timed in OscPacket(data).messages]
        except Exception:  # ParseError and worse: no packet may stop the console
            error = ControlError(400, "not_osc", t("control.not_osc"))
            self._answer(error.reply(), addr)
            return
        task = asyncio.ensure_future(self._carry_out(messages, addr))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _carry_out(self, messages: list[Any], addr: Address) -> None:
        for message in messages:
            if isinstance(message, OscMessage):
                self._answer(await dispatch(self.console, self.token, osc_call(message)), addr)

    def _answer(self, reply: Reply, addr: Address) -> None:
        if self.transport is None or self.transport.is_closing():
            return
        body = json.dumps(reply.body, ensure_ascii=False)
        self.transport.sendto(build_msg(REPLY_ADDRESS, [reply.status, body]).dgram, addr)

    def close(self) -> None:
        """Stop answering: close the socket and drop calls still under way."""
        for task in list(self._tasks):
            task.cancel()
        if self.transport is not None:
            self.transport.close()


def osc_call(message: OscMessage) -> Call:
    """The call an OSC message makes: the verb from its address, then token and argument."""
    address = message.address
    verb = address[len(PREFIX) :] if address.startswith(PREFIX) else address
    params = list(message.params)
    token = str(params[0]) if params else None
    words = [_text(param) for param in params[1:]]
    return Call(verb, " ".join(words) if words else None, token)


def _text(value: object) -> str:
    """An OSC argument as the text an HTTP path would carry: 60.0 is 60."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)
