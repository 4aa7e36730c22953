"""Record the example session in sessions/: a rehearsal of agenda.toml at 60 times speed,
with notes from two note-takers, finished. Run from the repository's root:

    .venv/bin/python tools/record_example_session.py

It drives the same HostRun and NoteTaking the consoles use, on a clock it moves itself,
so the session is the one a real rehearsal with these actions would leave.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from facilitator.agenda.model import load_agenda
from facilitator.roles.host import HostRun
from facilitator.roles.note_taker import NoteTaking
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action

SPEED = 60.0

# (virtual minutes spent before the action, action): a day that starts a minute late,
# runs over in the welcome and the keynote, and wins some of it back in the break.
PLAN = [
    (1, Action.START),
    (7, Action.NEXT),
    (12, Action.NEXT),
    (10, Action.NEXT),
    (5, Action.NEXT),
    (11, Action.NEXT),
    (9, Action.NEXT),
    (10, Action.NEXT),
    (7, Action.NEXT),
    (27, Action.NEXT),
    (63, Action.NEXT),
    (28, Action.NEXT),
    (10, Action.NEXT),
    (15, Action.NEXT),
    (12, Action.FINISH),
]

FIRST_DIALOGUE = [
    (1, 0, "Tillid mellem ledere og medarbejdere er fundamentet. Vi skal tale åbent om fejl."),
    (2, 0, "Psykologisk tryghed kræver, at lederen går forrest og selv fortæller om fejl."),
    (3, 0, "Faste møder hvor alle får ordet; psykologisk tryghed i hverdagen, ikke kun på dagen."),
    (4, 0, "Nysgerrighed frem for skyld. Spørg ind, før vi dømmer."),
    (5, 0, "Tillid og feedback i begge retninger, også opad i MED-systemet."),
    (6, 0, "Nye kolleger skal introduceres til psykologisk tryghed fra første dag."),
    (1, 1, "Hver især: lytte mere. I fællesskab: aftale hvordan vi giver feedback."),
    (2, 1, "Sige tak, sige fra, og turde spørge. Fællesskab om opgaven."),
    (3, 1, "Fælles spilleregler i teamet og opfølgning i MED-udvalget."),
    (4, 1, "Tillid: holde hvad vi lover. Feedback skal være venlig og konkret."),
    (7, 1, "Psykologisk tryghed som fast punkt på personalemøder."),
    (8, 0, "Ledelse tæt på. Lederen skal være tilgængelig og tilnærmelig."),
]

SECOND_DIALOGUE = [
    (1, 0, "Når vi planlægger vagtplanen sammen og alle bliver hørt."),
    (2, 0, "Fælles beslutninger om prioritering af opgaver på teammøder."),
    (3, 0, "Når vi løser et problem med borgeren på tværs af faggrupper."),
    (5, 0, "Sjældent nok. Vi vil gerne inddrages tidligere i beslutninger."),
    (1, 1, "Aktørskab: tag personligt ansvar for opgaven og bidrag til fællesskabet."),
    (2, 1, "At vi selv kan påvirke sammenhængen. Aktørskab for andre."),
    (4, 1, "Drøfte de fire udsagn i det lokale MED-udvalg."),
    (6, 1, "Fleksible autoritetsforhold: den der ved mest, tager teten."),
]


def main() -> None:
    root = Path(__file__).resolve().parent.parent
    agenda = load_agenda(root / "agenda.toml")
    store = SessionStore(root / "sessions")
    real = FakeClock(datetime(2026, 11, 20, 13, 0, tzinfo=UTC))
    run = HostRun(agenda, store, real, speed=SPEED)
    run.agenda_file = None  # the example belongs to no one's agenda file
    desk: NoteTaking | None = None
    host_notes: NoteTaking | None = None
    for minutes, action in PLAN:
        current = run.timeline.log.current
        dialogue_notes = {2: FIRST_DIALOGUE, 10: SECOND_DIALOGUE}.get(current, [])
        if desk is None or not dialogue_notes or action is Action.START:
            real.advance(minutes * 60 / SPEED)
        else:
            # Tables report through the dialogue: one note every little while.
            step = minutes * 60 / SPEED / (len(dialogue_notes) + 1)
            questions = agenda.slots[current].questions
            for table, question, text in dialogue_notes:
                real.advance(step)
                desk.save(current, table, questions[question], text)
            real.advance(step)
            if current == 2 and host_notes is not None:
                host_notes.save(
                    2, 9, None, "Bord 9: mere tid til dialog, vi nåede kun det ene spørgsmål."
                )
        assert run.act(action), action
        if desk is None and run.session is not None:
            desk = NoteTaking(store, run.session, "desk", real)
            host_notes = NoteTaking(store, run.session, "host", real)
    assert desk is not None and host_notes is not None
    host_notes.close()
    desk.close()
    run.close()
    print(f"recorded {run.session.id if run.session else '?'}")


if __name__ == "__main__":
    main()
