"""Screenshots of every page of `facilitator serve` at a phone's width, in English and in
Danish, to look at after a change to the pages. Run from the repository's root:

    .venv/bin/python tools/web_screenshots.py [OUTPUT_FOLDER]

It records a day at its first dialogue (notes from a table, words for the cloud), starts
the real `facilitator serve` beside it, and photographs the pages with the system's
Chromium (/usr/bin/chromium) through Playwright. The pictures go to OUTPUT_FOLDER
(default /tmp/facilitator-screenshots), not into the repository.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from facilitator.agenda.model import load_agenda
from facilitator.roles.host import HostRun
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: the tests' browser settings are one import away

from tests.e2e.browser import CHROMIUM, CHROMIUM_ARGS, JOIN_URL  # noqa: E402

FACILITATOR = str(Path(sys.executable).parent / "facilitator")


def record_day(sessions: Path) -> HostRun:
    """The seed day, started now, at its first dialogue; the host keeps it for `w`."""
    host = HostRun(
        load_agenda(ROOT / "agenda.toml"), SessionStore(sessions), FakeClock(datetime.now(UTC))
    )
    host.act(Action.START)
    host.act(Action.GOTO, slot=2)
    return host


def serve(sessions: Path, language: str) -> tuple[subprocess.Popen[str], str]:
    """`facilitator serve` in `language`; the process and its join URL."""
    server = subprocess.Popen(
        [FACILITATOR, "serve", "--sessions", str(sessions), "--port", "0", "--lang", language],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert server.stdout is not None
    for line in server.stdout:
        found = JOIN_URL.search(line)
        if found:
            return server, found.group()
    raise RuntimeError("no join URL")


def shoot(page: Page, path: Path) -> None:
    page.wait_for_timeout(700)
    page.screenshot(path=str(path), full_page=True)
    print(path)


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/facilitator-screenshots")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for language in ("en", "da"):
            sessions = Path(folder) / language
            host = record_day(sessions)
            server, url = serve(sessions, language)
            try:
                page = browser.new_context(viewport={"width": 360, "height": 740}).new_page()
                page.on("pageerror", lambda error: print("page error:", error))
                at = url.replace("/?", "/{}?")
                page.goto(url)
                shoot(page, out / f"{language}-index.png")
                page.goto(at.format("table"))
                shoot(page, out / f"{language}-table-picker.png")
                page.locator(".table-button").nth(2).click()
                page.locator("textarea").first.fill("Tillid og psykologisk tryghed i teamet <b>")
                page.locator("button.save").first.click()
                page.locator(".status.saved").first.wait_for()
                page.locator("textarea").nth(1).fill("Ikke gemt endnu")
                shoot(page, out / f"{language}-table.png")
                page.goto(at.format("words"))
                for words in ("arbejdsglæde", "tillid", "psykologisk tryghed"):
                    page.fill("#words-input", words)
                    page.click("button[type=submit]")
                    page.locator("#words-sent li", has_text=words).wait_for()
                shoot(page, out / f"{language}-words.png")
                page.goto(at.format("stage"))
                shoot(page, out / f"{language}-stage.png")
                host.send_message("5 min")
                host.toggle_cloud()
                page.locator("#stage-cloud .term").first.wait_for()
                time.sleep(0.5)
                shoot(page, out / f"{language}-stage-cloud.png")
                page.goto(at.format("agenda"))
                page.locator("#agenda-rows tr").first.wait_for()
                shoot(page, out / f"{language}-agenda.png")
                wide = browser.new_context(viewport={"width": 1280, "height": 720}).new_page()
                wide.goto(at.format("stage"))
                shoot(wide, out / f"{language}-stage-projector.png")
                host.toggle_cloud()
                host.toggle_join()
                page.goto(at.format("stage"))
                page.locator("#stage-join-code").wait_for()
                shoot(page, out / f"{language}-stage-join.png")
            finally:
                server.terminate()
                server.wait(10)
                host.close()
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
