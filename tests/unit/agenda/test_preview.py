"""The agenda preview that the host's first frame is drawn from agrees with the validated
agenda wherever it gives one, and gives none for what it does not follow."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings

from facilitator.agenda.model import Agenda, load_agenda
from facilitator.agenda.preview import AgendaPreview, preview_agenda
from facilitator.errors import FacilitatorError
from tests.seed import AGENDA_FILE
from tests.unit.agenda.test_ontime_properties import agendas

AGENDAS = Path(__file__).parent.parent / "agendas"


def _agrees(preview: AgendaPreview, agenda: Agenda) -> None:
    assert preview.title == agenda.title
    assert preview.language == agenda.language
    assert preview.slot_count == len(agenda.slots)
    slot, model = preview.first, agenda.slots[0]
    assert (slot.title, slot.kind, slot.speakers) == (
        model.title,
        model.kind.value,
        tuple(model.speakers),
    )
    assert slot.seconds == agenda.duration_of(0)


def test_the_model_day_previews_as_it_validates() -> None:
    preview = preview_agenda(AGENDA_FILE)
    assert preview is not None
    _agrees(preview, load_agenda(AGENDA_FILE))
    assert preview.first.seconds == 300 and preview.slot_count == 14


@pytest.mark.parametrize("path", sorted(AGENDAS.glob("*.toml")), ids=lambda path: path.stem)
def test_every_test_agenda_previews_as_it_validates_or_not_at_all(path: Path) -> None:
    preview = preview_agenda(path)
    try:
        agenda = load_agenda(path)
    except FacilitatorError:
        return  # a refused agenda may have a preview: the first frame is then replaced
    if preview is not None:
        _agrees(preview, agenda)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(agenda=agendas())
def test_any_valid_day_previews_as_it_validates(tmp_path_factory: Any, agenda: Agenda) -> None:
    path = tmp_path_factory.mktemp("preview") / "agenda.toml"
    path.write_text(tomli_w.dumps(agenda.to_toml_data()), encoding="utf-8")
    preview = preview_agenda(path)
    assert preview is not None
    _agrees(preview, agenda)


@pytest.mark.parametrize(
    "text",
    [
        "",  # no slot
        'title = "Dag"\n[[slot]]\nstart = "9:00"\ntitle = "A"',  # no end, no length
        'title = "Dag"\nend = "10:00"\n[[slot]]\nstart = "9:00"\ntitle = 3',  # a number
        'title = "Dag"\nend = "10:00"\n[[slot]]\nstart = "9:00"\ntitle = "A"\nkind = "x"',
        'title = "Dag"\nend = "8:00"\n[[slot]]\nstart = "9:00"\ntitle = "A"',  # ends first
        'title = "Dag"\nend = "10:00"\n[[slot]]\nstart = "9.99"\ntitle = "A"',  # no time
        'title = "Dag"\nend = "10:00"\nslot = [1]',
        'title = "Dag"\nlanguage = "sv"\nend = "10:00"\n[[slot]]\nstart = "9:00"\ntitle = "A"',
        "title = [",  # not TOML
        'title = "Dag"\nend = "10:00"\n[[slot]]\nstart = "9:00"\ntitle = "A"\nduration = "99999h"',
    ],
)
def test_what_the_preview_does_not_follow_gives_none(tmp_path: Path, text: str) -> None:
    path = tmp_path / "agenda.toml"
    path.write_text(text, encoding="utf-8")
    assert preview_agenda(path) is None


def test_a_missing_file_gives_none(tmp_path: Path) -> None:
    assert preview_agenda(tmp_path / "none.toml") is None
