"""The host's run of a day: applies timing actions, creates and writes the session, holds the lock.

The host console drives this; it knows nothing of Textual, so tests and the end-to-end
tools can run a day with it directly.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, time, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.agenda.model import Agenda
from facilitator.errors import SessionLocked
from facilitator.i18n import t
from facilitator.session.lock import SessionLock
from facilitator.session.model import Rehearsal, Session, StageMessage
from facilitator.session.store import SessionStore, new_session
from facilitator.timing.clock import Clock
from facilitator.timing.events import Action, Event
from facilitator.timing.replan import Proposal, check_lengths, propose
from facilitator.timing.timeline import DayState, Timeline

if TYPE_CHECKING:
    from facilitator.roles.note_taker import NoteTaking


def rehearsal_start(agenda: Agenda, today: date) -> datetime:
    """Where a rehearsal's virtual clock starts: the first slot's planned time on the day."""
    first: time = agenda.slots[0].start
    return datetime.combine(agenda.date or today, first).astimezone().astimezone(UTC)


class HostRun:
    """One host console's hold on a day: the timeline, and the session once the day starts."""

    def __init__(
        self,
        agenda: Agenda,
        store: SessionStore,
        base_clock: Clock,
        agenda_file: Path | None = None,
        speed: float | None = None,
        take_over: bool = False,
        tz: tzinfo | None = None,
    ) -> None:
        self.agenda = agenda
        self.store = store
        self.base_clock = base_clock
        self.agenda_file = str(agenda_file.resolve()) if agenda_file else None
        self.take_over = take_over
        self.tz = tz
        self.rehearsal: Rehearsal | None = None
        if speed is not None:
            real = base_clock.now()
            self.rehearsal = Rehearsal(
                virtual_start=rehearsal_start(agenda, real.astimezone().date()),
                real_start=real,
                speed=speed,
            )
        self.clock: Clock = self.rehearsal.clock(base_clock) if self.rehearsal else base_clock
        self.session: Session | None = None
        self.lock: SessionLock | None = None
        self.unsaved = False
        self.messages: list[StageMessage] = []
        self.stage_cloud: int | None = None
        self._note_taking: NoteTaking | None = None
        # No day given: before the start the day is the date nearest now (a console opened
        # the evening before shows tomorrow), and from the first start on, its date.
        self.timeline = Timeline(agenda, tz=tz)

    @property
    def is_rehearsal(self) -> bool:
        """Whether the day runs on a virtual clock."""
        return self.rehearsal is not None

    def resumable(self) -> Session | None:
        """An unfinished session of this agenda file and kind that could be resumed."""
        return self.store.newest_unfinished(self.agenda_file, rehearsal=self.is_rehearsal)

    def resume(self, session: Session) -> None:
        """Take over `session`: lock it, follow its clock, continue its log."""
        self.lock = self.store.lock(session.id, take_over=self.take_over)
        if session.rehearsal and self.rehearsal:
            # Keep the virtual day where it is, at this run's speed.
            if session.rehearsal.speed != self.rehearsal.speed:
                now = session.rehearsal.clock(self.base_clock).now()
                session.rehearsal = Rehearsal(
                    virtual_start=now, real_start=self.base_clock.now(), speed=self.rehearsal.speed
                )
            self.rehearsal = session.rehearsal
            self.clock = session.rehearsal.clock(self.base_clock)
        self.session = session
        self.agenda = session.agenda
        self.timeline = session.timeline(self.tz)
        self.messages = list(session.messages)
        self.stage_cloud = session.stage_cloud
        self.store.save(session)

    def state(self) -> DayState:
        """The day now."""
        return self.timeline.state(self.clock.now())

    def can(self, action: Action, slot: int | None = None, seconds: int = 0) -> bool:
        """Whether `action` would do anything now."""
        return not self.lost_lock and self.timeline.can(action, slot, seconds, self.clock.now())

    def act(self, action: Action, slot: int | None = None, seconds: int | None = None) -> bool:
        """Apply and record one timing action; False if it does not apply now.

        The action counts even when the write fails: it stays in memory, `unsaved` is set,
        SessionError tells the console, and `flush` tries again.
        """
        self._check_lock()
        event = Event.of(action, self.clock.now(), seconds, slot)
        if not self.timeline.apply(event):
            return False
        if self.session is not None:
            self.session.events.append(event)
        self.unsaved = True
        self.flush()
        return True

    # The re-plan (docs/timing.md, "The re-plan"): what `r` proposes, and Enter applying it.

    def replan_proposal(self, chosen: Mapping[int, int] | None = None) -> Proposal | None:
        """The re-plan for now, around the lengths (seconds by slot index) the host chose;
        None when a re-plan could change nothing."""
        return propose(self.timeline, self.clock.now(), chosen)

    def apply_replan(self, lengths: Mapping[int, int]) -> bool:
        """Record new planned lengths (seconds by slot index) as one `replan` action, which
        one undo takes back; False, and nothing recorded, when one cannot be set now
        (`check_lengths` says why) or nothing changes. Written like every action."""
        self._check_lock()
        now = self.clock.now()
        if not lengths or check_lengths(self.timeline, now, lengths):
            return False
        event = Event.of(Action.REPLAN, now, lengths=lengths)
        if not self.timeline.apply(event):
            return False
        if self.session is not None:
            self.session.events.append(event)
        self.unsaved = True
        self.flush()
        return True

    def send_message(self, text: str) -> None:
        """Show `text` on the stage; an empty text clears it."""
        self._check_lock()
        self.messages.append(StageMessage(at=self.clock.now(), text=text.strip()))
        if self.session is not None:
            self.session.messages = list(self.messages)
        self.unsaved = True
        self.flush()

    def toggle_cloud(self) -> int | None:
        """Put the word cloud of the latest dialogue on the stage, or take it off again.

        Returns the slot whose cloud is now shown, or None.
        """
        self._check_lock()
        target = None if self.stage_cloud is not None else self.cloud_slot()
        self.stage_cloud = target
        if self.session is not None:
            self.session.stage_cloud = target
        self.unsaved = True
        self.flush()
        return target

    def cloud_slot(self) -> int | None:
        """The dialogue whose words a round-up shows: the latest one up to the current slot."""
        return self.agenda.latest_dialogue(self.timeline.log.current)

    @property
    def stage_message(self) -> str:
        """The text the stage shows now ("" for none)."""
        return self.messages[-1].text if self.messages else ""

    @property
    def lost_lock(self) -> bool:
        """Another console has taken the session over."""
        return self.lock is not None and not self.lock.held()

    def _check_lock(self) -> None:
        if self.lost_lock:
            assert self.lock is not None
            raise SessionLocked(t("host.taken_over", folder=self.lock.path.parent))

    def flush(self) -> None:
        """Write what is unwritten; the first write creates the session. SessionError on failure."""
        if not self.unsaved:
            return
        self._check_lock()
        if self.session is None:
            self._create()
        else:
            # A session created before the first start takes the date of that start.
            self.session.day = self.timeline.day_at(self.clock.now())
            self.store.save(self.session)
        self.unsaved = False

    def _create(self) -> None:
        """The first action of the day: write a new session folder and lock it."""
        self.session = new_session(
            self.store,
            created=self.base_clock.now(),
            day=self.timeline.day_at(self.clock.now()),
            agenda_file=self.agenda_file,
            rehearsal=self.rehearsal,
            agenda=self.agenda,
            events=list(self.timeline.events),
            messages=list(self.messages),
            stage_cloud=self.stage_cloud,
        )
        self.lock = self.store.lock(self.session.id)

    def note_taking(self) -> NoteTaking:
        """The host's own notes, written as "host"; needs the session to exist."""
        from facilitator.notes.model import HOST_WRITER
        from facilitator.roles.note_taker import NoteTaking

        if self._note_taking is None:
            assert self.session is not None, "notes need a session: start the day first"
            self._note_taking = NoteTaking(
                self.store, self.session, HOST_WRITER, self.base_clock, take_over=self.take_over
            )
        return self._note_taking

    def close(self) -> None:
        """Write what is unwritten and release the locks; the session stays resumable."""
        try:
            self.flush()
        finally:
            if self.lock is not None:
                self.lock.release()
            if self._note_taking is not None:
                self._note_taking.close()
