"""Ontime files under hypothesis: any agenda survives agenda -> Ontime -> agenda, and any
JSON, or the hand-written project with any value changed, gives an agenda or the
project's own error, never a crash."""

from __future__ import annotations

import json
from datetime import date, time
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.agenda.model import Agenda, SlotKind
from facilitator.agenda.ontime import ontime_json
from facilitator.agenda.ontime_import import parse_ontime
from facilitator.agenda.ontime_read import parse_json
from facilitator.errors import FacilitatorError
from tests.unit.agenda.test_ontime import techday

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORDS = (
    st.text(
        alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzæøåABCÆØÅ0123456789 -.:?!'\"()/é"),
        min_size=1,
        max_size=24,
    )
    .map(str.strip)
    .filter(bool)
)
"""Text as people write it in titles, notes and questions."""
NAMES = WORDS.filter(lambda name: not any(sign in name for sign in ",;&"))
"""Speakers' names: a name with a comma would be read back as two names."""


def clock(seconds: int) -> str:
    return time(seconds // 3600, seconds // 60 % 60, seconds % 60).isoformat()


@st.composite
def agendas(draw: st.DrawFn) -> Agenda:
    """Any valid day: 1 to 10 slots at any second, gaps or not, every field Ontime carries."""
    count = draw(st.integers(1, 10))
    starts = sorted(draw(st.sets(st.integers(0, 86_000), min_size=count, max_size=count)))
    slots: list[dict[str, Any]] = []
    end = 0
    for index, start in enumerate(starts):
        limit = starts[index + 1] if index + 1 < count else 86_400
        slot: dict[str, Any] = {
            "start": clock(start),
            "title": draw(WORDS),
            "kind": draw(st.sampled_from(list(SlotKind))).value,
            "speakers": draw(st.lists(NAMES, max_size=3)),
            "questions": draw(st.lists(WORDS, max_size=2)),
            "fixed": draw(st.booleans()),
        }
        if draw(st.booleans()):
            slot["duration"] = f"{draw(st.integers(1, limit - start))}s"
        elif index + 1 == count:
            end = draw(st.integers(start + 1, 86_399))
        if draw(st.booleans()):
            slot["warning"] = f"{draw(st.integers(1, 3600))}s"
        if draw(st.booleans()):
            slot["note"] = draw(WORDS)
        slots.append(slot)
    data: dict[str, Any] = {"title": draw(WORDS), "slot": slots, "warning": "90s"}
    if "duration" not in slots[-1]:
        data["end"] = clock(end)
    if draw(st.booleans()):
        data["date"] = draw(st.dates(date(1990, 1, 1), date(2100, 1, 1)))
    if draw(st.booleans()):
        data["venue"] = draw(WORDS)
    if draw(st.booleans()):
        data["language"] = draw(st.sampled_from(["da", "en"]))
    return Agenda.model_validate(data)


def plan(agenda: Agenda) -> list[tuple[Any, ...]]:
    return [
        (
            slot.start,
            agenda.duration_of(index),
            slot.title,
            slot.speakers,
            agenda.warning_of(index),
            slot.kind,
            slot.questions,
            slot.note,
            slot.fixed,
        )
        for index, slot in enumerate(agenda.slots)
    ]


@SETTINGS
@given(agendas())
def test_any_agenda_survives_the_round_trip(agenda: Agenda) -> None:
    result = parse_ontime(parse_json(ontime_json(agenda)))
    again = result.agenda
    assert result.remarks == ()
    assert plan(again) == plan(agenda)
    assert (again.title, again.date, again.venue, again.language) == (
        agenda.title,
        agenda.date,
        agenda.venue,
        agenda.language,
    )


JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**12), 10**12)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


@SETTINGS
@given(JSON)
def test_any_json_is_an_agenda_or_a_message(value: Any) -> None:
    try:
        parse_ontime(parse_json(json.dumps(value)))
    except FacilitatorError:
        pass


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON value, as the keys and indexes that lead to it."""
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += paths(item, (*prefix, index))
    return found


PLACES = paths(techday())[1:]


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from(PLACES), JSON), min_size=1, max_size=3))
def test_the_hand_written_project_with_any_value_changed(changes: list[Any]) -> None:
    data = techday()
    for place, value in changes:
        target: Any = data
        try:
            for key in place[:-1]:
                target = target[key]
            target[place[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed the place
    try:
        parse_ontime(data)
    except FacilitatorError:
        pass
