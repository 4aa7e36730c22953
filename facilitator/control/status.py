"""The `status` verb: the JSON of `facilitator status` (roles/status.py), from the
console's own run.

The day is the run's own timeline at the run's clock, as the console shows it, so an
action not yet on disk (a write that failed and is being retried) counts already and
nothing is read again. Before the day's first start there is no session yet: the answer
is the day as the console shows it, with the session's id null.
"""

from __future__ import annotations

from typing import Any

from facilitator.roles.host import HostRun
from facilitator.roles.status import DayStatus, status_data
from facilitator.session.model import Session
from facilitator.timing.replan import propose

UNSTARTED_ID = "unstarted"
"""A stand-in id for a day not started, never written and answered as null."""


def run_status(run: HostRun, replan: bool = True) -> dict[str, Any]:
    """What `facilitator status --json` would print for the console's day now; without
    `replan`, the re-plan `r` would propose is left out (null), as it costs the most."""
    now = run.clock.now()
    state = run.timeline.state(now)
    proposal = propose(run.timeline, now) if replan and state.replan_helps else None
    data = status_data(DayStatus(run.session or _unstarted(run), state, proposal))
    if run.session is None:
        data["session"]["id"] = None
    return data


def _unstarted(run: HostRun) -> Session:
    """The session the first start would create, as it stands before that start."""
    return Session(
        id=UNSTARTED_ID,
        created=run.base_clock.now(),
        day=run.timeline.day_at(run.clock.now()),
        rehearsal=run.rehearsal,
        agenda=run.agenda,
    )
