"""A phone in a real browser for end-to-end tests: the system's Chromium, headless,
driven by Playwright, at a phone's viewport. No browser is downloaded."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("FACILITATOR_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 360, "height": 740}
JOIN_URL = re.compile(r"http://127\.0\.0\.1:\d+/\?t=[A-Za-z0-9_-]+")


def need_chromium() -> None:
    """Fail at once, saying how to get it, when the system has no Chromium."""
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"the browser tests need Chromium at {CHROMIUM} (apt-get install chromium)")


def join_url(screen: str) -> str | None:
    """The join URL `facilitator serve` printed, if it is on the screen."""
    found = JOIN_URL.search(screen)
    return found.group() if found else None
