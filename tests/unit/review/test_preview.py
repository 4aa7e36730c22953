"""A session's preview for the review's first frame: read from the TOML alone, it plans
every slot's length as the analysis does, and it is refused (None) for anything it cannot
follow, or that the models would refuse for a reason that would break the frame."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.agenda.model import Agenda
from facilitator.review.analysis import review_session
from facilitator.review.preview import preview_session
from facilitator.roles.host import HostRun
from facilitator.session.store import SESSION_FILE, SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action


def _day(agenda: Agenda, store: SessionStore, clock: FakeClock, rehearsal: bool = False) -> str:
    host = HostRun(agenda, store, clock, speed=60 if rehearsal else None)
    host.act(Action.START)
    clock.advance(300)
    host.act(Action.NEXT)
    host.act(Action.FINISH)
    host.close()
    assert host.session is not None
    return host.session.id


@pytest.mark.parametrize("rehearsal", [False, True])
def test_the_preview_plans_every_slot_as_the_analysis_does(
    agenda: Agenda, store: SessionStore, clock: FakeClock, rehearsal: bool
) -> None:
    session_id = _day(agenda, store, clock, rehearsal)
    preview = preview_session(store.folder(session_id))
    assert preview is not None
    session = store.load(session_id)
    review = review_session(session)
    assert (preview.id, preview.title, preview.day, preview.rehearsal) == (
        session.id,
        session.agenda.title,
        session.day,
        session.is_rehearsal,
    )
    assert [(s.title, s.seconds) for s in preview.slots] == [
        (s.title, s.planned_duration) for s in review.slots
    ]


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (lambda text: text.replace('id = "', 'id = "x', 1), "an id that is not its folder's"),
        (lambda text: "id = [" + text, "not TOML"),
        (
            lambda text: text.replace("\nday = ", "\nday = 2024-11-26T08:00:00\nold = ", 1),
            "a moment",
        ),
        (
            lambda text: text.replace('"Velkommen til arbejdsmiljødagen"', '"  "', 1),
            "a blank slot title",
        ),
        (lambda text: text.replace("[agenda]", "agenda = 3\n[other]", 1), "no agenda table"),
        (lambda text: text.replace("\nday = 2024-11-26", "\nday = 0001-01-01", 1), "year 1"),
        (lambda text: text.replace("\nday = 2024-11-26", "\nday = 9999-12-31", 1), "year 9999"),
        (lambda text: "id = " + "[" * 600 + "]" * 600 + "\n" + text, "nested too deeply"),
    ],
)
def test_anything_unusual_gives_no_preview(
    agenda: Agenda, store: SessionStore, clock: FakeClock, change: object, why: str
) -> None:
    session_id = _day(agenda, store, clock)
    path = store.folder(session_id) / SESSION_FILE
    assert callable(change)
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert preview_session(path.parent) is None, why


def test_a_folder_without_a_session_has_no_preview(tmp_path: Path) -> None:
    assert preview_session(tmp_path) is None
