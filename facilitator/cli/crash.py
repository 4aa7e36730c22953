"""What a console command does when its app stops on an exception nothing caught: the
traceback goes to a crash log beside the session, the terminal gets one line saying where,
and the command exits with status 1. The session stays resumable: the role objects still
write and release what they hold after the app has stopped.
"""

from __future__ import annotations

import platform
import sys
import tempfile
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from facilitator import __version__
from facilitator.i18n import t
from facilitator.ui.app import FacilitatorApp

EXIT_CRASH = 1


def run_console(app: FacilitatorApp, folder: Callable[[], Path]) -> int:
    """Run `app`; 0 when it quits, 1 after a crash, logged in `folder()` (asked only then:
    the session a console shows can change while it runs). A file the app refused as it
    opened (after its first frame) is raised here, for the command line to report."""
    app.run()  # Textual restores the terminal before this returns
    if app.failure is not None:
        raise app.failure
    if app.crash is None:
        return 0
    path = write_crash_log(app.crash, folder())
    print(t("cli.crashed", path=path), file=sys.stderr)
    return EXIT_CRASH


def write_crash_log(error: BaseException, folder: Path, now: datetime | None = None) -> Path:
    """Write `error` with its traceback to `folder`/crash-<time>.log, or to the system's
    temporary folder when `folder` cannot be written; the path written."""
    moment = now or datetime.now().astimezone()
    text = "".join(
        [
            f"facilitator {__version__} on Python {platform.python_version()}, "
            f"{moment.isoformat(timespec='seconds')}\n",
            f"command: {' '.join(sys.argv)}\n\n",
            *traceback.format_exception(error),
        ]
    )
    name = f"crash-{moment.strftime('%Y%m%d-%H%M%S')}.log"
    for place in (folder, Path(tempfile.gettempdir())):
        try:
            place.mkdir(parents=True, exist_ok=True)
            path = place / name
            with path.open("a", encoding="utf-8") as handle:
                handle.write(text)
            return path
        except OSError:
            continue
    return Path(name)  # nowhere to write: at least the line names what was lost
