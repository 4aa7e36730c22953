"""The stage's first frame: drawn from the session's preview before the models load, then
replaced by the stage in place; a key typed on it reaches the stage."""

from __future__ import annotations

from facilitator.agenda.model import Agenda
from facilitator.roles.host import HostRun
from facilitator.roles.stage import Stage
from facilitator.session.stage_preview import preview_stage
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action
from facilitator.ui.app import FacilitatorApp, add_stage_mode
from facilitator.ui.screens.stage import StageScreen
from facilitator.ui.screens.stage_opening import StageOpening
from facilitator.ui.widgets.big_digits import BigDigits
from facilitator.ui.widgets.plain_label import PlainLabel
from tests.ui.waiting import until

SIZE = (120, 40)


def _shown(screen: StageOpening | StageScreen) -> tuple[str, ...]:
    labels = [
        screen.query_one(f"#{name}", PlainLabel).text
        for name in ("stage-title", "stage-speakers", "stage-next")
    ]
    return (*labels, screen.query_one("#stage-countdown", BigDigits).value)


async def test_the_stage_replaces_its_first_frame_in_place_and_takes_the_keys(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    host = HostRun(agenda, store, clock)
    host.act(Action.START)
    clock.advance(250)  # into the warning
    assert host.session is not None
    preview = preview_stage(store.folder(host.session.id))
    assert preview is not None

    def prepare(app: FacilitatorApp) -> None:
        add_stage_mode(app, Stage(store, clock))

    app = FacilitatorApp("stage", StageOpening(preview, clock.now()), prepare)
    async with app.run_test(size=SIZE) as pilot:
        opening = app.screen
        assert isinstance(opening, StageOpening)
        first = _shown(opening)
        assert first[0] == "Velkommen til arbejdsmiljødagen" and first[3] == "00:50"
        assert opening.has_class("-warning")
        await pilot.press("t")  # the light stage, asked for before the stage is there
        await until(pilot, lambda: isinstance(app.screen, StageScreen), "the stage")
        stage = app.screen
        assert isinstance(stage, StageScreen)
        await until(pilot, lambda: _shown(stage) == first, "the stage as the first frame")
        assert stage.has_class("-warning")
        await until(pilot, lambda: stage.has_class("-light"), "the key typed on the first frame")
    host.close()
