"""The installed command in a real terminal: a preset sent to the whole stage by its
number, the stage's clock-only mode and blackout, and the message clearing with its slot."""

from __future__ import annotations

import pytest

from tests.e2e.terminal import FACILITATOR, Terminal, until

pytestmark = pytest.mark.e2e


def test_the_host_puts_a_preset_on_the_whole_stage_then_the_clock_then_black(
    terminal: Terminal,
) -> None:
    terminal.start("host", FACILITATOR, "run", "--rehearse")
    terminal.wait_for("host", "Press space to start")
    terminal.start("stage", FACILITATOR, "stage", width=100, height=30)
    terminal.wait_for("stage", "Waiting for the host")
    # The agenda's second preset, "Tal højere", on the whole stage (F2).
    terminal.send("host", "Space", "m")
    terminal.wait_for("host", "2  Tal højere")
    terminal.send("host", "2")
    terminal.wait_for("host", "Enter sends: Tal højere")
    terminal.send("host", "F2", "Enter")
    terminal.wait_for("host", "On stage: Tal højere · whole stage")
    terminal.wait_for("stage", "Velkommen til arbejdsmiljødagen")
    terminal.wait_for("stage", "█")  # the message in block capitals, not a line of text
    assert "Tal højere" not in terminal.screen("stage")

    terminal.send("host", "c")
    terminal.wait_for("host", "Stage: clock only (c)")
    until(
        lambda: "Velkommen" not in terminal.screen("stage") and "█" in terminal.screen("stage"),
        "the stage shows the clock alone",
    )
    terminal.send("host", "B")
    terminal.wait_for("host", "Stage: blacked out (B)")
    until(lambda: not terminal.screen("stage").strip(), "the stage goes black")
    terminal.send("host", "B", "n")
    terminal.wait_for("host", "Slot 2 of 14")
    stage = terminal.wait_for("stage", "Opfølgning")
    assert "On stage" not in terminal.screen("host")  # the message went with its slot
    assert "█" in stage  # the countdown is back
    terminal.send("host", "q")
