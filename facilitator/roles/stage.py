"""The stage's hold on a day: which session it follows, the last good copy of it, the notes
for the round-up's word cloud, and what the stage shows at a moment. No Textual: the stage
screen only draws what `Stage.view` says.

The time is computed from the session's log and the clock, exactly as the host console
computes it, so the two never disagree.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from facilitator.errors import SessionError
from facilitator.files import FileWatcher
from facilitator.i18n import clock_text, countdown_text, span_text, t
from facilitator.notes.store import NotesReader
from facilitator.notes.wordcloud import WeightedTerm, weigh
from facilitator.notes.words import WordsReader
from facilitator.roles.following import FollowedSession, NewestSession
from facilitator.roles.join import JoinWatch
from facilitator.roles.report_round import next_text as next_table_text
from facilitator.roles.report_round import turn_phase, turn_text
from facilitator.roles.stage_alert import flash_bright, flash_window
from facilitator.session.model import Session
from facilitator.session.questions import marked_in
from facilitator.session.stage_show import StageMessage, StageMode, message_in_force
from facilitator.session.store import SessionStore
from facilitator.timing.clock import Clock
from facilitator.timing.steps import StepState, current_step
from facilitator.timing.timeline import Phase, Timeline, seconds_to_next_change

FLASH_SECONDS = 4.0
"""How long a new message flashes."""
FLASH_STEP = 0.5
"""Seconds between the flash's on and off."""


@dataclass(frozen=True)
class StageView:
    """What the stage shows at one moment; an empty text is not shown."""

    title: str
    speakers: str = ""
    digits: str = ""
    next: str = ""
    message: str = ""
    message_full: bool = False
    """Whether the message takes the whole stage in place of the digits."""
    flashing: bool = False
    """Whether the message is in the bright half of its flash."""
    alert: bool = False
    """Whether the digits are in the bright half of an overtime flash."""
    mode: StageMode = StageMode.NORMAL
    """What the host has the stage show: the day, only the clock (in `digits`), or nothing."""
    phase: Phase | None = None
    """The current slot's phase (DONE once the day is finished); None while waiting."""
    report: str = ""
    """The report-back turn under way: "Table 4 · 01:12"; "" when no table reports."""
    cloud: tuple[WeightedTerm, ...] | None = None
    """The round-up's words while the host has the cloud on stage; else None."""
    change_in: float | None = None
    """Real seconds until the shown second changes; None while waiting for a session."""
    longest: float = 1.0
    """The longest wait before drawing again: shorter while the message flashes."""
    step: str = ""
    """The phase inside the slot ("In pairs · 2/4"); the digits count down the phase."""
    step_next: str = ""
    """The phase after it, with its length."""
    questions: tuple[str, ...] = ()
    """The running slot's printed questions, for the room to read."""
    question: int | None = None
    """Which of them the host has marked (from 0); None for none."""
    seconds: int | None = None
    """The countdown's whole seconds (negative in overtime), for a screen that ticks alone."""
    join_url: str | None = None
    """How to join `facilitator serve`, while the host has it on stage; else None."""


