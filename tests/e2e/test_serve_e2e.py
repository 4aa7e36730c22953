"""`facilitator serve` with phones in a real browser: a table's report saved and shown
"✓ Saved", then in the notes file and on a notes console beside it; words sent appear in
the browser's stage view and on the stage screen."""

from __future__ import annotations

import re
import subprocess
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.browser import CHROMIUM, CHROMIUM_ARGS, PHONE, join_url, need_chromium
from tests.e2e.terminal import FACILITATOR, Terminal, until

pytestmark = pytest.mark.e2e

DIALOGUE = "Dialog ved bordene"
REPORT = "Tillid og psykologisk tryghed i teamet"


@pytest.fixture
def browser() -> Iterator[object]:
    need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def test_phones_report_and_send_words(terminal: Terminal, tmp_path: Path, browser) -> None:  # type: ignore[no-untyped-def]
    terminal.start("host", FACILITATOR, "run", "--rehearse")
    terminal.wait_for("host", "Press space to start")
    terminal.send("host", "Space", "g", "Down", "Enter")
    terminal.wait_for("host", "Slot 3 of 14")

    terminal.start("serve", FACILITATOR, "serve", "--port", "0")
    until(lambda: join_url(terminal.screen("serve")), "the join URL")
    url = join_url(terminal.screen("serve"))
    assert url is not None
    terminal.start("desk", FACILITATOR, "notes", "--as", "desk")
    terminal.wait_for("desk", "writing as desk")

    phone = browser.new_context(viewport=PHONE, is_mobile=True).new_page()
    phone.goto(url)
    phone.get_by_role("link", name="Table").first.click()
    phone.get_by_role("button", name="3", exact=True).click()
    phone.get_by_text("Table 3").wait_for()
    phone.get_by_text(DIALOGUE).wait_for()
    phone.locator("textarea").first.fill(REPORT)
    phone.locator("button.save").first.click()
    phone.locator(".status.saved", has_text="✓ Saved").wait_for()

    (folder,) = [path for path in (tmp_path / "sessions").iterdir() if path.is_dir()]
    notes = tomllib.loads((folder / "notes-web.toml").read_text(encoding="utf-8"))
    [note] = notes["note"]
    assert (note["text"], note["table"], note["slot"]) == (REPORT, 3, 2)
    terminal.wait_for("desk", REPORT)
    assert "Table 3" in terminal.screen("desk")

    # Reloaded, the page shows the saved note, not a second empty one.
    phone.reload()
    phone.locator(".status.saved", has_text="✓ Saved").wait_for()
    assert phone.locator("textarea").first.input_value() == REPORT

    # Text typed and not saved survives a reload; saved without a connection it waits on
    # the phone, and goes when the connection comes back.
    second = phone.locator("textarea").nth(1)
    second.fill("Mere feedback")
    phone.reload()
    phone.locator(".status.unsent").first.wait_for()
    assert phone.locator("textarea").nth(1).input_value() == "Mere feedback"
    phone.context.set_offline(True)
    phone.locator("button.save").nth(1).click()
    phone.locator(".status.offline", has_text="No connection").wait_for()
    phone.context.set_offline(False)
    phone.locator(".status.saved").nth(1).wait_for()
    terminal.wait_for("desk", "Mere feedback")

    stage = browser.new_context(viewport=PHONE).new_page()
    stage.goto(url.replace("/?", "/stage?"))
    stage.locator("#stage-title", has_text=DIALOGUE).wait_for()
    # The browser ticks the countdown itself between the server's updates.
    shown = stage.locator("#stage-digits").inner_text()
    assert re.fullmatch(r"\d\d:\d\d", shown)
    stage.wait_for_function(
        "shown => document.getElementById('stage-digits').textContent !== shown", arg=shown
    )
    terminal.send("host", "n", "w")  # the round-up: the dialogue's cloud on stage
    stage.locator("#stage-title", has_text=f"What the tables said: {DIALOGUE}").wait_for()

    words = browser.new_context(viewport=PHONE, is_mobile=True).new_page()
    words.goto(url.replace("/?", "/words?"))
    words.fill("#words-input", "arbejdsglæde")
    words.click("button[type=submit]")
    words.locator("#words-status", has_text="✓ Sent").wait_for()
    stage.locator("#stage-cloud .term", has_text="arbejdsglæde").wait_for()

    terminal.start("stage", FACILITATOR, "stage", width=100, height=40)
    screen = terminal.wait_for("stage", "arbejdsglæde")
    assert "What the tables said" in screen

    # The minutes carry the phone's note and the word among the dialogue's top words.
    minutes = tmp_path / "minutes.md"
    subprocess.run(
        [FACILITATOR, "export", folder.name, "--format", "md", "-o", str(minutes)],
        cwd=tmp_path,
        check=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    text = minutes.read_text(encoding="utf-8")
    assert REPORT in text and "arbejdsglæde (1)" in text

    terminal.send("host", "j")  # the join code on the stage, as the server left it
    screen = terminal.wait_for("stage", "Join from your phone")
    assert url in screen and "█" in screen
