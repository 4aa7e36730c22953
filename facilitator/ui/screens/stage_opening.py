"""The stage's first frame: the slot, its countdown and what comes next, drawn from the
session's preview (session/stage_preview.py) while the models and the stage behind them
load.

It has the stage screen's stylesheet and the same parts in the same places, so the stage
that replaces it a moment later draws over it in place. It takes no key; keys typed
meanwhile wait for the stage (HOLDS_KEYS, see ui/type_ahead.py).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen

from facilitator.i18n import countdown_text, t
from facilitator.session.stage_preview import StagePreview
from facilitator.ui.widgets.big_digits import BigDigits
from facilitator.ui.widgets.plain_label import PlainLabel

STAGE_CSS = (Path(__file__).parent / "stage.tcss").read_text(encoding="utf-8")


class StageOpening(Screen[None]):
    """The stage as `preview` had it, at `now`."""

    HOLDS_KEYS = True
    # The stage screen's own stylesheet, its rules named for this screen: the default
    # screen of an app has no CSS_PATH read for it.
    DEFAULT_CSS = STAGE_CSS.replace("StageScreen", "StageOpening")

    def __init__(self, preview: StagePreview, now: datetime) -> None:
        super().__init__()
        self.preview = preview
        self.now = now

    def compose(self) -> ComposeResult:
        """Title, speakers, the countdown and the next slot, where the stage has them."""
        preview = self.preview
        next_line = t("stage.next", title=preview.next_title) if preview.next_title else ""
        with Vertical(id="stage"):
            yield PlainLabel(preview.title, id="stage-title")
            yield PlainLabel(preview.speakers, id="stage-speakers")
            yield BigDigits(
                countdown_text(preview.glance.seconds_at(self.now)), id="stage-countdown"
            )
            yield PlainLabel(next_line, id="stage-next")

    def on_mount(self) -> None:
        """The countdown's colour for the phase it is in now."""
        self.add_class(f"-{self.preview.glance.phase_at(self.now)}")
