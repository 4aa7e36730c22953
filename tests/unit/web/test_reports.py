"""Table reports through the routes: on disk in the notes store when the answer says so,
exactly once however often sent, editable and deletable by the table, limits kept."""

from __future__ import annotations

from typing import Any

import pytest

from facilitator.notes.store import NotesReader
from facilitator.web.reports import MAX_NOTE_BYTES
from tests.unit.web.conftest import Served

QUESTION = "Hvad kan vi gøre hver især og i fællesskab?"


def note(table: int = 3, text: str = "Mere tryghed", **more: Any) -> dict[str, Any]:
    return {
        "id": "a1b2c3d4e5f6",
        "table": table,
        "slot": 2,
        "question": QUESTION,
        "text": text,
    } | more


def on_disk(served: Served) -> list[Any]:
    reader = NotesReader(served.folder)
    reader.refresh()
    return reader.notes()


def test_a_saved_note_is_in_the_notes_store(served: Served) -> None:
    response = served.post("/api/notes", note())
    assert response.status_code == 200 and response.json()["saved"] is True
    [saved] = on_disk(served)
    assert (saved.id, saved.table, saved.slot, saved.question, saved.text, saved.writer) == (
        "web-a1b2c3d4e5f6",
        3,
        2,
        QUESTION,
        "Mere tryghed",
        "web",
    )
    assert (served.folder / "notes-web.toml").is_file()


def test_a_note_sent_again_is_saved_once(served: Served) -> None:
    for _ in range(3):
        assert served.post("/api/notes", note()).status_code == 200
    assert len(on_disk(served)) == 1


def test_an_edit_keeps_the_id_and_the_first_time(served: Served) -> None:
    first = served.post("/api/notes", note()).json()["note"]
    served.clock.advance(60)
    second = served.post("/api/notes", note(text="Mere tillid")).json()["note"]
    assert second["id"] == first["id"] and second["updated"] > first["updated"]
    [saved] = on_disk(served)
    assert saved.text == "Mere tillid" and saved.created < saved.updated


def test_the_report_lists_the_table_s_notes_of_the_dialogue(served: Served) -> None:
    served.post("/api/notes", note())
    served.post("/api/notes", note(table=4, id="ffffeeeedddd"))
    report = served.client.get("/api/report?table=3", headers=served.headers()).json()
    assert report["slot"] == 2 and report["title"] == "Dialog ved bordene"
    assert QUESTION in report["questions"] and report["tables"] == 12
    assert [each["id"] for each in report["notes"]] == ["web-a1b2c3d4e5f6"]


def test_a_delete_is_a_tombstone(served: Served) -> None:
    served.post("/api/notes", note())
    response = served.post("/api/notes/delete", {"id": "a1b2c3d4e5f6", "table": 3})
    assert response.status_code == 200
    assert on_disk(served) == []
    reader = NotesReader(served.folder)
    reader.refresh()
    assert reader.merged()["web-a1b2c3d4e5f6"].deleted
    # Sent again after its deletion, a note stays deleted rather than coming back.
    assert served.post("/api/notes", note()).status_code == 410


def test_another_table_cannot_edit_or_delete_a_table_s_note(served: Served) -> None:
    served.post("/api/notes", note())
    response = served.post("/api/notes/delete", {"id": "web-a1b2c3d4e5f6", "table": 4})
    assert response.status_code == 404
    assert served.post("/api/notes", note(table=4, text="Overwritten")).status_code == 403
    [kept] = on_disk(served)
    assert (kept.table, kept.text) == (3, "Mere tryghed")


def test_notes_sent_at_once_are_each_saved_once(served: Served) -> None:
    from concurrent.futures import ThreadPoolExecutor

    bodies = [note(id=f"{number:012d}", table=number % 12 + 1) for number in range(40)]
    bodies += bodies[:10]  # sent again before the first answer came
    with ThreadPoolExecutor(16) as pool:  # a device per note: none hits its rate limit
        answers = list(
            pool.map(lambda body: served.post("/api/notes", body, device=body["id"]), bodies)
        )
    assert {answer.status_code for answer in answers} == {200}
    reader = NotesReader(served.folder)
    reader.refresh()
    [file] = reader.files().values()
    assert sorted(each.id for each in file.notes) == sorted(f"web-{n:012d}" for n in range(40))


@pytest.mark.parametrize(
    "change",
    [
        {"question": "Not a question of this slot"},
        {"slot": 99},
        {"table": 0},
        {"table": 13},
        {"id": "../../etc/passwd"},
        {"id": "UPPER-case"},
        {"table": "3"},
        {"text": None},
    ],
)
def test_a_note_that_does_not_fit_the_day_is_refused(served: Served, change: dict) -> None:
    response = served.post("/api/notes", note(**change))
    assert response.status_code == 400
    assert on_disk(served) == []


def test_a_note_of_20_kb_is_saved_and_one_byte_more_is_not(served: Served) -> None:
    assert served.post("/api/notes", note(text="x" * MAX_NOTE_BYTES)).status_code == 200
    too_long = note(id="b1b2c3d4e5f6", text="æ" * (MAX_NOTE_BYTES // 2) + "x")
    assert served.post("/api/notes", too_long).status_code == 413
    assert len(on_disk(served)) == 1


def test_a_huge_body_is_refused_before_it_is_read(served: Served) -> None:
    body = b'{"text": "' + b"x" * 200_000 + b'"}'
    response = served.client.post(
        "/api/notes",
        content=body,
        headers=served.headers() | {"Content-Type": "application/json"},
    )
    assert response.status_code == 413


def test_a_body_that_is_not_json_is_refused(served: Served) -> None:
    response = served.client.post("/api/notes", content=b"<html>", headers=served.headers())
    assert response.status_code == 400


def test_html_in_a_note_comes_back_as_data_not_markup(served: Served) -> None:
    served.post("/api/notes", note(text="<script>alert(1)</script>"))
    response = served.client.get("/api/report?table=3", headers=served.headers())
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["notes"][0]["text"] == "<script>alert(1)</script>"


def test_a_second_server_on_the_session_says_who_writes_its_notes(served: Served) -> None:
    from facilitator.notes.store import NotesWriter

    other = NotesWriter(served.folder, served.session.id, "web")  # another server's writer
    try:
        report = served.client.get("/api/report?table=3", headers=served.headers())
        assert report.status_code == 503 and "'web'" in report.json()["error"]
        assert served.post("/api/notes", note()).status_code == 503
    finally:
        other.close()
    assert served.post("/api/notes", note()).status_code == 200
