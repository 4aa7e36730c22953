"""The session preview that the notes console's first frame is drawn from agrees with what
the console then shows from the models, whatever the host did; it gives none for a
finished day, a file it does not follow, or a report-back round that may be under way."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.agenda.model import Agenda
from facilitator.notes.preview import NotesPreview, newest_unfinished, preview_notes
from facilitator.roles.host import HostRun
from facilitator.roles.note_taker import NoteTaking
from facilitator.session.store import SESSION_FILE, SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action
from tests.loaded import packages_loaded_by

MORNING = datetime.fromisoformat("2024-11-26T08:44:00+01:00")

ACTIONS = st.lists(
    st.one_of(
        st.sampled_from(
            [
                (Action.NEXT, None),
                (Action.PREVIOUS, None),
                (Action.UNDO, None),
                (Action.PAUSE, None),
                (Action.RESUME, None),
                (Action.REPORT_START, None),
                (Action.REPORT_NEXT, None),
                (Action.REPORT_END, None),
                (Action.FINISH, None),
            ]
        ),
        st.tuples(st.just(Action.GOTO), st.integers(0, 13)),
    ),
    max_size=12,
)


def _day(store: SessionStore, agenda: Agenda, actions: list[tuple[Action, int | None]]) -> str:
    """A session the host started and then took `actions` in, a minute apart."""
    clock = FakeClock(MORNING)
    host = HostRun(agenda, store, clock)
    host.act(Action.START)
    for action, slot in actions:
        clock.advance(60)
        host.act(action, slot=slot)
    assert host.session is not None
    host.close()
    return host.session.id


def _agrees(preview: NotesPreview, notes: NoteTaking) -> None:
    """The preview says what the notes screen shows once the models have loaded."""
    slot = notes.opening_slot()
    model = notes.agenda.slots[slot]
    assert preview.slot == slot
    assert (preview.title, preview.start) == (model.title, model.start)
    assert preview.tables == notes.agenda.tables_of(slot)
    assert preview.questions == tuple(model.questions)
    assert notes.reporting(slot) is None  # the editor stays on table 1


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=ACTIONS)
def test_the_preview_agrees_with_the_models_whatever_the_host_did(
    tmp_path_factory: Any, agenda: Agenda, actions: list[tuple[Action, int | None]]
) -> None:
    store = SessionStore(tmp_path_factory.mktemp("sessions"))
    session_id = _day(store, agenda, actions)
    session = store.load(session_id)
    preview = preview_notes(store.folder(session_id))
    rounds = any(action.value.startswith("report") for action, _slot in actions)
    if session.finished:
        assert preview is None
        return
    if preview is None:
        assert rounds, "a preview is given unless a round may be under way"
        return
    notes = NoteTaking(store, session, "desk", FakeClock(MORNING))
    try:
        _agrees(preview, notes)
    finally:
        notes.close()


def test_the_model_day_previews_its_first_dialogue(agenda: Agenda, tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "sessions")
    preview = preview_notes(store.folder(_day(store, agenda, [])))
    assert preview is not None
    assert (preview.slot, preview.title, preview.tables) == (2, "Dialog ved bordene", 12)
    assert len(preview.questions) == 2


def test_a_round_that_may_be_under_way_gives_no_preview(agenda: Agenda, tmp_path: Path) -> None:
    """The console would put the editor on the table reporting: the first frame cannot
    tell which one."""
    store = SessionStore(tmp_path / "sessions")
    started = _day(store, agenda, [(Action.GOTO, 3), (Action.REPORT_START, None)])
    assert preview_notes(store.folder(started)) is None
    ended = _day(
        store, agenda, [(Action.GOTO, 3), (Action.REPORT_START, None), (Action.NEXT, None)]
    )
    assert preview_notes(store.folder(ended)) is not None


@pytest.mark.parametrize(
    "change",
    [
        ('action = "start"', 'action = "jump"'),  # an action it does not know
        ('title = "Dialog ved bordene"', "title = 3"),
        ('start = "09:00"', 'start = "9 o\'clock"'),
        ("tables = 12", "tables = 0"),
        ("[agenda]", "agenda = 1\n[other]"),
        ('id = "', 'id = "copy-of-'),  # not its folder's: the store does not read it
    ],
)
def test_what_it_does_not_follow_gives_no_preview(
    agenda: Agenda, tmp_path: Path, change: tuple[str, str]
) -> None:
    store = SessionStore(tmp_path / "sessions")
    path = store.folder(_day(store, agenda, [])) / SESSION_FILE
    text = path.read_text(encoding="utf-8")
    assert change[0] in text
    path.write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    assert preview_notes(path.parent) is None


def test_a_broken_or_missing_file_gives_no_preview(tmp_path: Path) -> None:
    assert preview_notes(tmp_path) is None
    (tmp_path / SESSION_FILE).write_text("id = ", encoding="utf-8")
    assert preview_notes(tmp_path) is None


def test_the_newest_unfinished_session_is_the_one_the_store_finds(
    agenda: Agenda, tmp_path: Path
) -> None:
    store = SessionStore(tmp_path / "sessions")
    assert newest_unfinished(store.root) is None
    first = _day(store, agenda, [])
    _day(store, agenda, [(Action.FINISH, None)])  # newer, but finished
    found = store.newest_unfinished()
    assert found is not None and found.id == first
    assert newest_unfinished(store.root) == store.folder(first)


def test_the_preview_needs_no_pydantic() -> None:
    """What runs before the notes console's first frame imports no pydantic."""
    modules = [
        "facilitator.cli",
        "facilitator.cli.notes",
        "facilitator.notes.preview",
        "facilitator.ui.screens.notes_opening",
    ]
    assert packages_loaded_by(modules, "pydantic") == []
