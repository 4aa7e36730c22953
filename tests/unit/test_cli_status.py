"""`facilitator status`: a session's state now as text and as JSON, read from its file
only, beside a host console that holds the session."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from facilitator.agenda.model import Agenda
from facilitator.cli import main
from facilitator.cli import status as status_module
from facilitator.roles.host import HostRun
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action

LUNCH = 13
"""The seed's lunch, fixed at 12:00, by its number."""


@pytest.fixture
def late(
    agenda: Agenda, store: SessionStore, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> HostRun:
    """A host console that holds the day: the welcome ran 15 minutes over, the talk has run
    for a minute. `status` reads the same fake clock."""
    monkeypatch.setattr(status_module, "SystemClock", lambda: clock)
    clock.advance(60)
    run = HostRun(agenda, store, clock)
    run.act(Action.START)
    clock.advance(20 * 60)
    run.act(Action.NEXT)
    clock.advance(60)
    return run


def status(store: SessionStore, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["status", *args, "--sessions", str(store.root), "--lang", "en"]) == 0
    return capsys.readouterr().out


def as_json(store: SessionStore, capsys: pytest.CaptureFixture[str], *args: str) -> Any:
    return json.loads(status(store, capsys, "--json", *args))


def test_it_prints_where_the_day_stands_and_the_re_plan_r_would_propose(
    late: HostRun, store: SessionStore, capsys: pytest.CaptureFixture[str]
) -> None:
    out = status(store, capsys)
    lines = out.splitlines()
    assert lines[0].startswith("Hovedudvalgets arbejdsmiljødag · 2024-11-26-084500")
    assert lines[1] == "Now 09:06 · 15 min behind · ends ~12:30"
    assert lines[2] == (
        "Slot 2 of 14 · talk: Opfølgning og videre arbejde med psykologisk "
        "tryghed · Running · 09:00 left · 1 min run"
    )
    assert "13  12:00 fixed  12:00  12:15  15 min  Frokostsandwich" in out
    assert " 1  08:45        08:45  09:05  5 min   Velkommen til arbejdsmiljødagen" in out
    assert "Frokostsandwich med mulighed for to-go is fixed at 12:00: cut 15 min before it" in out
    assert "r would propose: Re-plan: keep Frokostsandwich med mulighed for to-go at 12:00" in out
    assert "25 min → 23 min  10:05  Frisættelse og aktørskab" in out
    assert "In all 15 min cut" in out


def test_json_says_lunch_is_held_again_after_the_re_plan(
    late: HostRun, store: SessionStore, capsys: pytest.CaptureFixture[str]
) -> None:
    before = as_json(store, capsys)
    assert before["format"] == 1 and before["offset_minutes"] == 15
    assert before["current"] == {
        "number": 2,
        "title": "Opfølgning og videre arbejde med psykologisk tryghed",
        "phase": "running",
        "remaining_seconds": 540,
        "elapsed_seconds": 60,
        "length_seconds": 600,
    }
    (lunch_risk,) = before["fixed"]
    assert lunch_risk["number"] == LUNCH and lunch_risk["late_minutes"] == 15
    assert lunch_risk["held"] is True
    replan = before["replan"]
    assert replan["target"]["number"] == LUNCH and replan["late_minutes"] == 15
    assert replan["cut_seconds"] == 900 and replan["unsaved_seconds"] == 0
    assert replan["target_expected"] == "2024-11-26T12:00:00+01:00"
    proposed = {slot["number"]: slot["new_seconds"] for slot in replan["slots"]}
    proposal = late.replan_proposal()
    assert proposal is not None
    assert proposed == {slot.index + 1: slot.proposed for slot in proposal.slots}
    assert late.apply_replan(proposal.lengths)
    after = as_json(store, capsys)
    assert after["fixed"] == [] and after["replan"] is None
    lunch = after["slots"][LUNCH - 1]
    assert lunch["expected_start"] == "2024-11-26T12:00:00+01:00"
    assert after["slots"][LUNCH - 2]["expected_end"] == "2024-11-26T12:00:00+01:00"
    talk = after["slots"][9]  # cut from 1 h to 56 min
    assert (talk["planned_seconds"], talk["length_seconds"]) == (3600, 56 * 60)
    assert "No re-plan would help now." in status(store, capsys)
    assert "1 h → 56 min" in status(store, capsys)
    late.close()


def test_it_reads_only_while_the_host_console_holds_the_session(
    late: HostRun, store: SessionStore, capsys: pytest.CaptureFixture[str]
) -> None:
    assert late.lock is not None and late.lock.held()
    files = {path: path.stat().st_mtime_ns for path in store.root.rglob("*")}
    status(store, capsys)
    as_json(store, capsys)
    assert {path: path.stat().st_mtime_ns for path in store.root.rglob("*")} == files
    assert late.lock.held() and late.act(Action.NEXT)
    late.close()


def test_a_named_session_and_a_finished_day(
    late: HostRun, store: SessionStore, capsys: pytest.CaptureFixture[str]
) -> None:
    late.act(Action.FINISH)
    assert late.session is not None
    name = late.session.id
    late.close()
    assert main(["status", "--sessions", str(store.root), "--lang", "en"]) == 2
    assert "no unfinished session" in capsys.readouterr().err.lower()
    out = status(store, capsys, name)
    assert out.splitlines()[1] == "Finished at 09:06, 204 min ahead."
    assert "would propose" not in out
    data = as_json(store, capsys, str(store.folder(name)))
    assert data["finished"] is True and data["current"]["phase"] == "done"
    assert data["fixed"] == [] and data["replan"] is None


def test_without_a_session_it_says_so_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["status", "--sessions", str(tmp_path / "none"), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("facilitator: ") and "Traceback" not in err
    assert main(["status", "nothing-here", "--sessions", str(tmp_path), "--lang", "en"]) == 2
    assert "nothing-here" in capsys.readouterr().err


def test_it_speaks_the_agendas_language(
    late: HostRun, store: SessionStore, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["status", "--sessions", str(store.root)]) == 0
    out = capsys.readouterr().out
    assert "Nu 09.06 · 15 min bagud" in out and "r ville foreslå" in out
    late.close()
