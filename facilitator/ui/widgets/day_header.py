"""The host console's header: the day, the clock, how far behind or ahead, the expected end,
and a second line when a delay runs into a fixed slot or the day's end, or when time is
spare, offering `r` where a re-plan would help.

The clock shows the minute it is; every other minute follows the one rounding rule
(facilitator/i18n/rounding.py), so the offset, "ends ~" and "cut N min" agree with the list.
"""

from __future__ import annotations

from datetime import datetime

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.widget import Widget

from facilitator.agenda.model import Agenda
from facilitator.i18n import clock_text, minute_text, offset_text, t
from facilitator.i18n.rounding import whole_minutes
from facilitator.roles.day_texts import fixed_warnings, replan_offer
from facilitator.timing.timeline import DayState


class DayHeader(Widget):
    """One or two lines across the top; it redraws only when what it says changes."""

    DEFAULT_CSS = """
    DayHeader {
        height: auto;
        background: $panel;
        color: $foreground;
        padding: 0 1;
    }
    """

    def __init__(self, agenda: Agenda, rehearsal_speed: float | None, id: str | None = None):
        super().__init__(id=id)
        self.agenda = agenda
        self.day_title = agenda.title
        self.rehearsal_speed = rehearsal_speed
        self._shown: tuple[str, ...] = ()
        self._renderable: RenderableType = ""
        self.offers_replan = False
        """Whether the header offers `r` now."""
        self._clock_for: tuple[datetime | None, str] = (None, "")
        self._end_for: tuple[datetime | None, str] = (None, "")

    def show(self, state: DayState, may_replan: bool = False) -> bool:
        """Draw the header for `state` if anything visible changed; `may_replan`: this
        console may re-plan the day. True when the offer of `r` came or went."""
        clock = self._clock(state.now)
        if self.rehearsal_speed is not None:
            speed = f"{self.rehearsal_speed:g}"
            clock = f"{clock} {t('header.rehearsal', speed=speed)}"
        end = self._end(state.expected_end)
        ends = t("header.ends", time=end)
        if state.finished:
            where = t("header.finished", time=end)
            ends = ""
        elif not state.started and state.relative:
            # Far past the planned start: the plan's times no longer say when the day ends.
            where = t("header.not_started")
            ends = t("header.ends_if_now", time=end)
        else:
            late = whole_minutes(state.offset) != 0
            where = offset_text(state.offset) if state.started or late else t("header.not_started")
            if state.relative:
                where = f"{where} {t('header.relative')}"
        # The first fixed slot the delay reaches, and what `r` would do about it.
        risk = next(iter(fixed_warnings(self.agenda, state)), "")
        offer = replan_offer(self.agenda, state, risk) if may_replan else ""
        offered, self.offers_replan = self.offers_replan, bool(offer)
        # Spare time alone is good news: green; a delay's line is red.
        spare = bool(offer) and not risk and state.replan is not None and state.replan.ahead
        line_style = "bold green" if spare else "bold red"
        line = "  ·  ".join(part for part in (risk, offer) if part)
        parts = (self.day_title, clock, where, ends, line, self._tone(state), line_style)
        if parts == self._shown:
            return False
        # Only a second line coming or going changes the layout; the clock ticking does not.
        layout = bool(parts[4]) != bool(self._shown[4] if self._shown else "")
        self._shown = parts
        grid = Table.grid(expand=True, padding=(0, 2))
        # The title gives way first: the clock and how the day stands must stay whole.
        grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        grid.add_column(justify="center", no_wrap=True)
        grid.add_column(justify="right", no_wrap=True)
        status = Text(where, style=parts[5])
        if ends:
            status.append(f"  ·  {ends}", style="")
        grid.add_row(Text(self.day_title, style="bold"), Text(clock), status)
        self._renderable = (
            Group(grid, Text(parts[4], style=line_style, overflow="ellipsis")) if parts[4] else grid
        )
        self.refresh(layout=layout)
        return offered != self.offers_replan

    def _clock(self, now: datetime) -> str:
        """The clock's minute in words, worked out again only when the minute turns: a
        time of day in words costs more than all else the header does each second."""
        minute = now.replace(second=0, microsecond=0)
        if minute != self._clock_for[0]:
            self._clock_for = (minute, clock_text(now))
        return self._clock_for[1]

    def _end(self, expected_end: datetime) -> str:
        """The expected end in words, worked out again only when it moves."""
        if expected_end != self._end_for[0]:
            self._end_for = (expected_end, minute_text(expected_end))
        return self._end_for[1]

    def render(self) -> RenderableType:
        """The header as last shown."""
        return self._renderable

    @property
    def text(self) -> str:
        """What the header says, as plain text."""
        return "  ".join(part for part in self._shown[:5] if part)

    @staticmethod
    def _tone(state: DayState) -> str:
        if state.finished or whole_minutes(state.offset) == 0:
            return "bold"
        return "bold red" if state.offset > 0 else "bold green"
