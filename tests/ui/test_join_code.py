"""The join QR code: the host's j switches it on in the session, the stage screen shows the
address the server left in the session folder, and takes it off again."""

from __future__ import annotations

from facilitator.agenda.model import Agenda
from facilitator.roles.host import HostRun
from facilitator.roles.join import write_join
from facilitator.roles.stage import Stage
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action
from facilitator.ui.app import host_app, stage_app
from facilitator.ui.screens.stage import StageScreen
from facilitator.ui.widgets.join_code import JoinCode

SIZE = (100, 40)
URL = "http://192.0.2.7:8000/?t=abcdefghijklmnopqrstuv"


async def test_j_switches_the_join_code_on_and_off_in_the_session(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    run = HostRun(agenda, store, clock)
    app = host_app(run)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j")  # no session yet: nothing to show it in
        assert run.session is None
        await pilot.press("space", "j")
        assert run.session is not None
        assert store.load(run.session.id).stage_join is True
        await pilot.press("j")
        assert store.load(run.session.id).stage_join is False
    run.close()


async def test_the_stage_shows_the_code_while_the_host_has_it_on(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    host = HostRun(agenda, store, clock)

    host.act(Action.START)
    assert host.session is not None
    write_join(store.folder(host.session.id), URL)
    app = stage_app(Stage(store, clock))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, StageScreen)
        assert not screen.has_class("-join")
        host.toggle_join()
        screen.follow()
        await pilot.pause()
        assert screen.has_class("-join")
        code = screen.query_one(JoinCode)
        assert code.url == URL and code.display
        rendered = code.render().plain
        assert "Join from your phone" in rendered and URL in rendered and "█" in rendered
        host.toggle_join()
        screen.follow()
        await pilot.pause()
        assert not screen.has_class("-join")
    host.close()
