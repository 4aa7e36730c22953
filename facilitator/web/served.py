"""The session that `facilitator serve` serves: followed exactly as the stage follows it
(the named one, or the newest unfinished one, moving on to a later one), with the day's
state now for the pages.

One background task calls `follow` twice a second; the pages read the last good copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from facilitator.errors import SessionError
from facilitator.roles.join import remove_join, write_join
from facilitator.roles.stage import Stage, StageView
from facilitator.session.model import Session
from facilitator.timing.clock import Clock
from facilitator.timing.state import DayState
from facilitator.timing.timeline import Timeline


@dataclass(frozen=True)
class Day:
    """A session, its folder and its state at one moment."""

    session: Session
    folder: Path
    state: DayState
    clock: Clock
    """The session's clock: the real one, or its rehearsal's."""

    @property
    def dialogue(self) -> int:
        """The slot a table reports on now: the latest dialogue up to the current slot (the
        day's first dialogue before it), else the current slot; as the notes console opens."""
        found = self.session.agenda.latest_dialogue(self.state.current)
        return self.state.current if found is None else found

    @property
    def cloud_slot(self) -> int:
        """The slot whose cloud a word sent now joins: the one on stage, else the dialogue."""
        on_stage = self.session.stage_cloud
        return on_stage if on_stage is not None else self.dialogue

    @property
    def most_tables(self) -> int:
        """The most tables any slot of the day has: the choices on the table picker."""
        agenda = self.session.agenda
        return max(agenda.tables_of(index) for index in range(len(agenda.slots)))


class ServedSession:
    """Follows a session for the server through the stage's role."""

    def __init__(self, stage: Stage, join_url: str | None = None) -> None:
        self.stage = stage
        self.join_url = join_url
        """Left in the followed session's folder for its stage to show as a QR code."""
        self._join_folder: Path | None = None
        self.version = 0
        """Grows each time the session (or what the stage shows of it) changes."""
        self.problem: str | None = None
        """Why the session file could not be read at the last look; None when it could."""
        self._timeline: tuple[Session, Timeline] | None = None

    @property
    def base_clock(self) -> Clock:
        """The real clock everything is measured on."""
        return self.stage.base_clock

    def follow(self) -> bool:
        """Look for changes; True when there were some. A file that cannot be read keeps
        the last good copy, and the problem is kept to show."""
        try:
            changed = self.stage.follow()
            self.problem = None
        except SessionError as error:
            self.problem = str(error)
            return False
        if changed:
            self.version += 1
            self._leave_join()
        return changed

    def _leave_join(self) -> None:
        """Keep the join file in the folder of the session followed, and only there."""
        folder = self.stage.folder
        if self.join_url is None or folder == self._join_folder:
            return
        if self._join_folder is not None:
            remove_join(self._join_folder)
        self._join_folder = None
        if folder is not None:
            try:
                write_join(folder, self.join_url)
                self._join_folder = folder
            except SessionError as error:
                self.problem = str(error)

    def close(self) -> None:
        """The server stops: its join address goes from the session folder."""
        if self._join_folder is not None:
            remove_join(self._join_folder)
            self._join_folder = None

    def view(self) -> StageView:
        """What the stage shows now."""
        return self.stage.view()

    def day(self) -> Day | None:
        """The session followed and its state now; None while there is none."""
        session, folder = self.stage.session, self.stage.folder
        if session is None or folder is None:
            return None
        if self._timeline is None or self._timeline[0] is not session:
            self._timeline = (session, session.timeline())
        clock = session.clock(self.base_clock)
        return Day(session, folder, self._timeline[1].state(clock.now()), clock)
