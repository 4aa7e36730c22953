"""An exception no handler caught: the app keeps it for the crash log, exits with 1 and
prints no traceback over the terminal; the command writes the log and one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.cli.crash import EXIT_CRASH, run_console, write_crash_log
from facilitator.roles.host import HostRun
from tests.ui.conftest import HostFixture

SIZE = (120, 40)


def broken(self: HostRun, text: str, **options: bool) -> None:
    raise RuntimeError("broken on purpose")


async def test_the_app_keeps_the_exception_and_exits_with_1(
    host: HostFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(HostRun, "send_message", broken)
    with pytest.raises(RuntimeError, match="broken on purpose"):  # Pilot raises it again
        async with host.app.run_test(size=SIZE) as pilot:
            await pilot.press("space", "m", *"hi", "enter")
            await pilot.pause()
    assert isinstance(host.app.crash, RuntimeError)
    assert host.app.return_code == 1
    assert not host.app._exit_renderables  # the traceback goes to the log, not the terminal
    assert not host.session().finished  # what was written stays, to be resumed


class CrashingApp:
    """Stands in for a FacilitatorApp whose handler raised: what `run` leaves behind."""

    def __init__(self, error: Exception | None) -> None:
        self.crash = error
        self.failure = None  # no file refused after a first frame

    def run(self) -> None:
        return None


def raised() -> RuntimeError:
    try:
        raise RuntimeError("broken on purpose")
    except RuntimeError as error:
        return error


def test_a_crash_is_logged_in_the_folder_with_one_line_and_status_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "sessions" / "day"
    app = CrashingApp(raised())
    status = run_console(app, lambda: folder)  # type: ignore[arg-type]
    assert status == EXIT_CRASH == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unexpected error" in err
    (log,) = folder.glob("crash-*.log")
    assert str(log) in err
    text = log.read_text()
    assert "Traceback (most recent call last)" in text and "broken on purpose" in text
    assert run_console(CrashingApp(None), lambda: folder) == 0  # type: ignore[arg-type]


def test_a_folder_that_cannot_be_written_sends_the_log_to_the_temporary_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    spare = tmp_path / "tmp"
    spare.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(spare))
    path = write_crash_log(raised(), blocked)
    assert path.parent == spare and "broken on purpose" in path.read_text()
