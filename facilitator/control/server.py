"""The control server: its sockets bound before the console starts, then HTTP (uvicorn) and
OSC served on the console's own event loop until it quits.

Binding first lets a port in use or a bad address end the command with a message and exit
status 2 before the console takes the terminal. uvicorn runs without its signal handlers
(the console has its own keys for quitting) and without logging to the terminal, which
the console owns.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import os
import re
import secrets
import socket
from collections.abc import Generator
from dataclasses import dataclass

import uvicorn

from facilitator.control.http import http_app
from facilitator.control.osc import OscControl
from facilitator.control.verbs import Console
from facilitator.errors import FacilitatorError
from facilitator.i18n import t

TOKEN_VARIABLE = "FACILITATOR_CONTROL_TOKEN"
"""A token to use instead of a new random one, so buttons set up once keep working."""
_TOKEN = re.compile(r"[A-Za-z0-9._~-]{8,128}")
DEFAULT_HOST = "127.0.0.1"


@dataclass
class ControlSockets:
    """What `--control` and `--osc` bound, and the token every call must carry."""

    token: str
    http: socket.socket | None = None
    osc: socket.socket | None = None

    def close(self) -> None:
        """Let the ports go (when the console does not start, or after it quit)."""
        for sock in (self.http, self.osc):
            if sock is not None:
                sock.close()

    def http_url(self) -> str | None:
        """The base URL of the HTTP API, e.g. http://127.0.0.1:8765/."""
        if self.http is None:
            return None
        return f"http://{_host_port(self.http)}/"

    def osc_address(self) -> str | None:
        """Where OSC is taken, e.g. 127.0.0.1:9000 (UDP)."""
        return None if self.osc is None else _host_port(self.osc)


def _host_port(sock: socket.socket) -> str:
    """Where to reach `sock`: a socket on every network (0.0.0.0, ::) by this computer's
    name, as another computer on the network would call it."""
    host, port = sock.getsockname()[:2]
    if host in ("0.0.0.0", "::"):
        host = socket.gethostname()
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def control_token() -> str:
    """The token from FACILITATOR_CONTROL_TOKEN, else a new random one."""
    given = os.environ.get(TOKEN_VARIABLE)
    if given is None:
        return secrets.token_urlsafe(12)
    if not _TOKEN.fullmatch(given):
        raise FacilitatorError(t("control.token_variable", variable=TOKEN_VARIABLE))
    return given


def parse_address(text: str, option: str) -> tuple[str, int]:
    """`PORT`, `ADDR:PORT` or `[IPv6]:PORT` as (host, port); 127.0.0.1 without ADDR."""
    host, _, port = text.strip().rpartition(":")
    host = host.removeprefix("[").removesuffix("]") if host.startswith("[") else host
    if not port.isdigit() or int(port) > 65535 or (host == "" and ":" in text):
        raise FacilitatorError(t("control.bad_address", option=option, value=text))
    return host or DEFAULT_HOST, int(port)


def bind(text: str, option: str, kind: socket.SocketKind) -> socket.socket:
    """A socket bound to `text` ([ADDR:]PORT), TCP listening or UDP; FacilitatorError
    naming the option and the reason when the address is bad or the port taken."""
    host, port = parse_address(text, option)
    try:
        family, _, _, _, address = socket.getaddrinfo(host, port, type=kind)[0]
    except (socket.gaierror, UnicodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise FacilitatorError(
            t("control.bad_host", option=option, value=text, reason=reason)
        ) from None
    sock = socket.socket(family, kind)
    try:
        if kind == socket.SOCK_STREAM:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        if kind == socket.SOCK_STREAM:
            sock.listen(64)
    except OSError as error:
        sock.close()
        key = "control.port_in_use" if error.errno == errno.EADDRINUSE else "control.cannot_bind"
        reason = error.strerror or str(error)
        raise FacilitatorError(t(key, option=option, value=text, reason=reason)) from None
    sock.setblocking(False)
    return sock


class QuietServer(uvicorn.Server):
    """uvicorn without its signal handlers and without its tick: the console decides when
    it quits, by cancelling `serve`."""

    @contextlib.contextmanager
    def capture_signals(self) -> Generator[None, None, None]:
        """Leave the console's signal handlers as they are."""
        yield

    async def main_loop(self) -> None:
        """Wait to be cancelled. uvicorn wakes ten times a second to look for a signal and
        renew its Date header, which would double an idle console's CPU; without a Date
        header (`date_header=False`) there is nothing to renew."""
        await self.on_tick(0)
        await asyncio.Event().wait()


def _quiet_logging() -> None:
    """uvicorn's messages go nowhere: the terminal belongs to the console."""
    logger = logging.getLogger("uvicorn")
    if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
        logger.addHandler(logging.NullHandler())
    logger.propagate = False


async def serve(console: Console, sockets: ControlSockets) -> None:
    """Serve HTTP and OSC on `sockets` until cancelled; the sockets are closed after."""
    _quiet_logging()
    osc: OscControl | None = None
    server: QuietServer | None = None
    try:
        if sockets.osc is not None:
            osc = OscControl(console, sockets.token)
            loop = asyncio.get_running_loop()
            await loop.create_datagram_endpoint(lambda: osc, sock=sockets.osc)
        if sockets.http is None:
            await asyncio.Event().wait()  # OSC only: serve until cancelled
            return
        config = uvicorn.Config(
            http_app(console, sockets.token),
            log_config=None,
            access_log=False,
            lifespan="off",
            date_header=False,
            server_header=False,
        )
        server = QuietServer(config)
        await server.serve(sockets=[sockets.http])
    finally:
        if server is not None:
            _stop(server)
        if osc is not None:
            osc.close()
        sockets.close()


def _stop(server: QuietServer) -> None:
    """Stop listening and close open connections at once: the console is quitting."""
    server.should_exit = True
    for listener in getattr(server, "servers", []):
        listener.close()
    for connection in list(server.server_state.connections):
        connection.shutdown()
