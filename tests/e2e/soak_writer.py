"""One writer process of the notes soak: a host or a note-taker writing for a while.

    python soak_writer.py host SESSIONS AGENDA SECONDS
    python soak_writer.py notes SESSIONS SESSION_ID WRITER SECONDS

Prints, as JSON on its last line, what it wrote: the host its actions, a note-taker the
final text of each note id and whether it was deleted.
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

from facilitator.agenda.model import load_agenda
from facilitator.roles.host import HostRun
from facilitator.roles.note_taker import NoteTaking
from facilitator.session.store import SessionStore
from facilitator.timing.clock import SystemClock
from facilitator.timing.events import Action


def host(sessions: str, agenda_file: str, seconds: float) -> None:
    run = HostRun(
        load_agenda(agenda_file),
        SessionStore(sessions),
        SystemClock(),
        agenda_file=Path(agenda_file),
    )
    run.act(Action.START)
    print(json.dumps({"session": run.session.id if run.session else None}), flush=True)
    actions = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        action = random.choice([Action.ADJUST, Action.PAUSE, Action.RESUME, Action.NEXT])
        if run.act(action, seconds=60 if action is Action.ADJUST else None):
            actions.append(action.value)
        run.send_message(f"message {len(actions)}")
        time.sleep(random.uniform(0.2, 0.5))
    run.close()
    print(json.dumps({"actions": actions}), flush=True)


def notes(sessions: str, session_id: str, writer: str, seconds: float) -> None:
    store = SessionStore(sessions)
    taking = NoteTaking(store, store.load(session_id), writer, SystemClock())
    written: dict[str, dict[str, object]] = {}
    deadline = time.monotonic() + seconds
    count = 0
    while time.monotonic() < deadline:
        count += 1
        roll = random.random()
        own = [note_id for note_id, entry in written.items() if not entry["deleted"]]
        if own and roll < 0.15:
            note_id = random.choice(own)
            text = f"{writer} edit {count}"
            taking.save(2, 1 + count % 12, None, text, note_id=note_id)
            written[note_id] = {"text": text, "deleted": False}
        elif own and roll < 0.25:
            note_id = random.choice(own)
            taking.delete(note_id)
            written[note_id]["deleted"] = True
        else:
            note = taking.save(2, 1 + count % 12, None, f"{writer} note {count} om tillid")
            written[note.id] = {"text": note.text, "deleted": False}
        taking.refresh()
        time.sleep(random.uniform(0.1, 0.4))
    taking.close()
    print(json.dumps({"notes": written}), flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "host":
        host(sys.argv[2], sys.argv[3], float(sys.argv[4]))
    else:
        notes(sys.argv[2], sys.argv[3], sys.argv[4], float(sys.argv[5]))
