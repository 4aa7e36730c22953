"""Phases inside a slot: written out (`phases = [...]`) or from a method's `template`, and
how they fill the slot's length. The agenda file calls them `phases`; the code calls them
steps, as `Phase` already names where a slot's countdown stands (timing/state.py).

The rule (docs/agenda.md, "Phases"): written-out phases add up to the slot's length
exactly, unless the last one leaves out its `duration` and takes the rest. A template's
last phase (everyone together, the harvest) takes the rest, and the slot must leave it
at least the method's time.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, Protocol

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer

from facilitator.agenda.durations import format_duration, parse_duration
from facilitator.agenda.fields import CleanText
from facilitator.i18n import CATALOGUES, language, t

if TYPE_CHECKING:
    from facilitator.agenda.model import Agenda

StepSeconds = Annotated[int, BeforeValidator(parse_duration), PlainSerializer(format_duration)]
"""A phase's positive length: "90s", "5m"; held as whole seconds."""


class Template(StrEnum):
    """A method whose phases the program knows."""

    ONE_TWO_FOUR_ALL = "1-2-4-all"
    WORLD_CAFE = "world-cafe"


class Step(BaseModel):
    """One phase written out in the agenda: `{ title = "Alene", duration = "1m" }`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: CleanText = Field(min_length=1)
    """What the room is told to do now."""
    duration: StepSeconds | None = None
    """How long it lasts; only the last phase may leave it out, and takes the rest."""


@dataclass(frozen=True)
class PlannedStep:
    """One phase with its planned length in seconds."""

    title: str
    seconds: int


class HasSteps(Protocol):
    """The fields of a slot that say its phases (agenda.model.Slot)."""

    @property
    def phases(self) -> list[Step]: ...
    @property
    def template(self) -> Template | None: ...
    @property
    def rounds(self) -> int | None: ...
    @property
    def round_length(self) -> int | None: ...
    @property
    def table_change(self) -> int | None: ...


ONE_TWO_FOUR_ALL = (
    ("steps.124.alone", 60),
    ("steps.124.pairs", 120),
    ("steps.124.foursomes", 240),
    ("steps.124.everyone", 300),
)
"""1-2-4-All (Liberating Structures): its phases and their lengths; the last takes the rest."""

WORLD_CAFE_ROUNDS = 3
"""Rounds of a World Café when `rounds` is not given."""
WORLD_CAFE_CHANGE = 120
"""The table change between rounds when `table_change` is not given."""
CAFE_FIELDS = ("rounds", "round_length", "table_change")
"""The fields that only a World Café reads."""


class StepsDontFit(ValueError):
    """The phases of a slot do not fit its length; the message says how to make them fit."""


def plan_steps(slot: HasSteps, length: int, lang: str) -> tuple[PlannedStep, ...]:
    """The phases of a slot `length` seconds long, titled in `lang`; () without phases.
    StepsDontFit (or ValueError for fields that do not go together) says what is wrong."""
    if slot.phases and slot.template is not None:
        raise ValueError(t("steps.both"))
    if slot.template is not Template.WORLD_CAFE:
        for name in CAFE_FIELDS:
            if getattr(slot, name) is not None:
                raise ValueError(t("steps.cafe_only", field=name))
    if slot.template is Template.ONE_TWO_FOUR_ALL:
        return _one_two_four_all(length, lang)
    if slot.template is Template.WORLD_CAFE:
        return _world_cafe(slot, length, lang)
    return _written_out(slot.phases, length)


def _title(lang: str, key: str, **values: object) -> str:
    """A template's phase title in the agenda's language (the room's), not the console's."""
    return CATALOGUES[lang][key].format(**values)


def _one_two_four_all(length: int, lang: str) -> tuple[PlannedStep, ...]:
    need = sum(seconds for _, seconds in ONE_TWO_FOUR_ALL)
    if length < need:
        raise StepsDontFit(
            t("steps.template_short", name="1-2-4-all", need=_span(need), length=_span(length))
        )
    steps = [PlannedStep(_title(lang, key), sec) for key, sec in ONE_TWO_FOUR_ALL]
    last = steps[-1]
    steps[-1] = PlannedStep(last.title, length - need + last.seconds)
    return tuple(steps)


def _world_cafe(slot: HasSteps, length: int, lang: str) -> tuple[PlannedStep, ...]:
    rounds = slot.rounds or WORLD_CAFE_ROUNDS
    change = slot.table_change if slot.table_change is not None else WORLD_CAFE_CHANGE
    changes = (rounds - 1) * change
    if slot.round_length is None:
        # The rounds share the slot evenly, the odd seconds to the last; at least a minute.
        each, odd = divmod(length - changes, rounds)
        if each < 60:
            raise StepsDontFit(
                t("steps.cafe_short", need=_span(rounds * 60 + changes), length=_span(length))
            )
        lengths = [each] * (rounds - 1) + [each + odd]
        harvest = 0
    else:
        lengths = [slot.round_length] * rounds
        harvest = length - sum(lengths) - changes
        if harvest < 0:
            raise StepsDontFit(
                t("steps.cafe_short", need=_span(length - harvest), length=_span(length))
            )
    steps = []
    for number, seconds in enumerate(lengths, start=1):
        if number > 1:
            steps.append(PlannedStep(_title(lang, "steps.cafe.change"), change))
        steps.append(PlannedStep(_title(lang, "steps.cafe.round", number=number), seconds))
    if harvest:
        steps.append(PlannedStep(_title(lang, "steps.cafe.harvest"), harvest))
    return tuple(step for step in steps if step.seconds > 0)


def _written_out(phases: list[Step], length: int) -> tuple[PlannedStep, ...]:
    if not phases:
        return ()
    for number, step in enumerate(phases[:-1], start=1):
        if step.duration is None:
            raise StepsDontFit(t("steps.needs_duration", number=number, title=step.title))
    before = sum(step.duration or 0 for step in phases[:-1])
    last = phases[-1]
    if last.duration is None:
        if before >= length:
            raise StepsDontFit(t("steps.no_rest", before=_span(before), length=_span(length)))
        rest = length - before
    else:
        total = before + last.duration
        if total != length:
            key = "steps.too_long" if total > length else "steps.too_short"
            raise StepsDontFit(
                t(key, total=_span(total), length=_span(length), diff=_span(abs(total - length)))
            )
        rest = last.duration
    planned = [PlannedStep(step.title, step.duration or 0) for step in phases[:-1]]
    return (*planned, PlannedStep(last.title, rest))


def _span(seconds: int) -> str:
    """A length as the agenda file writes it, so a message can be copied back into it."""
    return format_duration(seconds)


def steps_problem(slot: HasSteps, length: int | None) -> str | None:
    """What is wrong with a slot's phases, or None; `length` None when the slot has none
    to measure against (its own error is reported apart)."""
    if (
        not slot.phases
        and slot.template is None
        and all(getattr(slot, name) is None for name in CAFE_FIELDS)
    ):
        return None
    try:
        plan_steps(slot, length if length is not None else 86400, "en")
    except StepsDontFit as error:
        return str(error) if length is not None else None
    except ValueError as error:
        return str(error)
    return None


def agenda_steps(agenda: Agenda, index: int, length: int | None = None) -> tuple[PlannedStep, ...]:
    """The phases of slot `index` of a valid agenda, titled in the agenda's language (else
    the console's), for its agenda length (or `length`); () for a slot without phases."""
    slot = agenda.slots[index]
    if not slot.phases and slot.template is None:
        return ()
    return plan_steps(slot, length or agenda.duration_of(index), agenda.language or language())


def describe_step_error(loc: list[Any], kind: str, message: str) -> str:
    """A problem inside `phases = [...]`, after the slot's name: 'phase 2: …'."""
    if len(loc) < 2 or not isinstance(loc[1], int):
        return t("agenda.field", where="", field="phases", message=t("hint.phases"))
    where = t("steps.phase_label", number=loc[1] + 1)
    field = str(loc[2]) if len(loc) > 2 else ""
    if kind == "extra_forbidden":
        return t("steps.unknown_key", where=where, field=field)
    if kind == "missing":
        return t("steps.missing", where=where, field=field)
    if not field:
        return f"{where}: {t('hint.phases')}"
    return t("agenda.field", where=f"{where}: ", field=field, message=message)
