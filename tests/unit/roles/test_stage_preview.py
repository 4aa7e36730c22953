"""The stage's first frame agrees with the stage: through a day of host actions, the
preview read from the session's TOML shows what the stage role shows at the same moment,
and there is no preview whenever the stage shows more than a slot and its countdown."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from facilitator.agenda.model import Agenda
from facilitator.i18n import countdown_text, t
from facilitator.roles.host import HostRun
from facilitator.roles.stage import Stage
from facilitator.session.glance import Glance, read_glance
from facilitator.session.stage_preview import preview_stage
from facilitator.session.stage_show import StageMode
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action

Step = Callable[[HostRun, FakeClock], object]

DAY: list[tuple[str, Step, bool]] = [
    ("started", lambda run, clock: run.act(Action.START), True),
    ("running", lambda run, clock: clock.advance(95.4), True),
    ("paused", lambda run, clock: run.act(Action.PAUSE), True),
    ("paused a while", lambda run, clock: clock.advance(40), True),
    ("resumed", lambda run, clock: run.act(Action.RESUME), True),
    ("a minute more", lambda run, clock: run.act(Action.ADJUST, seconds=60), True),
    ("into the warning", lambda run, clock: clock.advance(200), True),
    ("into overtime", lambda run, clock: clock.advance(130.7), True),
    ("a message", lambda run, clock: run.send_message("Tal højere"), False),
    ("the next slot", lambda run, clock: run.act(Action.NEXT), True),  # the message clears
    ("blacked out", lambda run, clock: run.switch_stage_mode(StageMode.BLACKOUT), False),
    ("back", lambda run, clock: run.switch_stage_mode(StageMode.BLACKOUT), True),
    ("a dialogue", lambda run, clock: run.act(Action.NEXT), False),  # its printed questions
    ("the round-up", lambda run, clock: run.act(Action.NEXT), True),
    ("its cloud", lambda run, clock: run.toggle_cloud(), False),
    ("no cloud", lambda run, clock: run.toggle_cloud(), True),
    ("finished", lambda run, clock: run.act(Action.FINISH), False),
]


def _compare(store: SessionStore, clock: FakeClock, stage: Stage, previewed: bool) -> None:
    stage.follow()
    view = stage.view()
    (folder,) = [path for path in store.root.iterdir() if path.is_dir()]
    preview = preview_stage(folder)
    if not previewed:
        assert preview is None
        return
    assert preview is not None
    now = clock.now()
    next_line = t("stage.next", title=preview.next_title) if preview.next_title else ""
    assert (preview.title, preview.speakers, next_line) == (view.title, view.speakers, view.next)
    assert countdown_text(preview.glance.seconds_at(now)) == view.digits
    assert view.phase is not None
    shown_phase = "paused" if view.phase.value == "pending" else view.phase.value
    assert preview.glance.phase_at(now) == shown_phase


def test_through_a_day_the_preview_shows_what_the_stage_shows(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    run = HostRun(agenda, store, clock)
    stage = Stage(store, clock)
    for what, step, previewed in DAY:
        step(run, clock)
        for later in (0.0, 0.6, 7.3):  # the glance counts on from the write
            clock.advance(later)
            try:
                _compare(store, clock, stage, previewed)
            except AssertionError as error:
                raise AssertionError(f"{what}, {later} s after: {error}") from None
    run.close()


def test_a_rehearsal_writes_no_glance(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    run = HostRun(agenda, store, clock, speed=10)
    run.act(Action.START)
    assert run.session is not None and run.session.glance is None
    run.close()


AT = datetime.fromisoformat("2024-11-26T09:00:00+01:00")
GOOD = {"slot": 1, "at": AT, "remaining": 12.5, "running": True, "warning": 60}


@pytest.mark.parametrize(
    "change",
    [
        {"slot": -1},
        {"slot": True},
        {"slot": 1.0},
        {"running": 1},
        {"remaining": float("nan")},
        {"remaining": "12"},
        {"warning": -5},
        {"at": "09:00"},
        {"at": datetime(2024, 11, 26, 9)},  # no zone
        {"extra": 1},
    ],
)
def test_a_glance_not_as_the_host_writes_it_is_not_read(change: dict[str, object]) -> None:
    assert read_glance({"glance": GOOD}) == Glance(1, AT, 12.5, True, 60)
    assert read_glance({"glance": {**GOOD, **change}}) is None


def test_a_session_that_is_not_as_written_has_no_preview(tmp_path: Path) -> None:
    for text in ["", "glance = 3", "[glance]\nslot = 0", "not toml ["]:
        (tmp_path / "session.toml").write_text(text, encoding="utf-8")
        assert preview_stage(tmp_path) is None
    assert preview_stage(tmp_path / "missing") is None


def test_a_copy_of_a_session_folder_has_no_preview(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    """A sync tool's conflict copy keeps the id of the folder it was copied from: the
    stage does not read it, so its first frame must not show it either."""
    run = HostRun(agenda, store, clock)
    run.act(Action.START)
    assert run.session is not None
    folder = store.folder(run.session.id)
    assert preview_stage(folder) is not None
    copy = folder.with_name(f"{folder.name} (conflicted copy)")
    copy.mkdir()
    (copy / "session.toml").write_bytes((folder / "session.toml").read_bytes())
    assert preview_stage(copy) is None
    run.close()
