"""The stage's countdown as the host console last wrote the session, for a stage that
draws its first frame before it has folded the log.

The host writes a glance with every write of `session.toml` while the stage shows nothing
but a slot, its countdown and what comes next; otherwise (a phase, a table's turn, a
rehearsal's own clock, the day finished) it writes none. A glance is a cache of the log,
written in the same atomic write: it is never trusted over the log, only drawn while the
log is read, and anything unexpected in it means no first frame.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Glance:
    """Slot `slot`'s countdown at `at`: `remaining` seconds (negative in overtime),
    counting down from then if `running`; the slot warns from `warning` seconds left."""

    slot: int
    at: datetime
    remaining: float
    running: bool
    warning: int

    def seconds_at(self, now: datetime) -> int:
        """The whole second the countdown shows at `now` (as SlotState.display_seconds)."""
        passed = (now - self.at).total_seconds() if self.running else 0.0
        return math.ceil(self.remaining - passed)

    def phase_at(self, now: datetime) -> str:
        """The slot's phase at `now`, by the timeline's rule (timing/timeline.py): "paused"
        (or not started: the stage draws both alike) unless running, then "overtime",
        "warning" or "running"."""
        if not self.running:
            return "paused"
        left = self.remaining - (now - self.at).total_seconds()
        if left < 0:
            return "overtime"
        return "warning" if left <= self.warning else "running"


FIELDS = ("slot", "at", "remaining", "running", "warning")


def read_glance(data: object) -> Glance | None:
    """The glance in a session's TOML data as read (its `glance` table), or None when
    there is none or it is not what the host writes."""
    glance = data.get("glance") if isinstance(data, dict) else None
    if not isinstance(glance, dict) or set(glance) != set(FIELDS):
        return None
    slot, at, remaining, running, warning = (glance[key] for key in FIELDS)
    if type(slot) is not int or slot < 0 or type(running) is not bool:
        return None
    if type(warning) is not int or warning < 0:
        return None
    if not isinstance(at, datetime) or at.tzinfo is None:
        return None
    if type(remaining) not in (int, float) or not math.isfinite(remaining):
        return None
    return Glance(slot, at, float(remaining), running, warning)
