"""The host's hold on the stage screen: messages with their options, the stage's mode, the
word cloud, the question marked and the join code, written to the session like every
action so that the stage (another process) follows.

A mixin of HostRun (roles/host.py), which holds the session, the lock and the timeline.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from facilitator.session.questions import StageQuestion, stepped
from facilitator.session.stage_show import StageMessage, StageMode, message_in_force

if TYPE_CHECKING:
    from facilitator.agenda.model import Agenda
    from facilitator.session.model import Session
    from facilitator.timing.clock import Clock
    from facilitator.timing.timeline import Timeline


class StageControl:
    """What the host sends to the stage; the rules of what is in force are in
    facilitator.session.stage_show."""

    agenda: Agenda
    clock: Clock
    timeline: Timeline
    session: Session | None
    messages: list[StageMessage]
    stage_mode: StageMode
    stage_cloud: int | None
    stage_question: StageQuestion | None
    unsaved: bool

    def _check_lock(self, look_for_holder: bool = False) -> None:
        raise NotImplementedError  # HostRun's

    def flush(self) -> None:
        """Write what is unwritten (HostRun's)."""
        raise NotImplementedError

    def send_message(
        self, text: str, full: bool = False, flash: bool = False, pinned: bool = False
    ) -> None:
        """Show `text` on the stage (an empty text clears it): on the whole stage or as a
        line, flashing as it appears or not; it clears when the current slot ends unless
        `pinned` (see `message_in_force`)."""
        self._check_lock(look_for_holder=True)
        message = StageMessage(
            at=self.clock.now(),
            text=text.strip(),
            full=full,
            flash=flash,
            pinned=pinned,
            slot=self.timeline.log.current,
        )
        self.messages.append(message)
        if self.session is not None:
            self.session.messages = list(self.messages)
        self.unsaved = True
        self.flush()

    def switch_stage_mode(self, mode: StageMode) -> StageMode:
        """Put the stage in `mode`, or back to normal when it is in `mode` already; the
        mode the stage is in now."""
        self._check_lock(look_for_holder=True)
        self.stage_mode = StageMode.NORMAL if self.stage_mode is mode else mode
        if self.session is not None:
            self.session.stage_mode = self.stage_mode
        self.unsaved = True
        self.flush()
        return self.stage_mode

    @property
    def shown_message(self) -> StageMessage | None:
        """The message in force on the stage now, if any."""
        log = self.timeline.log
        return message_in_force(self.messages, log.current, log.finished_at is not None)

    @property
    def stage_message(self) -> str:
        """The text the stage shows now ("" for none)."""
        shown = self.shown_message
        return shown.text if shown else ""

    def toggle_cloud(self) -> int | None:
        """Put the word cloud of the latest dialogue on the stage, or take it off again.

        Returns the slot whose cloud is now shown, or None.
        """
        self._check_lock(look_for_holder=True)
        target = None if self.stage_cloud is not None else self.cloud_slot()
        self.stage_cloud = target
        if self.session is not None:
            self.session.stage_cloud = target
        self.unsaved = True
        self.flush()
        return target

    def step_question(self, step: int) -> StageQuestion | None:
        """Mark the next (+1) or previous (-1) question of the current slot on the stage."""
        self._check_lock(look_for_holder=True)
        index = self.timeline.log.current
        count = len(self.agenda.slots[index].questions)
        self.stage_question = stepped(self.stage_question, index, count, step)
        if self.session is not None:
            self.session.stage_question = self.stage_question
        self.unsaved = True
        self.flush()
        return self.stage_question

    def toggle_join(self) -> bool:
        """Show on the stage how to join `facilitator serve` (its QR code), or stop showing
        it; needs the session to exist. Returns whether the stage shows it now."""
        self._check_lock(look_for_holder=True)
        if self.session is None:
            return False
        self.session.stage_join = not self.session.stage_join
        self.unsaved = True
        self.flush()
        return self.session.stage_join

    def cloud_slot(self) -> int | None:
        """The dialogue whose words a round-up shows: the latest one up to the current slot."""
        return self.agenda.latest_dialogue(self.timeline.log.current)
