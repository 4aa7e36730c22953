"""Hand-edited values out of range: the session model refuses them, and a session that
fails is listed as unreadable with the reason by every command, never a traceback."""

from __future__ import annotations

import tomllib
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from facilitator.agenda.model import Agenda
from facilitator.cli import main
from facilitator.errors import SessionError
from facilitator.review.index import index_sessions
from facilitator.roles.host import HostRun
from facilitator.session.model import Rehearsal
from facilitator.session.store import SESSION_FILE, SessionStore
from facilitator.timing.clock import LATEST, FakeClock
from facilitator.timing.events import Action
from facilitator.timing.timeline import Timeline


@pytest.fixture
def rehearsal(agenda: Agenda, store: SessionStore, clock: FakeClock) -> Path:
    """The folder of a rehearsal at speed 60 with an adjust, a goto and a cloud on stage."""
    host = HostRun(agenda, store, clock, speed=60)
    host.act(Action.START)
    host.act(Action.ADJUST, seconds=60)
    host.act(Action.GOTO, slot=2)
    host.toggle_cloud()
    host.close()
    assert host.session is not None
    return store.folder(host.session.id)


def edit(folder: Path, change: Any) -> None:
    path = folder / SESSION_FILE
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(tomli_w.dumps(data), encoding="utf-8")


def adjust(data: dict[str, Any], seconds: float) -> None:
    (event,) = [e for e in data["event"] if e["action"] == "adjust"]
    event["seconds"] = seconds


def goto(data: dict[str, Any], slot: int) -> None:
    (event,) = [e for e in data["event"] if e["action"] == "goto"]
    event["slot"] = slot


def replan(data: dict[str, Any], lengths: dict[str, int]) -> None:
    data["event"].append({"at": data["event"][-1]["at"], "action": "replan", "lengths": lengths})


FAR = datetime(9999, 12, 31, 23, 59, tzinfo=UTC)

EDITS = {
    "seconds = 9e18": (lambda d: adjust(d, 9e18), "event.1.seconds"),
    "seconds = -86401": (lambda d: adjust(d, -86401), "event.1.seconds"),
    "stage_cloud = 999": (lambda d: d.update(stage_cloud=999), "stage_cloud"),
    "stage_cloud = -1": (lambda d: d.update(stage_cloud=-1), "stage_cloud"),
    "goto slot 14": (lambda d: goto(d, 14), "event 3: slot 14"),
    "re-plan slot 14": (lambda d: replan(d, {"5": 60, "14": 60}), "event 4: slot 14"),
    "re-plan to 86401 s": (lambda d: replan(d, {"5": 86401}), "event.3.lengths.5"),
    "re-plan to 0 s": (lambda d: replan(d, {"5": 0}), "event.3.lengths.5"),
    "speed = 1e308": (lambda d: d["rehearsal"].update(speed=1e308), "rehearsal.speed"),
    "speed = 3601": (lambda d: d["rehearsal"].update(speed=3601), "rehearsal.speed"),
    "an event in 9999": (lambda d: d["event"][0].update(at=FAR), "event.0.at"),
    "created in 9999": (lambda d: d.update(created=FAR), "created"),
    "a message in 9999": (lambda d: d.update(message=[{"at": FAR, "text": "x"}]), "message.0"),
    "rehearsal start in 9999": (lambda d: d["rehearsal"].update(real_start=FAR), "real_start"),
    "day 9999-12-31": (lambda d: d.update(day=FAR.date()), "day"),
    "agenda date 9999-12-31": (lambda d: d["agenda"].update(date=FAR.date()), "agenda.date"),
}


@pytest.mark.parametrize("name", list(EDITS))
def test_a_value_out_of_range_makes_the_session_unreadable_everywhere(
    rehearsal: Path, store: SessionStore, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    change, where = EDITS[name]
    edit(rehearsal, change)
    with pytest.raises(SessionError) as error:
        store.load(rehearsal.name)
    assert where in str(error.value) and str(rehearsal / SESSION_FILE) in str(error.value)
    (summary,) = index_sessions(store)  # the review list
    assert summary.error is not None and where in summary.error
    with pytest.raises(SessionError):  # notes and stage, named or the newest
        store.resolve(rehearsal.name)
    assert store.newest_unfinished() is None
    for form in ("md", "csv", "ics", "toml"):
        assert (
            main(
                [
                    "export",
                    rehearsal.name,
                    "--format",
                    form,
                    "--sessions",
                    str(store.root),
                    "--lang",
                    "en",
                ]
            )
            == 2
        )
        err = capsys.readouterr().err
        assert where in err and "Traceback" not in err


def test_the_values_the_host_writes_are_in_range(rehearsal: Path, store: SessionStore) -> None:
    session = store.load(rehearsal.name)
    assert session.stage_cloud == 2 and session.rehearsal is not None


def test_a_fast_rehearsal_opened_years_later_stops_at_the_last_day(clock: FakeClock) -> None:
    mapping = Rehearsal(virtual_start=clock.now(), real_start=clock.now(), speed=3600)
    rehearsal_clock = mapping.clock(clock)
    clock.advance(3 * 365 * 86400)  # 3 years at 3600 times: past the year 9999
    assert rehearsal_clock.now() == LATEST
    assert timeline_event(Action.NEXT, rehearsal_clock.now(), 0).at == LATEST  # valid in a log


def test_adjusting_never_makes_a_slot_longer_than_a_day(agenda: Agenda, clock: FakeClock) -> None:
    timeline = Timeline(agenda, day=agenda.date)
    assert timeline.can(Action.ADJUST, seconds=3600)
    assert not timeline.can(Action.ADJUST, seconds=86400)
    at = clock.now()
    for _ in range(23):
        assert timeline.apply(timeline_event(Action.ADJUST, at, 3600))
    assert not timeline.apply(timeline_event(Action.ADJUST, at, 3600))
    state = timeline.state(at + timedelta(days=3))
    assert state.current_slot.remaining <= 86400


def test_a_re_planned_slot_is_never_adjusted_beyond_a_day(agenda: Agenda, clock: FakeClock) -> None:
    from facilitator.timing.events import Event

    timeline = Timeline(agenda, day=agenda.date)
    at = clock.now()
    assert timeline.apply(Event.of(Action.START, at))
    with pytest.raises(ValueError, match="lengths"):
        Event.of(Action.REPLAN, at, lengths={1: 86401})
    assert timeline.apply(Event.of(Action.REPLAN, at, lengths={1: 86340}))
    assert timeline.apply(Event.of(Action.NEXT, at))
    assert timeline.apply(timeline_event(Action.ADJUST, at, 60))
    assert not timeline.apply(timeline_event(Action.ADJUST, at, 60))


def timeline_event(action: Action, at: datetime, seconds: int) -> Any:
    from facilitator.timing.events import Event

    return Event.of(action, at, seconds)
