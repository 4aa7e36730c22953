"""Where the server listens and how phones reach it: the address checked, the socket bound
before the server starts (so a port in use is a message, not a traceback), and this
machine's addresses on the local network, read from its interfaces without sending
anything anywhere."""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import struct

from facilitator.errors import FacilitatorError
from facilitator.i18n import t

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
_SIOCGIFADDR = 0x8915


class ServeError(FacilitatorError):
    """The server cannot start as asked: a bad address, a port in use."""


def check_host(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    """The address to bind to; ServeError for anything but an IP address of this form."""
    if host == "localhost":
        host = DEFAULT_HOST
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        raise ServeError(t("serve.bad_host", host=host)) from None


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on `host`:`port`; ServeError when it cannot be had."""
    address = check_host(host)
    if not 0 <= port < 65536:  # 0: any free port, as the output then says
        raise ServeError(t("serve.bad_port", port=port))
    family = socket.AF_INET6 if address.version == 6 else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((str(address), port))
        sock.listen(128)
    except OSError as error:
        sock.close()
        raise ServeError(
            t("serve.cannot_bind", host=host, port=port, reason=error.strerror or error)
        ) from None
    sock.setblocking(False)
    return sock


def lan_addresses() -> list[str]:
    """This machine's IPv4 addresses other than loopback, from its interfaces."""
    found: list[str] = []
    with contextlib.suppress(OSError, AttributeError):
        import fcntl

        probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        try:
            for _index, name in socket.if_nameindex():
                with contextlib.suppress(OSError):
                    packed = struct.pack("256s", name.encode()[:15])
                    answer = fcntl.ioctl(probe.fileno(), _SIOCGIFADDR, packed)
                    found.append(socket.inet_ntoa(answer[20:24]))
        finally:
            probe.close()
    if not found:
        with contextlib.suppress(OSError):
            for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
                found.append(str(info[4][0]))
    usable = []
    for address in found:
        if not ipaddress.ip_address(address).is_loopback and address not in usable:
            usable.append(address)
    return usable


def url_host(address: str) -> str:
    """An address as a URL writes it: IPv6 in brackets."""
    return f"[{address}]" if ":" in address else address


def reachable_hosts(host: str) -> list[str]:
    """The addresses phones can use for a server bound to `host`: every LAN address for a
    wildcard, else the one address."""
    address = check_host(host)
    if address.is_unspecified:
        return lan_addresses() or [DEFAULT_HOST]
    return [str(address)]
