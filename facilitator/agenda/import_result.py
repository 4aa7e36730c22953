"""What an import gives back: the agenda made, and remarks about what it could not place.

Shared by the programme importer and the Ontime importer, so the command prints both the
same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.agenda.model import Agenda
from facilitator.errors import FacilitatorError


class ImportProblem(FacilitatorError):
    """A programme that cannot become an agenda."""


@dataclass(frozen=True)
class Remark:
    """Something about one line of the programme: not placed, or placed with a guess.

    `line` is 0 when the remark is not about a line (the Ontime importer names its event
    in the text instead)."""

    line: int
    text: str


@dataclass(frozen=True)
class ImportResult:
    """The agenda made, and what the importer wants a person to look at."""

    agenda: Agenda
    remarks: tuple[Remark, ...]
