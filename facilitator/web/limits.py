"""Limits for a server open to every phone in the room: the size of a request body, and
how many writes one device may make in a while.

A device is the random id its browser keeps (header `X-Facilitator-Device`), within its
network address; a sender that makes up a new id for every request falls back, past
`DEVICES_PER_ADDRESS`, to one bucket shared by every new id of that address.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request

DEVICE_HEADER = "x-facilitator-device"
DEVICES_PER_ADDRESS = 200
"""Distinct device ids kept per address; a loopback test of many phones fits."""
_DEVICE_ID_LENGTH = 64


class TooLarge(HTTPException):
    """A body over its limit: 413, before any of it is parsed."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"Request body over {limit} bytes")


async def read_json(request: Request, limit: int) -> dict[str, Any]:
    """The request's JSON object, refused with 413 once its body passes `limit` bytes (the
    declared length is checked first, then what really arrives) and 400 if it is no
    JSON object."""
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        raise TooLarge(limit)
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > limit:
            raise TooLarge(limit)
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise HTTPException(400, "Not JSON") from None
    if not isinstance(data, dict):
        raise HTTPException(400, "Not a JSON object")
    return data


def device_of(request: Request) -> str:
    """The device id a request names, cut to a sane length; "" if it names none."""
    return request.headers.get(DEVICE_HEADER, "")[:_DEVICE_ID_LENGTH]


@dataclass
class _Bucket:
    tokens: float
    at: float


class RateLimit:
    """A token bucket per device: `burst` writes at once, then `per_second` on average.

    Thread-safe; `clock` is injectable for tests.
    """

    def __init__(
        self,
        per_second: float = 2.0,
        burst: int = 20,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.per_second = per_second
        self.burst = burst
        self.clock = clock
        self._buckets: dict[tuple[str, str], _Bucket] = {}
        self._devices: dict[str, int] = {}
        self._mutex = threading.Lock()

    def allow(self, address: str, device: str) -> bool:
        """Take one write from the device's bucket; False when it is empty."""
        now = self.clock()
        with self._mutex:
            key = (address, device)
            bucket = self._buckets.get(key)
            if bucket is None:
                if self._devices.get(address, 0) >= DEVICES_PER_ADDRESS:
                    key = (address, "")  # one shared bucket for ids made up past the cap
                    bucket = self._buckets.get(key)
                if bucket is None:
                    bucket = self._buckets[key] = _Bucket(float(self.burst), now)
                    self._devices[address] = self._devices.get(address, 0) + 1
            bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.at) * self.per_second)
            bucket.at = now
            if bucket.tokens < 1:
                return False
            bucket.tokens -= 1
            return True

    def check(self, request: Request) -> None:
        """429 when the request's device has written too much lately."""
        address = request.client.host if request.client else ""
        if not self.allow(address, device_of(request)):
            raise HTTPException(429, "Too many requests")
