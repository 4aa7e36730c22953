"""What a stage shows of a session before the session is validated: the slot, its
countdown and what comes next, read from the TOML alone with the host's glance
(glance.py).

Only a session whose stage shows nothing more has a glance (the host decides, see
roles/stage_glance.py), and so a preview. The preview is never trusted: the session is
then read as always, and a file the models refuse is reported as always.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from facilitator.clean import clean_text
from facilitator.session.glance import Glance, read_glance
from facilitator.session.place import session_data


@dataclass(frozen=True)
class StagePreview:
    """The slot under way, its speakers, the next slot's title and the glance."""

    title: str
    speakers: str
    next_title: str | None
    glance: Glance


def preview_stage(folder: Path) -> StagePreview | None:
    """The preview of the session in `folder`, or None (see the module)."""
    data = session_data(folder)
    glance = read_glance(data) if data is not None else None
    if data is None or glance is None:
        return None
    agenda = data.get("agenda")
    slots = agenda.get("slot") if isinstance(agenda, dict) else None
    if not isinstance(slots, list) or glance.slot >= len(slots):
        return None
    slot = slots[glance.slot]
    following = slots[glance.slot + 1] if glance.slot + 1 < len(slots) else None
    title = _title(slot)
    speakers = slot.get("speakers", []) if isinstance(slot, dict) else None
    next_title = _title(following) if following is not None else None
    if title is None or (following is not None and next_title is None):
        return None
    if not isinstance(speakers, list) or not all(isinstance(name, str) for name in speakers):
        return None
    return StagePreview(title, ", ".join(map(clean_text, speakers)), next_title, glance)


def _title(slot: object) -> str | None:
    """A slot's title as the model keeps it: cleaned and stripped; None if it has none."""
    title = slot.get("title") if isinstance(slot, dict) else None
    return (clean_text(title).strip() or None) if isinstance(title, str) else None
