"""The session index: a warm index lists sessions without reading them; it is never trusted
over the files, and a missing, corrupt or stale one only costs reading. Counted, not timed."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from facilitator.agenda.model import Agenda
from facilitator.review.index import index_sessions, slot_overs
from facilitator.session.index import SessionIndex
from facilitator.session.store import SESSION_FILE, SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action, Event
from tests.seed import dialogue_session

COUNT = 300


@pytest.fixture
def many(agenda: Agenda, store: SessionStore, clock: FakeClock) -> SessionStore:
    """COUNT finished sessions, copies of one."""
    source = dialogue_session(agenda, store, clock)
    finished = source.model_copy(
        update={"events": [*source.events, Event.of(Action.FINISH, clock.now())]}
    )
    store.save(finished)
    text = (store.folder(source.id) / SESSION_FILE).read_text(encoding="utf-8")
    for index in range(COUNT - 1):
        name = f"{source.id}-{index:04d}"
        store.folder(name).mkdir()
        (store.folder(name) / SESSION_FILE).write_text(
            text.replace(f'id = "{source.id}"', f'id = "{name}"', 1), encoding="utf-8"
        )
    return store


def _count_loads(store: SessionStore, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    loads: list[str] = []
    real = SessionStore.load
    monkeypatch.setattr(
        SessionStore, "load", lambda self, name: loads.append(name) or real(self, name)
    )
    return loads


def test_a_warm_index_lists_every_session_reading_none(
    many: SessionStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    cold = index_sessions(many)
    loads = _count_loads(many, monkeypatch)
    warm = index_sessions(many)
    assert loads == [] and len(warm) == COUNT
    assert warm == cold


def test_only_a_session_that_changed_is_read_again(
    many: SessionStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    index_sessions(many)
    name = sorted(path.name for path in many.root.iterdir() if path.is_dir())[5]
    session = many.load(name)
    many.save(
        session.model_copy(update={"agenda": session.agenda.model_copy(update={"title": "Ny"})})
    )
    loads = _count_loads(many, monkeypatch)
    summaries = {s.id: s for s in index_sessions(many)}
    assert loads == [name] and summaries[name].title == "Ny"


@pytest.mark.parametrize(
    "content", [b"", b"{not json", b'{"version": 99, "entries": {}}', b"[" * 100_000]
)
def test_a_corrupt_or_foreign_index_is_rebuilt(
    many: SessionStore, content: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = index_sessions(many)
    (many.root / ".index-review.json").write_bytes(content)
    (many.root / ".index-review.json.1234.tmp").write_bytes(b"{half")  # a crash mid-write
    loads = _count_loads(many, monkeypatch)
    assert index_sessions(many) == expected and len(loads) == COUNT
    loads.clear()
    assert index_sessions(many) == expected and loads == []


def test_an_entry_whose_times_could_not_be_shown_is_read_again(
    many: SessionStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A day at the end of the calendar overflows when it is shown in another time zone:
    an index entry with one, which the session itself could not have, is not taken."""
    expected = index_sessions(many)
    path = many.root / ".index-review.json"
    data = json.loads(path.read_bytes())
    name, (signature, facts) = next(iter(data["entries"].items()))
    facts[5] = "0001-01-01T00:00:00+00:00"  # started
    data["entries"][name] = [signature, facts]
    path.write_text(json.dumps(data), encoding="utf-8")
    loads = _count_loads(many, monkeypatch)
    assert index_sessions(many) == expected and loads == [name]


@pytest.mark.parametrize(
    "slots_index", [None, b"{not json", b'{"version": 3, "entries": {"x": 1}}']
)
def test_the_slots_that_recur_come_from_their_own_index(
    many: SessionStore, slots_index: bytes | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = slot_overs(many, index_sessions(many))  # from the sessions read for the list
    assert len(expected) == COUNT and all(len(slots) == 14 for _, slots in expected)
    loads = _count_loads(many, monkeypatch)
    assert slot_overs(many, index_sessions(many)) == expected and loads == []
    path = many.root / ".index-review-slots.json"
    if slots_index is None:
        path.unlink()
    else:
        path.write_bytes(slots_index)
    assert slot_overs(many, index_sessions(many)) == expected and len(loads) == COUNT
    loads.clear()
    assert slot_overs(many, index_sessions(many)) == expected and loads == []


def test_a_first_listing_leaves_the_slots_that_recur_indexed(
    many: SessionStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    index_sessions(many)  # reads every session; the console may close right after it
    loads = _count_loads(many, monkeypatch)
    assert len(slot_overs(many, index_sessions(many))) == COUNT and loads == []


def test_an_index_never_hides_a_new_or_removed_session(many: SessionStore) -> None:
    index_sessions(many)
    gone = sorted(path for path in many.root.iterdir() if path.is_dir())[0]
    shutil.rmtree(gone)
    (many.root / "broken").mkdir()
    (many.root / "broken" / SESSION_FILE).write_text("not toml", encoding="utf-8")
    summaries = {s.id: s for s in index_sessions(many)}
    assert gone.name not in summaries and summaries["broken"].error


def test_the_resume_lookup_reads_only_the_session_it_returns(
    many: SessionStore, agenda: Agenda, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert many.newest_unfinished() is None  # reads them all once, and keeps their facts
    open_one = dialogue_session(agenda, many, clock)
    loads = _count_loads(many, monkeypatch)
    found = many.newest_unfinished()
    assert found is not None and found.id == open_one.id and loads == [open_one.id]
    loads.clear()
    assert many.newest_unfinished(rehearsal=True) is None and loads == []


def test_a_read_only_store_writes_no_index(many: SessionStore) -> None:
    SessionStore(many.root, read_only=True).newest_unfinished()
    assert not (many.root / ".index-sessions.json").exists()


def test_an_index_that_cannot_be_written_is_left_at_that(tmp_path: Path) -> None:
    index = SessionIndex(tmp_path / "missing-folder", "review")
    index.put("x", [["session.toml"]], {"a": 1})
    index.save()  # no folder to write in: no error
    assert not (tmp_path / "missing-folder").exists()


def test_sessions_are_listed_newest_first(many: SessionStore) -> None:
    summaries = index_sessions(many)
    assert [s.modified for s in summaries] == sorted((s.modified for s in summaries), reverse=True)


def test_three_thousand_warm_folders_are_listed_without_opening_a_session_file(
    agenda: Agenda, store: SessionStore, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = dialogue_session(agenda, store, clock)
    text = (store.folder(source.id) / SESSION_FILE).read_text(encoding="utf-8")
    for index in range(2999):
        name = f"{source.id}-{index:04d}"
        store.folder(name).mkdir()
        (store.folder(name) / SESSION_FILE).write_text(
            text.replace(f'id = "{source.id}"', f'id = "{name}"', 1), encoding="utf-8"
        )
    session = store.load(source.id)
    with monkeypatch.context() as fast:  # the first listing reads each once: one read here
        fast.setattr(SessionStore, "load", lambda _, name: session.model_copy(update={"id": name}))
        assert len(index_sessions(store)) == 3000
    opened: list[str] = []
    real_open = io.open

    def spy(file: Any, *args: Any, **kwargs: Any) -> Any:
        opened.append(Path(file).name)
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(io, "open", spy)
    loads = _count_loads(store, monkeypatch)
    assert len(index_sessions(store)) == 3000
    assert loads == [] and opened == [".index-review.json"]
