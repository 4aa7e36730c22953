"""Control characters never get past a file or the keyboard: `clean_text`, the models that
apply it to every text field, error messages, the importer and every export."""

from __future__ import annotations

import csv
import io
import tomllib
from pathlib import Path

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.agenda.importer import parse_programme
from facilitator.agenda.model import Agenda, load_agenda
from facilitator.clean import clean_text, has_control
from facilitator.errors import AgendaError, FacilitatorError
from facilitator.notes.model import Note
from facilitator.notes.store import load_notes_file
from facilitator.notes.wordcloud import weigh
from facilitator.review.archive import archive_text, load_archive, load_folder
from facilitator.review.exports import calendar, markdown, notes_csv
from facilitator.roles.host import HostRun
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action
from tests.hostile import CLEAR, CONTROL, HOSTILE, HOSTILE_SHOWN, hostile_notes


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("a\x1b[2Jb", "ab"),
        ("x\x1b]0;title\x07y", "xy"),
        ("x\x1b]52;c;aGk=\x1b\\y", "xy"),
        ("a\x9b31mb", "ab"),
        ("a\x1bcb", "ab"),
        ("bell\x07 null\x00 del\x7f", "bell null del"),
        ("lines\r\nand\rpages\x0cend", "lines\nand\npages\nend"),
        ("tab\tand\nnewline stay", "tab\tand\nnewline stay"),
        (
            "an unterminated \x1b]0;title\nkeeps the next line",
            "an unterminated 0;title\nkeeps the next line",
        ),
        ("Room [B] 🎤 e\u0301 \u200b שלום", "Room [B] 🎤 e\u0301 \u200b שלום"),
    ],
)
def test_clean_text(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8")))
def test_no_control_character_is_left_and_cleaning_twice_changes_nothing(text: str) -> None:
    cleaned = clean_text(text)
    assert not CONTROL.search(cleaned)
    assert clean_text(cleaned) == cleaned
    if not CONTROL.search(text):
        assert cleaned == text


@given(
    st.one_of(
        st.text(alphabet=st.characters(max_codepoint=0xFF)),
        st.text(alphabet=st.characters(codec="utf-8")),
    )
)
def test_the_fast_check_finds_what_the_pattern_finds(text: str) -> None:
    """Latin-1 text is checked as bytes, any other by the pattern: both the same way."""
    assert has_control(text) is bool(CONTROL.search(text))
    assert has_control(text + "\x9f") and has_control("\x08" + text)


@pytest.fixture
def hostile_session(agenda: Agenda, store: SessionStore, clock: FakeClock) -> str:
    """A finished day whose folder holds a notes file full of escape sequences."""
    host = HostRun(agenda, store, clock)
    host.act(Action.START)
    host.send_message(f"Pause{CLEAR} nu")
    host.act(Action.GOTO, slot=2)
    clock.advance(600)
    host.act(Action.FINISH)
    host.close()
    assert host.session is not None
    hostile_notes(store.folder(host.session.id), host.session.id)
    return host.session.id


def test_a_notes_file_is_read_without_control_characters(
    store: SessionStore, hostile_session: str
) -> None:
    notes = load_notes_file(store.folder(hostile_session) / "notes-mallory.toml").notes
    assert [note.text for note in notes] == [HOSTILE_SHOWN]
    assert notes[0].slot_title == "Dialog"
    assert notes[0].question == "Hvad?"


def test_a_typed_note_and_a_message_are_stored_clean(
    store: SessionStore, hostile_session: str, clock: FakeClock
) -> None:
    note = Note.new("desk", 2, "Dialog", 1, None, HOSTILE, clock.now())
    assert note.text == HOSTILE_SHOWN
    session = store.load(hostile_session)
    assert [message.text for message in session.messages] == ["Pause nu"]


def test_no_export_carries_a_control_character(store: SessionStore, hostile_session: str) -> None:
    loaded = load_folder(store, hostile_session)
    exports = {
        "md": markdown(loaded),
        "csv": notes_csv(loaded),
        "ics": calendar(loaded).decode("utf-8"),
        "toml": archive_text(loaded),
    }
    for form, text in exports.items():
        assert not CONTROL.search(text.replace("\r\n", "\n")), form
    assert HOSTILE_SHOWN in exports["md"]
    rows = list(csv.reader(io.StringIO(exports["csv"])))
    assert rows[1][-1] == HOSTILE_SHOWN
    words = [term.term for term in weigh([HOSTILE], [])]
    assert words and not any(CONTROL.search(word) for word in words)


def test_an_archive_is_read_without_control_characters(
    store: SessionStore, hostile_session: str, tmp_path: Path
) -> None:
    archive = tmp_path / "day.toml"
    text = archive_text(load_folder(store, hostile_session))
    # An archive written by someone else: put the escape sequences back in by hand.
    data = tomllib.loads(text)
    assert data["notes"][0]["note"][0]["text"] == HOSTILE_SHOWN
    data["notes"][0]["note"][0]["text"] = HOSTILE
    archive.write_text(tomli_w.dumps(data), encoding="utf-8")
    assert "\\u001b" in archive.read_text(encoding="utf-8")
    assert load_archive(archive).notes[0].text == HOSTILE_SHOWN


def test_an_agenda_is_read_without_control_characters(tmp_path: Path) -> None:
    path = tmp_path / "agenda.toml"
    path.write_text(
        'title = "Dag\\u001b]0;x\\u0007en"\nvenue = "Sal\\u0007 B"\nend = "10:00"\n'
        'stopwords = ["og\\u001b[1m"]\n[[slot]]\nstart = "9:00"\n'
        'title = "Velkommen\\u001b[2J"\nspeakers = ["Ann\\u009b1m"]\n'
        'questions = ["Hvad\\u001b[5m?"]\nnote = "Husk\\u007f"\n',
        encoding="utf-8",
    )
    agenda = load_agenda(path)
    slot = agenda.slots[0]
    assert (agenda.title, agenda.venue, agenda.stopwords) == ("Dagen", "Sal B", ["og"])
    assert (slot.title, slot.speakers, slot.questions, slot.note) == (
        "Velkommen",
        ["Ann"],
        ["Hvad?"],
        "Husk",
    )


def test_a_title_of_control_characters_only_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "agenda.toml"
    path.write_text(
        'title = "Dag"\nend = "10:00"\n[[slot]]\nstart = "9:00"\ntitle = "\\u001b[2J"\n',
        encoding="utf-8",
    )
    with pytest.raises(AgendaError, match="title"):
        load_agenda(path)


def test_an_error_message_never_carries_a_control_character(tmp_path: Path) -> None:
    path = tmp_path / "agenda.toml"
    path.write_text(
        'title = "Dag"\nend = "10:00"\n[[slot]]\nstart = "9:00"\n'
        'title = "Velkommen\\u001b]0;x\\u0007"\nkind = "talk\\u001b[2J"\n',
        encoding="utf-8",
    )
    with pytest.raises(AgendaError) as raised:
        load_agenda(path)
    assert not CONTROL.search(str(raised.value))
    assert "Velkommen" in str(raised.value)
    assert str(FacilitatorError(f"held by {CLEAR}pc")) == "held by pc"


def test_an_imported_programme_is_cleaned() -> None:
    result = parse_programme(
        "Dagen\x1b]0;x\x07\n\n9.00 Velkommen\x1b[2J v/ Ann\x07\n9.30 Pause\x0c\n10.00-10.30 Slut\n"
    )
    assert not CONTROL.search(result.agenda.model_dump_json())
    assert result.agenda.slots[0].title.startswith("Velkommen")
