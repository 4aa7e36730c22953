"""`facilitator serve` refuses what it cannot do with a message and exit status 2, never a
traceback: a bad address, a port in use, a session that is not there."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from facilitator.agenda.model import Agenda
from facilitator.cli import main
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.web.network import check_host, reachable_hosts, url_host
from tests.seed import dialogue_session


@pytest.fixture
def sessions(agenda: Agenda, store: SessionStore, clock: FakeClock) -> Path:
    dialogue_session(agenda, store, clock)
    return store.root


@pytest.mark.parametrize("host", ["not-an-address", "300.1.1.1", "example.org", ""])
def test_a_bad_host_is_a_message(
    sessions: Path, host: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", "--sessions", str(sessions), "--host", host, "--lang", "en"]) == 2
    error = capsys.readouterr().err
    assert "is not an IP address" in error and "Traceback" not in error


def test_a_port_in_use_is_a_message(sessions: Path, capsys: pytest.CaptureFixture[str]) -> None:
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    port = taken.getsockname()[1]
    try:
        status = main(["serve", "--sessions", str(sessions), "--port", str(port), "--lang", "en"])
    finally:
        taken.close()
    assert status == 2
    error = capsys.readouterr().err
    assert f"cannot listen on 127.0.0.1 port {port}" in error and "--port" in error


@pytest.mark.parametrize("port", ["65536", "-1", "http"])
def test_a_bad_port_is_a_message(
    sessions: Path, port: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["serve", "--sessions", str(sessions), "--port", port, "--lang", "en"])
    assert stopped.value.code == 2
    assert "expected a port" in capsys.readouterr().err


def test_an_unknown_session_is_a_message(
    sessions: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", "no-such-day", "--sessions", str(sessions), "--lang", "en"]) == 2
    error = capsys.readouterr().err
    assert "no-such-day" in error and "Traceback" not in error


def test_addresses_for_the_join_url() -> None:
    assert str(check_host("localhost")) == "127.0.0.1"
    assert reachable_hosts("127.0.0.1") == ["127.0.0.1"]
    assert url_host("::1") == "[::1]"
    assert all(not host.startswith("127.") for host in reachable_hosts("0.0.0.0")) or (
        reachable_hosts("0.0.0.0") == ["127.0.0.1"]
    )


def test_the_server_does_not_load_textual() -> None:
    import subprocess
    import sys

    code = (
        "import sys\nimport facilitator.cli.serve, facilitator.web.app, facilitator.web.api\n"
        "import facilitator.web.pages\nprint('textual' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == "False", result.stderr
