"""A host process for the kill -9 test: resumes the unfinished rehearsal (or starts one)
and takes random actions at high speed, printing each one once it is on disk.

    python fault_driver.py SESSIONS AGENDA SEED
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

from facilitator.agenda.model import load_agenda
from facilitator.roles.host import HostRun
from facilitator.session.store import SessionStore
from facilitator.timing.clock import SystemClock
from facilitator.timing.events import Action

ACTIONS = [Action.NEXT] * 4 + [
    Action.PAUSE,
    Action.RESUME,
    Action.ADJUST,
    Action.UNDO,
    Action.PREVIOUS,
    Action.START,
]


def main(sessions: str, agenda_file: str, seed: int) -> None:
    rng = random.Random(seed)
    run = HostRun(
        load_agenda(agenda_file),
        SessionStore(sessions),
        SystemClock(),
        agenda_file=Path(agenda_file),
        speed=600,
    )
    existing = run.resumable()
    if existing is not None:
        run.resume(existing)
    else:
        run.act(Action.START)
        report(run)
    print(json.dumps({"ready": True}), flush=True)  # acting from now on: kill any time
    while True:
        action = rng.choice(ACTIONS)
        seconds = rng.choice([60, -60]) if action is Action.ADJUST else None
        if run.state().current >= len(run.agenda.slots) - 2:
            action = Action.UNDO  # keep the day going: the test wants it unfinished
        if run.act(action, seconds=seconds):
            report(run)
        time.sleep(rng.uniform(0.002, 0.02))


def report(run: HostRun) -> None:
    """Print the last action, and the state right after it, once it is on disk."""
    assert run.session is not None and not run.unsaved
    event = run.session.events[-1]
    state = run.timeline.state(event.at)
    print(
        json.dumps(
            {
                "action": event.action.value,
                "at": event.at.isoformat(),
                "current": state.current,
                "phase": state.current_slot.phase.value,
            }
        ),
        flush=True,
    )


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