class Stage:
    """Follows a session for the stage screen: the named one, or the newest unfinished one,
    moving to a session that starts later (the real day after a rehearsal)."""

    def __init__(
        self, store: SessionStore, base_clock: Clock, session_name: str | None = None
    ) -> None:
        self.store = store
        self.base_clock = base_clock
        self.session_name = session_name
        self.followed: FollowedSession | None = None
        self.notes: NotesReader | None = None
        self.words: WordsReader | None = None
        self.join: JoinWatch | None = None
        self.newest: NewestSession | None = None
        """Watches for a later session, unless a session was named."""
        self._folder_watch = FileWatcher()
        self._message: StageMessage | None = None
        self._flash_until = 0.0
        self._cloud: tuple[WeightedTerm, ...] = ()
        self._cloud_of: int | None = None
        """The slot `_cloud` was weighed for."""
        self._timeline: Timeline | None = None
        self._clock: Clock = base_clock

    @property
    def session(self) -> Session | None:
        """The last good copy of the session followed, or None while waiting for one."""
        return self.followed.session if self.followed else None

    @property
    def folder(self) -> Path | None:
        """The folder of the session followed."""
        return self.followed.folder if self.followed else None

    def follow(self) -> bool:
        """Look for changes: the session's file, its notes, a session to follow at all.

        True when what is shown has changed. SessionError when the session file could not
        be read: the last good copy stays shown.
        """
        if self.followed is None:
            return self._find()
        newer = self.newest.look() if self.newest is not None else None
        if newer is not None:
            self._open(newer, self.store.folder(newer.id))
            return True
        changed = self.join is not None and self.join.refresh()
        if self.followed.refresh():
            self._use(self.followed.session)
            changed = True
        elif self.followed.session.stage_cloud is not None:
            # Notes and words are read only while their cloud is on stage: a busy day's
            # notes are not parsed twice a second for nothing.
            changed = self._weigh_cloud() or changed
        return changed

    def _find(self) -> bool:
        # Reading every session twice a second while waiting would be costly in a full
        # folder: look again only when a session file has come or changed.
        if not self._folder_watch.changed(self.store.session_files()):
            return False
        try:
            store, session = self.store.resolve(self.session_name)
        except SessionError:
            if self.session_name is not None:
                raise
            return False
        self._open(session, store.folder(session.id))
        return True

    def _open(self, session: Session, folder: Path) -> None:
        if self.session_name is None:
            self.newest = self.newest or NewestSession(self.store)
            self.newest.moved_to(session)
        self.followed = FollowedSession(folder, session)
        self.notes = NotesReader(folder)
        self.words = WordsReader(folder)
        self.join = JoinWatch(folder)
        self._use(session)

    def _use(self, session: Session) -> None:
        self._timeline = session.timeline()
        self._clock = session.clock(self.base_clock)
        log = self._timeline.log
        message = message_in_force(session.messages, log.current, log.finished_at is not None)
        if message != self._message:
            # A message flashes as it appears, when the host asked for it.
            self._message = message
            flash = message is not None and message.flash
            self._flash_until = self.base_clock.monotonic() + (FLASH_SECONDS if flash else 0)
        self._weigh_cloud()

    def _weigh_cloud(self) -> bool:
        """The words of the slot the host put on stage; True if they changed."""
        session = self.session
        if session is None or session.stage_cloud is None or self.notes is None:
            return False
        fresh = self.notes.refresh()
        if self.words is not None:
            fresh = self.words.refresh() or fresh
        if not fresh and self._cloud_of == session.stage_cloud:
            return False
        self._cloud_of = session.stage_cloud
        texts = [note.text for note in self.notes.notes(session.stage_cloud)]
        if self.words is not None:  # what phones sent for the cloud (facilitator serve)
            texts += [word.text for word in self.words.words(session.stage_cloud)]
        cloud = tuple(weigh(texts, session.agenda.stopwords))
        changed = cloud != self._cloud
        self._cloud = cloud
        return changed

    def view(self) -> StageView:
        """What the stage shows now."""
        session = self.session
        if session is None or self._timeline is None:
            return StageView(title=t("stage.waiting"))
        if session.stage_mode is not StageMode.NORMAL:
            return self._mode_view(session)
        now = self.base_clock.monotonic()
        flashing_soon = now < self._flash_until
        flashing = flashing_soon and int(now / FLASH_STEP) % 2 == 0
        state = self._timeline.state(self._clock.now())
        speed = session.rehearsal.speed if session.rehearsal else 1.0
        change_in = seconds_to_next_change(state) / speed
        slot = state.current_slot
        over = -slot.remaining  # seconds into overtime
        alerting = slot.phase is Phase.OVERTIME and flash_window(over)
        longest = FLASH_STEP if flashing_soon or alerting else 1.0
        message = message_in_force(session.messages, state.current, state.finished)
        text = message.text if message else ""
        full = message is not None and message.full
        agenda = session.agenda
        if state.finished:
            return StageView(
                title=t("stage.finished"),
                message=text,
                flashing=flashing,
                phase=Phase.DONE,
                change_in=change_in,
                longest=longest,
            )
        following = state.next_slot
        next_text = t("stage.next", title=agenda.slots[following.index].title) if following else ""
        if slot.phase is Phase.PENDING:
            seconds = math.ceil(slot.planned_duration + slot.adjustment)
        else:
            seconds = slot.display_seconds
        digits = countdown_text(seconds)
        title = agenda.slots[slot.index].title
        speakers = ", ".join(agenda.slots[slot.index].speakers)
        step = current_step(agenda, state)
        shown = step.display_seconds if step else seconds  # what the big digits count down
        questions = tuple(agenda.slots[slot.index].questions)
        marked = marked_in(session.stage_question, slot.index, len(questions))
        phase, report, turn = slot.phase, state.report, ""
        if report is not None and report.table is not None:
            # A table reports: its turn takes the digits, the slot's time stays in a line.
            turn = turn_text(report)
            speakers = " · ".join(filter(None, (speakers, digits)))
            shown = report.display_seconds
            next_text = next_table_text(report)
            phase = turn_phase(report)
            step = None  # the turn is what the room follows now
        cloud = None
        if session.stage_cloud is not None and not self._cloud:
            # No notes yet: an empty cloud must not take the time away; say why it is not there.
            speakers = f"{title} · {speakers}" if speakers else title
            title = t("stage.cloud_no_notes", title=agenda.slots[session.stage_cloud].title)
        elif session.stage_cloud is not None:
            # The round-up: the cloud takes the screen, the time shrinks to a line.
            cloud = self._cloud
            speakers = f"{title} · {digits}" if not turn else speakers
            title = t("stage.cloud", title=agenda.slots[session.stage_cloud].title)
            questions = ()
            full = False
        elif full:
            # The message takes the screen; the time stays, as a line under the title (a
            # table's turn has put it there already).
            if not turn:
                speakers = f"{speakers} · {digits}" if speakers else digits
            questions, step = (), None
        join_url = self.join.url if self.join is not None and session.stage_join else None
        if join_url is not None and session.stage_cloud is None and not full:
            # The join code takes the digits' place: the time stays on the speakers' line.
            speakers = f"{speakers} · {digits}" if speakers else digits
        return StageView(
            title=title,
            speakers=speakers,
            digits=countdown_text(shown),
            next=next_text,
            report=turn,
            message=text,
            message_full=full,
            flashing=flashing,
            alert=alerting and flash_bright(over),
            phase=phase,
            cloud=cloud,
            change_in=change_in,
            longest=longest,
            step=_step_text(step),
            step_next=_step_next_text(step),
            questions=questions,
            question=marked,
            seconds=shown,
            join_url=join_url,
        )

    def _mode_view(self, session: Session) -> StageView:
        """The stage in clock-only mode (the time of day, large) or blacked out."""
        speed = session.rehearsal.speed if session.rehearsal else 1.0
        now = self._clock.now()
        if session.stage_mode is StageMode.BLACKOUT:
            return StageView(title="", mode=StageMode.BLACKOUT, change_in=1.0)
        to_next_minute = (60 - now.second - now.microsecond / 1e6) / speed
        return StageView(
            title="", digits=clock_text(now), mode=StageMode.CLOCK, change_in=to_next_minute
        )


def _step_text(step: StepState | None) -> str:
    """ "In pairs · 2/4": the phase the room is in."""
    if step is None:
        return ""
    return t("stage.step", title=step.title, number=step.number + 1, count=step.count)


def _step_next_text(step: StepState | None) -> str:
    """ "Then: In foursomes (4 min)"; nothing in the last phase."""
    if step is None or step.next is None:
        return ""
    return t("stage.step_next", title=step.next.title, length=span_text(step.next.seconds))
