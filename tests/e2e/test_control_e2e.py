"""The installed command with `--control`: a stage crew's HTTP calls move the host console
exactly as its keys do, ctrl+z takes each back, and a wrong token changes nothing."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import tomllib
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.terminal import FACILITATOR, Terminal, until

pytestmark = pytest.mark.e2e


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def get(url: str) -> tuple[int, dict[str, Any]]:
    """GET `url` as curl would: the status and the JSON body, errors included."""
    try:
        with urllib.request.urlopen(url, timeout=30) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def events(sessions: Path) -> list[tuple[str, int | None]]:
    """The actions (and seconds) in the one session under `sessions`."""
    if not sessions.exists():
        return []
    (folder,) = [path for path in sessions.iterdir() if path.is_dir()]
    session = tomllib.loads((folder / "session.toml").read_text())
    return [(event["action"], event.get("seconds")) for event in session.get("event", [])]


def test_http_calls_move_the_console_as_its_keys_do_and_undo_takes_them_back(
    terminal: Terminal, tmp_path: Path
) -> None:
    port = free_port()
    terminal.start("host", FACILITATOR, "run", "--rehearse", "--control", str(port))
    terminal.wait_for("host", "Press space to start")
    # The host finds the token in the help, as a stage crew would ask for it.
    terminal.send("host", "?")
    # The help itself, not the notice that also names the token as the console opens.
    screen = terminal.wait_for("host", "Show every key")
    match = re.search(r"Control token: (\S+)", screen)
    assert match is not None
    token = match.group(1)
    assert f"http://127.0.0.1:{port}/VERB?token=" in screen
    terminal.send("host", "Escape")
    until(lambda: "Show every key" not in terminal.screen("host"), "the help closes")
    terminal.wait_for("host", "Press space to start")
    base = f"http://127.0.0.1:{port}"
    sessions = tmp_path / "sessions"

    for wrong in (f"{base}/start", f"{base}/start?token=wrong", f"{base}/next?token={token}x"):
        status, body = get(wrong)
        assert status in (401, 403) and body["ok"] is False
    assert not sessions.exists()
    assert "Press space to start" in terminal.screen("host")

    assert get(f"{base}/start?token={token}")[0] == 200
    terminal.wait_for("host", "Running")
    assert get(f"{base}/next?token={token}")[0] == 200
    terminal.wait_for("host", "Slot 2 of 14")
    status, body = get(f"{base}/addtime/60?token={token}")
    assert status == 200 and body["current"]["length_seconds"] == 660
    assert events(sessions) == [("start", None), ("next", None), ("adjust", 60)]
    assert get(f"{base}/status?token=nope")[0] == 403
    assert get(f"{base}/goto/0?token={token}")[0] == 400
    assert get(f"{base}/addtime/999999999?token={token}")[0] == 400
    assert len(events(sessions)) == 3

    # The keys of a second console on the same day write the same log.
    terminal.start("keys", FACILITATOR, "run", "--rehearse", "--sessions", "keys")
    terminal.wait_for("keys", "Press space to start")
    terminal.send("keys", "Space")
    terminal.wait_for("keys", "Running")
    terminal.send("keys", "n")
    terminal.wait_for("keys", "Slot 2 of 14")
    terminal.send("keys", "+")
    until(lambda: len(events(tmp_path / "keys")) == 3, "the keys' third action")
    assert events(tmp_path / "keys") == events(sessions)

    # ctrl+z in the console takes back each call, the last first.
    terminal.send("host", "C-z")
    until(lambda: events(sessions)[-1] == ("undo", None), "the first undo")
    assert "Slot 2 of 14" in terminal.screen("host")
    terminal.send("host", "C-z")
    terminal.wait_for("host", "Slot 1 of 14")
    terminal.send("host", "C-z")
    terminal.wait_for("host", "Press space to start")
    assert events(sessions)[3:] == [("undo", None)] * 3
    assert get(f"{base}/status?token={token}")[1]["started"] is False

    terminal.send("host", "q")
    until(lambda: refused(f"{base}/status?token={token}"), "the port to close as it quits")


def refused(url: str) -> bool:
    """Whether nothing listens at `url` any more."""
    try:
        urllib.request.urlopen(url, timeout=5).close()
    except (urllib.error.HTTPError, ConnectionResetError):  # still there, or closing
        return False
    except urllib.error.URLError:
        return True
    return False


def test_a_port_in_use_is_a_message_and_exit_status_2(tmp_path: Path) -> None:
    agenda = 'title = "Day"\n[[slot]]\nstart = "9.00"\ntitle = "x"\nduration = "5m"\n'
    (tmp_path / "agenda.toml").write_text(agenda)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [FACILITATOR, "run", "--control", str(port), "--lang", "en"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
            stdin=subprocess.DEVNULL,
        )
    assert result.returncode == 2
    assert f"--control '{port}': another program uses that port" in result.stderr
    assert "Traceback" not in result.stderr
