"""A notes writer process driven line by line on stdin, for the take-over tests.

    python notes_driver.py SESSIONS SESSION_ID WRITER [--take-over]

Prints {"ready": true} once it holds the writer's file. Then, for each line read:
`save TEXT` saves a note, `loop N PREFIX` saves up to N notes one after another as fast
as it can and stops at the first that is refused for a take-over. Every save prints
{"text": …, "result": …}, the result "saved", "taken_over" or "failed".
`quit` (or the end of stdin) closes it.
"""

from __future__ import annotations

import json
import sys

from facilitator.errors import SessionError
from facilitator.notes.store import NotesTakenOver
from facilitator.roles.note_taker import NoteTaking
from facilitator.session.store import SessionStore
from facilitator.timing.clock import SystemClock


def save(taking: NoteTaking, text: str) -> str:
    try:
        taking.save(2, 1, None, text)
    except NotesTakenOver:
        return "taken_over"
    except SessionError:
        return "failed"
    return "saved"


def main(sessions: str, session_id: str, writer: str, take_over: bool) -> None:
    store = SessionStore(sessions)
    taking = NoteTaking(store, store.load(session_id), writer, SystemClock(), take_over=take_over)
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        command, _, rest = line.strip().partition(" ")
        if command == "save":
            print(json.dumps({"text": rest, "result": save(taking, rest)}), flush=True)
        elif command == "loop":
            count, _, prefix = rest.partition(" ")
            for index in range(int(count)):
                text = f"{prefix} {index}"
                result = save(taking, text)
                print(json.dumps({"text": text, "result": result}), flush=True)
                if result == "taken_over":
                    break
        elif command == "quit":
            break
    taking.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], "--take-over" in sys.argv[4:])
