"""The layers hold: import-linter's contracts in pyproject.toml, and `check` and `status`
start without Textual."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from importlinter.cli import lint_imports

ROOT = Path(__file__).parents[2]
EXAMPLE = sorted(path.name for path in (ROOT / "sessions").iterdir() if path.is_dir())[0]
"""The repository's example session."""


def test_the_import_contracts_are_kept(capsys) -> None:  # type: ignore[no-untyped-def]
    """Each layer imports only those below it, and only ui/ imports Textual."""
    status = lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True, no_logo=True)
    assert status == 0, capsys.readouterr().out


@pytest.mark.parametrize(
    "command",
    [
        ["check", "agenda.toml"],
        ["status", EXAMPLE],
        ["status", "--json", EXAMPLE],
    ],
)
def test_the_command_does_not_load_textual(command: list[str]) -> None:
    code = (
        "import sys\nfrom facilitator.cli import main\n"
        f"assert main({command!r}) == 0\n"
        "print('textual' in sys.modules, file=sys.stderr)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=str(ROOT)
    )
    assert result.stderr.strip() == "False"
