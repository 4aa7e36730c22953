"""The command as installed: its package holds every data file, and each console opens.

`make test-e2e` runs these with the wheel installed in a venv of its own
(FACILITATOR_EXPECT_WHEEL=1), so a stylesheet or word list missing from the wheel fails
here, not on stage.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.terminal import FACILITATOR, Terminal
from tests.seed import ROOT

pytestmark = pytest.mark.e2e


def installed_package(cwd: Path) -> Path:
    """Where the Python beside the command imports facilitator from, outside the tree."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    result = subprocess.run(
        [sys.executable, "-c", "import facilitator; print(facilitator.__file__)"],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    )
    return Path(result.stdout.strip()).parent


def data_files(package: Path) -> set[str]:
    return {
        str(path.relative_to(package))
        for path in package.rglob("*")
        if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts
    }


def test_the_installed_package_holds_every_data_file(tmp_path: Path) -> None:
    package = installed_package(tmp_path)
    if os.environ.get("FACILITATOR_EXPECT_WHEEL") == "1":
        assert package != ROOT / "facilitator", "expected the wheel, got the source tree"
        assert Path(FACILITATOR).parent == Path(sys.executable).parent
    missing = data_files(ROOT / "facilitator") - data_files(package)
    assert not missing, f"not installed: {sorted(missing)}"


def test_every_console_opens_from_the_installed_command(terminal: Terminal) -> None:
    terminal.start("host", FACILITATOR, "run", "--rehearse")
    terminal.wait_for("host", "Press space to start")
    terminal.send("host", "?")
    terminal.wait_for("host", "Press any key to close")
    # Close the help, start, and send a message through its dialog, typed in one go.
    terminal.send("host", "x", "Space", "m", "Hej", "Enter")
    terminal.wait_for("host", "On stage: Hej")

    terminal.start("stage", FACILITATOR, "stage", width=100, height=30)
    terminal.wait_for("stage", "Velkommen til arbejdsmiljødagen")
    terminal.start("desk", FACILITATOR, "notes", "--as", "desk")
    terminal.wait_for("desk", "writing as desk")
    terminal.start("review", FACILITATOR, "review")
    terminal.wait_for("review", "Hovedudvalgets arbejdsmiljødag")
    for name in ("host", "stage", "desk", "review"):
        assert "Traceback" not in terminal.screen(name)
