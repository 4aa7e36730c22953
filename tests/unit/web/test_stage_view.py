"""The stage view in the browser: computed by the stage role from the session, pushed as
server-sent events when it changes, with what the browser needs to tick alone."""

from __future__ import annotations

import json
import threading

from facilitator.roles.host import HostRun
from facilitator.roles.join import JOIN_FILE, read_join
from facilitator.roles.stage import Stage
from facilitator.session.store import SessionStore
from facilitator.timing.events import Action
from facilitator.web.views import stage_key
from tests.unit.web.conftest import JOIN_URL, TOKEN, Served


def test_the_snapshot_is_the_stage_role_s_view(served: Served) -> None:
    update = served.client.get("/api/stage", headers=served.headers()).json()
    stage = Stage(SessionStore(served.folder.parent), served.clock)
    stage.follow()
    view = stage.view()
    shown = update["stage"]
    assert (shown["title"], shown["digits"], shown["next"]) == (view.title, view.digits, view.next)
    assert shown["title"] == "Dialog ved bordene" and shown["digits"] == "10:00"
    assert shown["seconds"] == 600 and shown["counting"] is True and shown["speed"] == 1.0
    assert update["dialogue"] == 2 and update["session"] == served.session.id


def test_the_ticking_seconds_alone_are_not_a_change() -> None:
    base = {
        "title": "Dialog",
        "speakers": "",
        "digits": "10:00",
        "next": "",
        "message": "",
        "join_url": None,
        "phase": "running",
        "cloud": None,
        "counting": True,
    }
    assert stage_key(base) == stage_key(base | {"digits": "09:59"})
    assert stage_key(base) != stage_key(base | {"phase": "warning"})
    paused = base | {"counting": False, "phase": "paused"}
    assert stage_key(paused) != stage_key(paused | {"digits": "09:00"})  # an adjustment


def test_the_event_stream_sends_the_view_and_each_change(served: Served) -> None:
    seen: list[dict] = []
    done = threading.Event()

    def read() -> None:
        with served.client.stream("GET", f"/api/events?t={TOKEN}") as response:
            assert response.headers["content-type"].startswith("text/event-stream")
            for line in response.iter_lines():
                if line.startswith("data:"):
                    seen.append(json.loads(line[5:]))
                    if seen[-1]["stage"]["message"] or len(seen) > 10:
                        break
        done.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    _wait(lambda: len(seen) >= 1)
    assert seen[0]["stage"]["title"] == "Dialog ved bordene"
    host = HostRun(served.session.agenda, SessionStore(served.folder.parent), served.clock)
    host.resume(served.session)
    host.send_message("Fem minutter tilbage")
    assert done.wait(20)
    assert seen[-1]["stage"]["message"] == "Fem minutter tilbage"
    host.act(Action.PAUSE)
    host.close()


def test_the_server_leaves_its_join_address_for_the_stage(served: Served) -> None:
    assert read_join(served.folder) == JOIN_URL
    host = HostRun(served.session.agenda, SessionStore(served.folder.parent), served.clock)
    host.resume(served.session)
    host.toggle_join()
    _wait(lambda: served.client.get("/api/stage", headers=served.headers()).json()["stage"]["join"])
    stage = served.client.get("/api/stage", headers=served.headers()).json()["stage"]
    assert stage["join_url"] == JOIN_URL
    assert stage["join"].startswith("data:image/svg+xml")
    host.close()
    served.state.served.close()
    assert not (served.folder / JOIN_FILE).exists()


def _wait(condition, timeout: float = 20.0) -> None:  # type: ignore[no-untyped-def]
    import time

    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "waited too long"
        time.sleep(0.02)
