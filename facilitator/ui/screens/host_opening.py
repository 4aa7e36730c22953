"""The host console's first frame: the day not started, drawn from the agenda's preview
while the models and the console behind them load.

It has the host screen's layout and stylesheet, so the console that replaces it a moment
later draws over it in place: the same title, the same countdown, the same "Press space to
start". It takes no key; keys typed meanwhile wait for the console (HOLDS_KEYS, see
ui/type_ahead.py), so a space pressed at once starts the day.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen

from facilitator.agenda.preview import AgendaPreview
from facilitator.i18n import clock_text, countdown_text, t
from facilitator.ui.widgets.big_digits import BigDigits
from facilitator.ui.widgets.plain_label import PlainLabel

HOST_CSS = (Path(__file__).parent / "host.tcss").read_text(encoding="utf-8")


class HostOpening(Screen[None]):
    """The first slot of `preview`, waiting to start, beside the frame of the agenda."""

    HOLDS_KEYS = True
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (90, "-wide")]  # as the host screen's
    VERTICAL_BREAKPOINTS = [(0, "-short"), (28, "-tall")]
    # The host screen's own stylesheet, its rules named for this screen: the default
    # screen of an app has no CSS_PATH read for it.
    DEFAULT_CSS = (
        HOST_CSS.replace("HostScreen", "HostOpening")
        + """
    #opening-header {
        width: 100%;
        background: $panel;
        color: $foreground;
        padding: 0 1;
    }
    """
    )

    def __init__(self, preview: AgendaPreview, now: datetime) -> None:
        super().__init__()
        self.preview = preview
        self.now = now

    def compose(self) -> ComposeResult:
        """The header, the slot panel as the host screen draws a day not started, and the
        agenda's empty frame (its list comes with the console). Nothing that needs the
        forecast: when the next slot is expected depends on the whole day."""
        preview, first = self.preview, self.preview.first
        header = f"{preview.title}  {clock_text(self.now)}  {t('header.not_started')}"
        yield PlainLabel(header, id="opening-header")
        with Horizontal(id="main"):
            with Vertical(id="slot-panel", classes="-pending"):
                position = t("slot.position", number=1, count=preview.slot_count)
                yield PlainLabel(f"{position} · {t('kind.' + first.kind)}", id="slot-position")
                yield PlainLabel(first.title, id="slot-title")
                yield PlainLabel(", ".join(first.speakers), id="slot-speakers")
                yield BigDigits(countdown_text(first.seconds), id="countdown")
                yield PlainLabel(t("phase.pending"), id="slot-phase")
            yield Vertical(id="agenda")
