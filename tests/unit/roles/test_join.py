"""The join file the server leaves for the stage, and the QR code drawn as text."""

from __future__ import annotations

from pathlib import Path

import segno

from facilitator.roles.join import (
    JOIN_FILE,
    QUIET_ZONE,
    JoinWatch,
    qr_lines,
    read_join,
    remove_join,
    write_join,
)

URL = "http://192.0.2.7:8000/?t=abcdefghijklmnopqrstuv"


def test_the_join_file_comes_and_goes(tmp_path: Path) -> None:
    watch = JoinWatch(tmp_path)
    assert watch.url is None and not watch.refresh()
    write_join(tmp_path, URL)
    assert read_join(tmp_path) == URL
    assert watch.refresh() and watch.url == URL
    remove_join(tmp_path)
    assert watch.refresh() and watch.url is None


def test_a_join_file_that_is_not_a_web_address_shows_nothing(tmp_path: Path) -> None:
    (tmp_path / JOIN_FILE).write_text('url = "file:///etc/passwd"\n', encoding="utf-8")
    assert read_join(tmp_path) is None
    (tmp_path / JOIN_FILE).write_text("url = [broken", encoding="utf-8")
    assert read_join(tmp_path) is None


def test_the_text_code_has_the_modules_of_the_qr_code() -> None:
    """Read back from the characters (light modules drawn), the code is segno's."""
    expected = [
        [bool(module) for module in row]
        for row in segno.make(URL, error="m", boost_error=False).matrix_iter(
            scale=1, border=QUIET_ZONE
        )
    ]
    halves = {"█": (False, False), "▀": (False, True), "▄": (True, False), " ": (True, True)}
    read: list[list[bool]] = []
    for line in qr_lines(URL):
        upper = [halves[char][0] for char in line]
        lower = [halves[char][1] for char in line]
        read += [upper, lower]
    assert read[: len(expected)] == expected
    assert all(not dark for row in read[len(expected) :] for dark in row)  # padding is light


def test_the_stage_keeps_the_time_while_it_shows_the_join_code(
    agenda,
    store,
    clock,  # type: ignore[no-untyped-def]
) -> None:
    from facilitator.roles.host import HostRun
    from facilitator.roles.stage import Stage
    from facilitator.timing.events import Action

    host = HostRun(agenda, store, clock)
    host.act(Action.START)
    assert host.session is not None
    write_join(store.folder(host.session.id), URL)
    stage = Stage(store, clock)
    stage.follow()
    assert stage.view().join_url is None
    host.toggle_join()
    stage.follow()
    view = stage.view()
    assert view.join_url == URL
    assert view.speakers == "Jonas Kroustrup, Tinne Christiansen · 05:00"
    host.close()
