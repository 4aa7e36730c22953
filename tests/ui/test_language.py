"""Danish and English on every screen, in the exports and on the command line (the catalogue
itself is checked in tests/unit/test_i18n.py)."""

from __future__ import annotations

import html
import re
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.app import App
from textual.pilot import Pilot

from facilitator.agenda.model import Agenda
from facilitator.i18n import DA, EN, set_language
from facilitator.review.archive import load_folder
from facilitator.review.exports import markdown, notes_csv
from facilitator.roles.host import HostRun
from facilitator.roles.note_taker import NoteTaking
from facilitator.roles.stage import Stage
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action
from facilitator.ui.app import host_app, notes_app, review_app, stage_app
from tests.ui.waiting import settled

SIZE = (120, 40)


def fragments(catalogue: dict[str, str], other: dict[str, str]) -> set[str]:
    """Words of `catalogue` long enough to recognise that `other` never uses."""
    others = " ".join(other.values()).lower()
    found = set()
    for key, text in catalogue.items():
        if other[key] == text or key.startswith(("format.", "cli.help")):
            continue
        for part in re.split(r"{[^}]*}|[()|·:;,.!?“”\"]", text):
            part = part.strip()
            if len(part) >= 8 and part.lower() not in others and " " in part:
                found.add(part)
    return found


ENGLISH_ONLY = fragments(EN, DA)
DANISH_ONLY = fragments(DA, EN)


def screen_text(app: App[None]) -> str:
    svg = app.export_screenshot()
    text = re.sub(r"<[^>]+>", "", svg.split("</style>")[-1])
    return html.unescape(text).replace("\xa0", " ")


async def shows_only(
    app: App[None], language: str, drive: Callable[[Pilot[None]], Awaitable[None]] | None = None
) -> str:
    async with app.run_test(size=SIZE) as pilot:
        if drive:
            await drive(pilot)
        await settled(pilot)
        text = screen_text(app)
    foreign = ENGLISH_ONLY if language == "da" else DANISH_ONLY
    leaks = [part for part in foreign if part in text]
    assert not leaks, f"{language} screen shows {leaks}"
    return text


def started_day(agenda: Agenda, store: SessionStore, clock: FakeClock) -> HostRun:
    run = HostRun(agenda, store, clock)
    clock.advance(60)
    run.act(Action.START)
    clock.advance(9 * 60)
    run.send_message("Bord 4 først")
    return run


@pytest.mark.parametrize("language", ["da", "en"])
async def test_the_host_console_speaks_one_language(
    agenda: Agenda, store: SessionStore, clock: FakeClock, language: str
) -> None:
    set_language(language)
    text = await shows_only(host_app(started_day(agenda, store, clock)), language)
    if language == "da":
        for phrase in (
            "4 min bagud",
            "Punkt 1 af 14 · velkomst",
            "Overtid",
            "Næste: 08.54",
            "På scenen: Bord 4 først",
            "ligger fast kl. 12.00",
            "Næste",
            "Fortryd",
        ):
            assert phrase in text, phrase


async def test_every_danish_dialog_and_screen(
    agenda: Agenda, store: SessionStore, clock: FakeClock, tmp_path: Path
) -> None:
    set_language("da")
    run = started_day(agenda, store, clock)
    for keys in (["question_mark"], ["g"], ["m"], ["f"], ["p"], ["q"], ["ctrl+p"]):

        async def press(pilot: Pilot[None], keys: list[str] = keys) -> None:
            await pilot.press(*keys)

        await shows_only(host_app(run), "da", press)
    assert run.session is not None
    desk = NoteTaking(store, run.session, "desk", clock)
    desk.save(2, 1, agenda.slots[2].questions[0], "Tillid og psykologisk tryghed")
    notes_text = await shows_only(notes_app(desk), "da")
    assert "Bord 1 af 12" in notes_text and "Har meldt tilbage" in notes_text
    stage_text = await shows_only(stage_app(Stage(store, clock)), "da")
    assert "Næste: Opfølgning" in stage_text
    run.act(Action.FINISH)
    run.close()
    desk.close()
    review = await shows_only(review_app(store), "da")
    assert "26. november 2024" in review and "Sessioner i" in review

    async def open_all(pilot: Pilot[None]) -> None:
        await pilot.press("enter")

    timeline = await shows_only(review_app(store), "da", open_all)
    assert "Tidslinje" in timeline and "planlagt længde" in timeline


def test_the_exports_follow_the_language(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    run = started_day(agenda, store, clock)
    assert run.session is not None
    desk = NoteTaking(store, run.session, "desk", clock)
    desk.save(2, 1, None, "Tillid")
    run.act(Action.FINISH)
    loaded = load_folder(store, run.session.id)
    set_language("da")
    minutes = markdown(loaded)
    assert "## Tidslinje" in minutes and "## Noter" in minutes
    assert "| # | Punkt | Planlagt | Faktisk | Planlagt længde |" in minutes
    assert "26. november 2024 · " not in minutes.splitlines()[0]
    assert "- **Bord 1**: Tillid" in minutes and "#### Generelt" in minutes
    assert notes_csv(loaded).splitlines()[0].startswith("punkt,punkt_titel,spørgsmål,bord")
    set_language("en")
    assert "## Timeline" in markdown(loaded)


def test_the_command_line_follows_flag_environment_and_agenda(
    agenda: Agenda,
    store: SessionStore,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    from facilitator.cli import main

    run = started_day(agenda, store, clock)  # the seed's agenda says language = "da"
    run.act(Action.FINISH)
    assert run.session is not None
    args = ["export", run.session.id, "--format", "md", "--sessions", str(store.root)]

    def minutes(*extra: str) -> str:
        assert main([*args, *extra]) == 0
        return capsysbinary.readouterr().out.decode("utf-8")

    assert "## Tidslinje" in minutes()
    assert "## Timeline" in minutes("--lang", "en")
    monkeypatch.setenv("FACILITATOR_LANG", "en")
    assert "## Timeline" in minutes()
    assert "## Tidslinje" in minutes("--lang", "da")
