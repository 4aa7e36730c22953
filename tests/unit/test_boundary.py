"""The domain imports no Textual: only ui/ and cli.py may."""

from __future__ import annotations

import subprocess
import sys

DOMAIN = [
    "facilitator.agenda", "facilitator.clock", "facilitator.timing", "facilitator.session",
    "facilitator.store", "facilitator.events", "facilitator.durations", "facilitator.overview",
    "facilitator.check_report", "facilitator.errors",
]


def test_the_domain_does_not_import_textual() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {name}\n" for name in DOMAIN)
        + "print(sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, timeout=60)
    assert result.stdout.strip() == "[]"


def test_the_check_command_does_not_load_textual() -> None:
    code = (
        "import sys\nfrom facilitator.cli import main\n"
        "main(['check', 'agenda.toml'])\n"
        "print('textual' in sys.modules, file=sys.stderr)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, cwd=str(__import__("pathlib").Path(__file__).parents[2]))
    assert result.stderr.strip() == "False"
