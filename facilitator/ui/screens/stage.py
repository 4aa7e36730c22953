"""The stage screen: giant digits for a projector or a speaker's monitor, read-only.

It follows the session file by polling, and computes the time itself from the log and
the clock, exactly as the host console does, so the two never disagree.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Label

from facilitator.errors import SessionError
from facilitator.files import FileWatcher
from facilitator.notes.store import NotesReader
from facilitator.notes.wordcloud import weigh
from facilitator.session.model import Session
from facilitator.session.store import SESSION_FILE, SessionStore
from facilitator.timing.clock import Clock
from facilitator.timing.timeline import Phase, Timeline
from facilitator.ui.localize import localize_bindings
from facilitator.ui.text import countdown, t
from facilitator.ui.ticking import next_redraw
from facilitator.ui.widgets.big_digits import BigDigits
from facilitator.ui.widgets.word_cloud import WordCloud

FLASH_SECONDS = 4.0
"""How long a new message flashes."""
FLASH_STEP = 0.5
"""Seconds between the flash's on and off."""


class StageScreen(Screen[None]):
    """Slot, speaker, countdown, what is next and the host's message; nothing to operate."""

    CSS_PATH = "stage.tcss"
    BINDINGS = [
        Binding("t", "toggle_theme", "key.theme", id="theme"),
        Binding("q", "quit_stage", "key.quit", id="quit"),
    ]

    def __init__(self, store: SessionStore, session_name: str | None, base_clock: Clock) -> None:
        super().__init__()
        localize_bindings(self)
        self.store = store
        self.session_name = session_name
        self.base_clock = base_clock
        self.session: Session | None = None
        self.session_path: Path | None = None
        self.timeline: Timeline | None = None
        self.clock: Clock = base_clock
        self.watcher = FileWatcher()
        self._folder_watch = FileWatcher()
        self.notes: NotesReader | None = None
        self._message = ""
        self._flash_until = 0.0
        self._next_draw: Timer | None = None

    def compose(self) -> ComposeResult:
        """The stage's parts, top to bottom."""
        with Vertical(id="stage"):
            yield Label(id="stage-title")
            yield Label(id="stage-speakers")
            yield BigDigits(id="stage-countdown")
            yield WordCloud(id="stage-cloud")
            yield Label(id="stage-message")
            yield Label(id="stage-next")

    def on_mount(self) -> None:
        """Find the session, then follow it; each redraw schedules the next."""
        self.follow()
        self.draw()
        self.set_interval(0.5, self.follow)

    def follow(self) -> None:
        """Load the session when its file has changed; look for one while there is none."""
        if self.session_path is None:
            self._find()
            return
        if self.notes is not None and self.notes.refresh():
            self._show_cloud()
        if not self.watcher.changed([self.session_path]):
            return
        try:
            session = self.store.load(self.session_path.parent.name)
        except SessionError as error:
            # Keep showing the last good state; a half-synced file is usually fixed soon.
            self.notify(t("stage.unreadable", error=error), severity="error", timeout=5)
            return
        self._use(session)

    def _find(self) -> None:
        # Reading every session twice a second while waiting would be costly in a full
        # folder: look again only when a session file has come or changed.
        if not self._folder_watch.changed(self.store.session_files()):
            return
        try:
            _store, session = self.store.resolve(self.session_name)
        except SessionError:
            if self.session_name is not None:
                raise
            return
        self.session_path = self.store.folder(session.id) / SESSION_FILE
        self.notes = NotesReader(self.session_path.parent)
        self.notes.refresh()
        self.watcher.changed([self.session_path])
        self._use(session)

    def _use(self, session: Session) -> None:
        self.session = session
        self.timeline = session.timeline()
        self.clock = session.clock(self.base_clock)
        message = session.stage_message.text if session.stage_message else ""
        if message != self._message:
            self._message = message
            self._flash_until = self.base_clock.monotonic() + (FLASH_SECONDS if message else 0)
        self._show_cloud()
        self.draw()

    def _show_cloud(self) -> None:
        """Fill the cloud with the notes of the slot the host put on stage."""
        if self.session is None or self.session.stage_cloud is None or self.notes is None:
            return
        slot = self.session.stage_cloud
        texts = (note.text for note in self.notes.notes(slot))
        cloud = self.query_one(WordCloud)
        cloud.terms = tuple(weigh(texts, self.session.agenda.stopwords))
        cloud.empty_text = t("notes.cloud_empty")

    def draw(self) -> None:
        """Show the current slot at this moment, and come back when the second changes."""
        if self._next_draw is not None:
            self._next_draw.stop()
        digits = self.query_one(BigDigits)
        if self.session is None or self.timeline is None:
            self._label("stage-title", t("stage.waiting"))
            digits.value = ""
            return
        state = self.timeline.state(self.clock.now())
        speed = self.session.rehearsal.speed if self.session.rehearsal else 1.0
        flashing_soon = self.base_clock.monotonic() < self._flash_until
        longest = FLASH_STEP if flashing_soon else 1.0
        self._next_draw = self.set_timer(next_redraw(state, speed, longest), self.draw)
        agenda = self.session.agenda
        slot = state.current_slot
        self._label("stage-title", agenda.slots[slot.index].title)
        self._label("stage-speakers", ", ".join(agenda.slots[slot.index].speakers))
        following = state.next_slot
        next_text = t("stage.next", title=agenda.slots[following.index].title) if following else ""
        if state.finished:
            digits.value = ""
            self._label("stage-title", t("stage.finished"))
            self._label("stage-speakers", "")
            next_text = ""
        elif slot.phase is Phase.PENDING:
            digits.value = countdown(slot.planned_duration + slot.adjustment)
        else:
            digits.value = countdown(slot.display_seconds)
        cloud_slot = None if state.finished else self.session.stage_cloud
        self.set_class(cloud_slot is not None, "-cloud")
        if cloud_slot is not None:
            # The round-up: the cloud takes the screen, the time shrinks to a line.
            self._label("stage-title", t("stage.cloud", title=agenda.slots[cloud_slot].title))
            self._label("stage-speakers", f"{agenda.slots[slot.index].title} · {digits.value}")
        self._label("stage-next", next_text)
        self._label("stage-message", self._message)
        phase = Phase.DONE if state.finished else slot.phase
        for each in Phase:
            self.set_class(each is phase, f"-{each.value}")
        now = self.base_clock.monotonic()
        flashing = now < self._flash_until and int(now / FLASH_STEP) % 2 == 0
        self.query_one("#stage-message").set_class(flashing, "-flash")

    def _label(self, widget_id: str, text: str) -> None:
        label = self.query_one(f"#{widget_id}", Label)
        if str(label.content) != text:
            label.update(text)
        label.display = bool(text)

    def action_toggle_theme(self) -> None:
        """Dark stage or light stage: whichever reads better in the room."""
        self.toggle_class("-light")

    def action_quit_stage(self) -> None:
        """Close the stage screen; it only reads, so nothing is lost."""
        self.app.exit()
