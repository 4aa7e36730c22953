"""Hostile and heavy use: body sizes, a rate limit per device, escaped HTML, no listing of
any folder, nothing written outside the session folder."""

from __future__ import annotations

import os

import pytest

from facilitator.agenda.model import Agenda
from facilitator.notes.words import all_words
from facilitator.roles.host import HostRun
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action
from facilitator.web.limits import DEVICES_PER_ADDRESS, RateLimit
from tests.unit.web.conftest import TOKEN, Served


class Ticks:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_device_gets_its_burst_then_waits() -> None:
    ticks = Ticks()
    rate = RateLimit(per_second=2, burst=5, clock=ticks)
    assert [rate.allow("10.0.0.1", "a") for _ in range(6)] == [True] * 5 + [False]
    assert rate.allow("10.0.0.1", "b")  # another phone is not held back
    ticks.now += 0.5
    assert rate.allow("10.0.0.1", "a") and not rate.allow("10.0.0.1", "a")


def test_made_up_device_ids_share_one_bucket_past_the_cap() -> None:
    rate = RateLimit(per_second=0, burst=1, clock=Ticks())
    for number in range(DEVICES_PER_ADDRESS):
        assert rate.allow("10.0.0.9", f"id-{number}")
    assert rate.allow("10.0.0.9", "fresh-1")  # the shared bucket's one write
    assert not rate.allow("10.0.0.9", "fresh-2")
    assert rate.allow("10.0.0.10", "fresh-3")  # another address is not held back


def test_the_routes_answer_429_past_the_limit(served: Served) -> None:
    served.state.rate = RateLimit(per_second=0, burst=3)
    answers = [
        served.post("/api/words", {"text": "tillid"}, device="greedy").status_code for _ in range(4)
    ]
    assert answers == [200, 200, 200, 429]
    assert served.post("/api/words", {"text": "ro"}, device="calm").status_code == 200
    assert len(all_words(served.folder)) == 4


@pytest.mark.parametrize(
    ("text", "status"),
    [("x" * 41, 413), ("en to tre fire", 422), ("   ", 422), ("x" * 40, 200)],
)
def test_words_are_one_to_three_of_at_most_40_characters(
    served: Served, text: str, status: int
) -> None:
    assert served.post("/api/words", {"text": text}).status_code == status


def test_a_words_body_over_a_kilobyte_is_refused(served: Served) -> None:
    assert served.post("/api/words", {"text": "tillid", "pad": "x" * 2000}).status_code == 413
    assert all_words(served.folder) == []


@pytest.mark.parametrize(
    "path",
    [
        "/static/",
        "/static",
        "/static/../pyproject.toml",
        "/static/..%2F__init__.py",
        "/static/%2e%2e/app.py",
        "/static/templates",
        "/templates/base.html",
        "/static/app.py",
        "/api/",
        "/sessions",
        "/agenda.toml",
    ],
)
def test_no_folder_is_listed_and_no_file_reached_by_its_path(served: Served, path: str) -> None:
    joiner = "&" if "?" in path else "?"
    response = served.client.get(f"{path}{joiner}t={TOKEN}")
    assert response.status_code == 404
    assert "import" not in response.text and "<a href" not in response.text


def test_writes_stay_in_the_session_folder(served: Served) -> None:
    before = set(os.listdir(served.folder.parent.parent))
    served.post("/api/words", {"text": "tillid"})
    served.post(
        "/api/notes",
        {"id": "../../../escape", "table": 1, "slot": 2, "question": None, "text": "x"},
    )
    served.post(
        "/api/notes",
        {"id": "abcdefgh0001", "table": 1, "slot": 2, "question": None, "text": "x"},
    )
    assert set(os.listdir(served.folder.parent.parent)) == before
    written = {name for name in os.listdir(served.folder) if not name.endswith(".lock")}
    assert written == {"session.toml", "join.toml", "words-web.toml", "notes-web.toml"}


def test_html_from_the_agenda_is_escaped_in_every_page(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    from starlette.testclient import TestClient

    from facilitator.web.app import create_app
    from tests.unit.web.conftest import make_state

    hostile = "<script>alert('x')</script> & <b>"
    slots = [agenda.slots[0].model_copy(update={"title": hostile})] + agenda.slots[1:]
    host = HostRun(agenda.model_copy(update={"title": hostile, "slots": slots}), store, clock)
    host.act(Action.START)
    with TestClient(create_app(make_state(store, clock))) as client:
        for path in ("/", "/table", "/words", "/stage", "/agenda", "/agenda/rows"):
            page = client.get(f"{path}?t={TOKEN}").text
            assert "<script>alert" not in page and "<b>" not in page, path
        assert (
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;"
            in client.get(f"/agenda/rows?t={TOKEN}").text
        )
        stage = client.get("/api/stage", headers={"X-Facilitator-Token": TOKEN}).json()
        assert stage["stage"]["title"] == hostile  # data for textContent, never markup
    host.close()


def test_pages_forbid_inline_and_foreign_scripts(served: Served) -> None:
    response = served.client.get(f"/table?t={TOKEN}")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
