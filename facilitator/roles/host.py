"""The host's run of a day: applies timing actions, creates and writes the session, holds the lock.

A console that does not hold the session (another live console held it first, or took it
over) follows it read-only instead, and never starts a second session of the same agenda.
The host console drives this; it knows nothing of Textual, so tests and the end-to-end
tools can run a day with it directly.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, time, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from facilitator.agenda.model import Agenda
from facilitator.errors import SessionError, SessionLocked
from facilitator.files import FileWatcher
from facilitator.i18n import t
from facilitator.roles.following import FollowedSession
from facilitator.roles.report_round import TurnBell
from facilitator.roles.stage_control import StageControl
from facilitator.roles.stage_glance import glance_of
from facilitator.session.glance import Glance
from facilitator.session.lock import LOCK_FILE, SessionLock
from facilitator.session.model import Rehearsal, Session
from facilitator.session.questions import StageQuestion
from facilitator.session.stage_show import StageMessage, StageMode
from facilitator.session.store import SessionStore, new_session
from facilitator.timing.bells import Moment, moment_of, rings
from facilitator.timing.clock import Clock
from facilitator.timing.events import Action, Event
from facilitator.timing.replan import Proposal, check_lengths, propose
from facilitator.timing.timeline import LIVE, DayState, Phase, Timeline

if TYPE_CHECKING:
    from facilitator.roles.note_taker import NoteTaking


def rehearsal_start(agenda: Agenda, today: date) -> datetime:
    """Where a rehearsal's virtual clock starts: the first slot's planned time on the day."""
    first: time = agenda.slots[0].start
    return datetime.combine(agenda.date or today, first).astimezone().astimezone(UTC)


class HostRun(StageControl):
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
        self._lock_watch = FileWatcher()
        self._lost_lock = False
        self.unsaved = False
        self.messages: list[StageMessage] = []
        self.stage_cloud: int | None = None
        self.stage_question: StageQuestion | None = None
        self.stage_mode = StageMode.NORMAL
        self._note_taking: NoteTaking | None = None
        self._phase_seen: Moment | None = None
        self._turn_bell = TurnBell()
        self.followed: FollowedSession | None = None
        """The session shown read-only because another console holds it."""
        self.holder: dict[str, Any] | None = None
        """Who holds the session followed (pid, host), as its lock file said."""
        # No day given: before the start the day is the date nearest now (a console opened
        # the evening before shows tomorrow), and from the first start on, its date.
        self.timeline = Timeline(agenda, tz=tz)

    @property
    def is_rehearsal(self) -> bool:
        """Whether the day runs on a virtual clock."""
        return self.rehearsal is not None

    @property
    def folder(self) -> Path | None:
        """The folder of the session this console holds or follows; None before the start."""
        return self.store.folder(self.session.id) if self.session is not None else None

    @property
    def read_only(self) -> bool:
        """Whether this console follows a session another console holds: it changes nothing."""
        return self.followed is not None

    def resumable(self) -> Session | None:
        """The newest unfinished session of this day (see `is_this_day`)."""
        return next(filter(self.is_this_day, self.store.newest_first()), None)

    def is_this_day(self, session: Session) -> bool:
        """Whether `session` is an unfinished run of this day, of this kind (rehearsal or
        not): started from this agenda file, or from the same agenda at another path."""
        if session.finished or session.is_rehearsal != self.is_rehearsal:
            return False
        same_file = self.agenda_file is not None and session.agenda_file == self.agenda_file
        return same_file or session.agenda == self.agenda

    def _held_elsewhere(self) -> Session | None:
        """An unfinished session of this day that another live console holds. Only folders
        with a live lock are read, so a folder of past days costs a look at each lock."""
        for path in self.store.session_files():
            if SessionLock.holder_of(path.parent / LOCK_FILE) is None:
                continue
            try:
                session = self.store.load(path.parent.name)
            except SessionError:
                continue
            if self.is_this_day(session):
                return session
        return None

    def holder_of(self, session: Session) -> dict[str, Any] | None:
        """Who holds `session`, if a live console does."""
        return SessionLock.holder_of(self.store.folder(session.id) / LOCK_FILE)

    def begin(self, resume: bool = False) -> Session | None:
        """Open the day. This agenda's unfinished session is followed read-only when another
        live console holds it (unless taking over), resumed when asked, else returned to be
        offered; None when there is nothing to offer."""
        candidate = self.resumable()
        if candidate is None:
            return None
        if not self.take_over and self.holder_of(candidate) is not None:
            self.follow(candidate)
            return None
        if resume:
            self.resume(candidate)
            return None
        return candidate

    def resume(self, session: Session) -> None:
        """Take over `session`: lock it, follow its clock, continue its log."""
        self._hold(self.store.lock(session.id, take_over=self.take_over))
        if session.rehearsal and self.rehearsal and session.rehearsal.speed != self.rehearsal.speed:
            # Keep the virtual day where it is, at this run's speed.
            now = session.rehearsal.clock(self.base_clock).now()
            session.rehearsal = Rehearsal(
                virtual_start=now, real_start=self.base_clock.now(), speed=self.rehearsal.speed
            )
        self._show(session)
        session.glance = self._glance()
        self.store.save(session)

    def follow(self, session: Session, stale: bool = False) -> None:
        """Show `session`, which another console holds, read-only: re-read as it changes
        (at once when this copy is `stale`)."""
        self.followed = FollowedSession(self.store.folder(session.id), session, stale=stale)
        self.holder = self.holder_of(session)
        self.unsaved = False  # the console holding the session decides what it holds now
        self._show(session)

    def read_only_notice(self) -> str:
        """Who holds the session and how to take it over, while this console only follows
        it; "" while it may change the day."""
        if not self.read_only:
            return ""
        holder = self.holder or {}
        return t("host.read_only", pid=holder.get("pid", "?"), host=holder.get("host", "?"))

    def refresh_followed(self) -> bool:
        """Re-read the session followed if its file changed; True if it did. SessionError
        if it could not be read: the last good copy stays."""
        if self.followed is None or not self.followed.refresh():
            return False
        self._show(self.followed.session, again=True)
        self.holder = self.holder_of(self.followed.session) or self.holder
        return True

    def _show(self, session: Session, again: bool = False) -> None:
        """Take the day as `session` has it: its agenda snapshot, clock, log and messages."""
        self.session = session
        self.agenda = session.agenda
        self.rehearsal = session.rehearsal
        self.clock = session.clock(self.base_clock)
        self.timeline = session.timeline(self.tz)
        self.messages = list(session.messages)
        self.stage_cloud = session.stage_cloud
        self.stage_question = session.stage_question
        self.stage_mode = session.stage_mode
        if not again:
            self._phase_seen, self._turn_bell = None, TurnBell()

    def state(self) -> DayState:
        """The day now."""
        return self.timeline.state(self.clock.now())

    def bell_due(self, state: DayState) -> bool:
        """Whether to ring at `state` (timing/bells.py: a warning, zero, a next phase; and
        as a report-back turn's time is up)."""
        before, self._phase_seen = self._phase_seen, moment_of(self.agenda, state)
        return self._turn_bell.due(state) | rings(before, self._phase_seen)

    @property
    def notes_unsaved(self) -> bool:
        """Whether one of the host's own notes is not on disk yet (a failed save is queued
        and retried): quitting asks first, from the timer as from the notes."""
        return self._note_taking is not None and bool(self._note_taking.unsaved)

    @property
    def slot_under_way(self) -> bool:
        """Whether this console runs a slot that has started and not ended (running, paused,
        in warning or overtime): quitting asks first. A console that follows runs none."""
        return not self.read_only and self.state().current_slot.phase in (*LIVE, Phase.PAUSED)

    def can(self, action: Action, slot: int | None = None, seconds: int = 0) -> bool:
        """Whether `action` would do anything now."""
        return not self.read_only and self.timeline.can(action, slot, seconds, self.clock.now())

    def act(self, action: Action, slot: int | None = None, seconds: int | None = None) -> bool:
        """Apply and record one timing action; False if it does not apply now.

        The action counts even when the write fails: it stays in memory, `unsaved` is set,
        SessionError tells the console, and `flush` tries again.
        """
        self._check_lock(look_for_holder=True)
        return self._record(Event.of(action, self.clock.now(), seconds, slot))

    def call_table(self, table: int) -> bool:
        """Take `table` out of turn in the report-back round; False if it cannot report now."""
        self._check_lock(look_for_holder=True)
        return self._record(Event.of(Action.REPORT_TABLE, self.clock.now(), table=table))

    def _record(self, event: Event) -> bool:
        """Apply `event` and write it like every action; False if it does not apply now."""
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
        None when a re-plan could change nothing, or this console only follows the day."""
        return None if self.read_only else propose(self.timeline, self.clock.now(), chosen)

    def apply_replan(self, lengths: Mapping[int, int]) -> bool:
        """Record new planned lengths (seconds by slot index) as one `replan` action, which
        one undo takes back; False, and nothing recorded, when one cannot be set now
        (`check_lengths` says why) or nothing changes. Written like every action."""
        self._check_lock(look_for_holder=True)
        now = self.clock.now()
        if not lengths or check_lengths(self.timeline, now, lengths):
            return False
        return self._record(Event.of(Action.REPLAN, now, lengths=lengths))

    def _hold(self, lock: SessionLock) -> None:
        self.lock = lock
        self._lock_watch = FileWatcher([lock.path])
        self._lost_lock = False

    def watch_lock(self) -> bool:
        """Notice whether another console has taken the session over: a stat per call, the
        lock file read only when it changed. True at the call that notices it."""
        if self._lost_lock or self.lock is None:
            return False
        if self._lock_watch.changed([self.lock.path]) and not self.lock.held():
            self._lose_lock()
            return True
        return False

    def _lose_lock(self) -> None:
        """Another console took the session over: from now on, follow what it writes."""
        self._lost_lock = True
        assert self.session is not None
        self.follow(self.session, stale=True)

    @property
    def lost_lock(self) -> bool:
        """Whether another console has taken the session over, as last noticed."""
        return self._lost_lock

    def _check_lock(self, look_for_holder: bool = False) -> None:
        """Before a write: SessionLocked if another console holds the session now.

        The lock itself is read, as a stat can miss a take-over in the same instant. Before
        the day's first write (`look_for_holder`), a session of this agenda that another
        console has started since is looked for: this console follows it instead of
        starting a second one.
        """
        if look_for_holder and self.session is None and not self.read_only:
            held = self._held_elsewhere()
            if held is not None:
                self.follow(held)
        if self._lost_lock:
            assert self.lock is not None
            raise SessionLocked(t("host.taken_over", folder=self.lock.path.parent))
        if self.followed is not None:
            raise SessionLocked(t("host.follows", folder=self.followed.folder))
        if self.lock is not None and not self.lock.held():
            self._lose_lock()
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
            self.session.glance = self._glance()
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
            stage_question=self.stage_question,
            stage_mode=self.stage_mode,
            glance=self._glance(),
        )
        self._hold(self.store.lock(self.session.id))

    def _glance(self) -> Glance | None:
        """The stage's countdown for the session's next write (roles/stage_glance.py);
        none in a rehearsal, whose clock is the session's own."""
        if self.rehearsal is not None:
            return None
        quiet = self.stage_mode is StageMode.NORMAL and self.shown_message is None
        quiet = quiet and self.stage_cloud is None and self.stage_question is None
        quiet = quiet and not (self.session is not None and self.session.stage_join)
        return glance_of(self.agenda, self.state(), self.clock.now(), quiet)

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
            if not self.read_only:
                self.flush()
        finally:
            if self.lock is not None:
                self.lock.release()
            if self._note_taking is not None:
                self._note_taking.close()
