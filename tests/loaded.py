"""What importing some modules loads, seen from a fresh interpreter: a first frame must
come before pydantic, whatever earlier tests have imported into this one."""

from __future__ import annotations

import ast
import subprocess
import sys


def packages_loaded_by(modules: list[str], package: str) -> list[str]:
    """The modules of `package` that importing `modules` loads, in a fresh interpreter."""
    code = (
        "import sys\n"
        + "".join(f"import {module}\n" for module in modules)
        + f"print(sorted(name for name in sys.modules if name.split('.')[0] == {package!r}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    loaded: list[str] = ast.literal_eval(result.stdout)  # the list printed above
    return loaded
