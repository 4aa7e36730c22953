"""The join token: every page, asset, fetch and stream without it gets 403 and nothing else."""

from __future__ import annotations

import pytest

from facilitator.web.token import new_token
from tests.unit.web.conftest import TOKEN, Served

EVERY_ROUTE = [
    ("GET", "/"),
    ("GET", "/table"),
    ("GET", "/words"),
    ("GET", "/stage"),
    ("GET", "/agenda"),
    ("GET", "/agenda/rows"),
    ("GET", "/static/app.css"),
    ("GET", "/static/table.js"),
    ("GET", "/api/report?table=1"),
    ("GET", "/api/stage"),
    ("GET", "/api/events"),
    ("POST", "/api/notes"),
    ("POST", "/api/notes/delete"),
    ("POST", "/api/words"),
    ("GET", "/no-such-page"),
    ("GET", "/static/"),
]


@pytest.mark.parametrize(("method", "path"), EVERY_ROUTE)
def test_no_token_no_entry(served: Served, method: str, path: str) -> None:
    response = served.client.request(method, path, json={"text": "x"})
    assert response.status_code == 403
    assert "Dialog" not in response.text and "<" not in response.text


@pytest.mark.parametrize(("method", "path"), EVERY_ROUTE)
def test_a_wrong_token_no_entry(served: Served, method: str, path: str) -> None:
    joiner = "&" if "?" in path else "?"
    response = served.client.request(
        method,
        f"{path}{joiner}t={TOKEN[:-1]}x",
        json={"text": "x"},
        headers={"X-Facilitator-Token": "not-it"},
    )
    assert response.status_code == 403


def test_the_token_as_parameter_or_header(served: Served) -> None:
    assert served.client.get(f"/table?t={TOKEN}").status_code == 200
    assert served.client.get("/api/stage", headers=served.headers()).status_code == 200


def test_a_posted_form_field_is_not_a_token(served: Served) -> None:
    """Only the query parameter or the header count: a body cannot smuggle one in."""
    response = served.client.post("/api/words", data={"t": TOKEN, "text": "hej"})
    assert response.status_code == 403


def test_every_link_and_asset_of_a_page_carries_the_token(served: Served) -> None:
    page = served.client.get(f"/?t={TOKEN}").text
    assert page.count(f"?t={TOKEN}") >= 8  # stylesheet, script, the four pages, home
    assert "http://" not in page and "https://" not in page  # nothing from elsewhere


def test_tokens_differ_per_run() -> None:
    tokens = {new_token() for _ in range(100)}
    assert len(tokens) == 100 and all(len(token) >= 20 for token in tokens)
