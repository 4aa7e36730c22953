"""The report-back round under Pilot: the host's keys, the stage, the notes console, review."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import Input, Label, Static, TextArea

from facilitator.agenda.model import Agenda
from facilitator.notes.store import load_notes_file
from facilitator.review.archive import LoadedSession, ReviewedSession
from facilitator.roles.host import HostRun
from facilitator.roles.note_taker import NoteTaking
from facilitator.roles.stage import Stage
from facilitator.session.store import SessionStore
from facilitator.timing.clock import FakeClock
from facilitator.timing.events import Action
from facilitator.ui.app import notes_app, review_app, stage_app
from facilitator.ui.dialogs.help import HelpModal
from facilitator.ui.dialogs.table_pick import TablePickModal
from facilitator.ui.screens.notes import NotesScreen
from facilitator.ui.screens.stage import StageScreen
from facilitator.ui.widgets.big_digits import BigDigits
from tests.ui.harness import HostFixture

SIZE = (120, 40)
SUMMARY = 3


def label(screen: object, widget_id: str) -> str:
    found = screen.query_one(f"#{widget_id}", Label)  # type: ignore[attr-defined]
    return str(found.content) if found.display else ""


def actions(host: HostFixture) -> list[Action]:
    return [event.action for event in host.session().events]


def host_in_summary(agenda: Agenda, store: SessionStore, clock: FakeClock) -> HostRun:
    run = HostRun(agenda, store, clock)
    run.act(Action.START)
    run.act(Action.GOTO, slot=SUMMARY)
    return run


async def test_the_round_keys_greyed_then_a_whole_round(
    make_host: Callable[..., HostFixture],
    agenda: Agenda,
    store: SessionStore,
    clock: FakeClock,
) -> None:
    host = make_host()
    async with host.app.run_test(size=SIZE) as pilot:
        screen = host.screen
        assert screen.check_action("report_start", ()) is False  # the welcome: no round
        assert screen.check_action("report_next", ()) is False  # out of the footer
        await pilot.press("space", "b")
        assert actions(host) == [Action.START]
        host.run.act(Action.GOTO, slot=SUMMARY)
        host.tick(0)
        assert screen.check_action("report_start", ()) is True
        assert label(screen, "report-keys").startswith("b: start the report-back round")
        await pilot.press("b")
        assert screen.check_action("report_start", ()) is False  # b ends it now
        assert screen.check_action("report_end", ()) is True
        assert label(screen, "report-turn") == "Table 1 · 00:25 · Next: table 2"
        assert "t: next table" in label(screen, "report-keys")
        assert screen.check_action("report_skip", ()) is True
        await pilot.press("t", "s")
        assert label(screen, "report-turn").startswith("Table 3 · ")
        assert label(screen, "report-tally") == "Reported: 1 · not reported: 2 4 5 6 7 8 9 10 11 12"
        await pilot.press("o")
        assert isinstance(host.app.screen, TablePickModal)
        await pilot.press("1", "enter")  # table 1 has reported: the dialog says so, stays
        assert isinstance(host.app.screen, TablePickModal)
        host.app.screen.query_one(Input).value = ""
        await pilot.press("9", "enter")
        assert label(screen, "report-turn") == "Table 9 · 00:33 · Next: table 4"
        await pilot.press("ctrl+z")
        assert label(screen, "report-turn").startswith("Table 3 · ")
        await pilot.press("b")  # ends the round; table 3 counts as reported
        assert label(screen, "report-turn").startswith("Report-back done: 2 of 12")
        assert actions(host)[-6:] == [
            Action.REPORT_START,
            Action.REPORT_NEXT,
            Action.REPORT_SKIP,
            Action.REPORT_TABLE,
            Action.UNDO,
            Action.REPORT_END,
        ]


async def test_the_bell_rings_once_when_a_turn_is_up(host: HostFixture) -> None:
    async with host.app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        host.run.act(Action.GOTO, slot=SUMMARY)
        host.tick(0)
        await pilot.press("b")  # 25 s for table 1
        host.tick(25)
        assert host.bells == [] and host.screen.query_one(BigDigits).value == "04:35"
        host.tick(1)
        assert len(host.bells) == 1
        assert host.screen.query_one("#report-turn").has_class("-over")
        host.tick(5)
        await pilot.press("t")  # the next table: no bell for the change
        host.tick(1)
        assert len(host.bells) == 1


async def test_help_and_palette_name_the_round_keys(host: HostFixture) -> None:
    async with host.app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        modal = host.app.screen
        assert isinstance(modal, HelpModal)
        helps = [text for key, text in modal.bindings_help if key == "b"]
        assert helps[0].startswith("In a dialogue or round-up: start the report-back round")
        assert helps[1].startswith("During the round: end it")
        assert {"t", "s", "o"} <= {key for key, _ in modal.bindings_help}
        await pilot.press("x")
        await pilot.press("space")
        host.run.act(Action.GOTO, slot=SUMMARY)
        host.tick(0)
        titles = [command.title for command in host.app.get_system_commands(host.screen)]
        assert "Tables" in titles and "Next table" not in titles
        await pilot.press("b")
        titles = [command.title for command in host.app.get_system_commands(host.screen)]
        assert {"Next table", "Skip", "Table…", "End round"} <= set(titles)
        assert "Tables" not in titles  # b ends the round now


async def test_the_stage_shows_the_table_reporting_and_who_is_next(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    run = host_in_summary(agenda, store, clock)
    run.act(Action.REPORT_START)
    clock.advance(10)
    app = stage_app(Stage(store, clock))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, StageScreen)
        assert label(screen, "stage-report") == "Table 1 · 00:15"
        assert screen.query_one(BigDigits).value == "00:15"
        assert label(screen, "stage-next") == "Next: table 2"
        assert label(screen, "stage-speakers") == "Jonas Kroustrup · 04:50"
        run.call_table(12)
        screen.follow()
        assert label(screen, "stage-report").startswith("Table 12 · ")
        clock.advance(60)
        screen.draw()
        assert screen.has_class("-overtime")  # the turn is up; the slot still has time
        run.act(Action.REPORT_END)
        screen.follow()
        assert label(screen, "stage-report") == ""
        assert label(screen, "stage-title") == "Kort opsamling"
        await pilot.pause()


async def test_notes_preselect_the_table_reporting_but_not_under_typed_text(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    run = host_in_summary(agenda, store, clock)
    assert run.session is not None
    notes = NoteTaking(store, run.session, "desk", clock)
    app = notes_app(notes)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = app.screen
        assert isinstance(screen, NotesScreen)
        assert screen.slot == 2 and screen.table == 1  # the dialogue the round-up is about
        run.act(Action.REPORT_START)
        run.act(Action.REPORT_NEXT)  # table 2 reports
        notes.refresh()
        screen.redraw()
        assert screen.table == 2 and label(screen, "table-label").endswith("reporting now")
        await pilot.press(*"Tillid")
        run.act(Action.REPORT_NEXT)  # table 3 reports while table 2's note is typed
        notes.refresh()
        screen.redraw()
        assert screen.table == 2  # the typed text is not moved to another table
        await pilot.pause()
        assert any("Table 3 reports now" in str(n.message) for n in app._notifications)
        await pilot.press("ctrl+s")
        saved = load_notes_file(notes.writer.path).notes
        assert [(note.table, note.text) for note in saved] == [(2, "Tillid")]
        assert screen.table == 3  # the next note: the table reporting now
        assert screen.query_one("#editor", TextArea).text == ""
        assert label(screen, "reported") == "Reported: 1 2 · not reported: 4 5 6 7 8 9 10 11 12"


async def test_the_review_says_who_reported(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    run = host_in_summary(agenda, store, clock)
    run.act(Action.REPORT_START)
    run.act(Action.REPORT_SKIP)
    run.act(Action.REPORT_NEXT)
    run.act(Action.FINISH)
    assert run.session is not None
    loaded = LoadedSession(session=store.load(run.session.id), notes_files=())
    app = review_app(store, ReviewedSession.of(loaded))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = str(app.screen.query_one("#timeline-analysis", Static).content)
        assert (
            "Report-back in Kort opsamling: Reported: 2 3 · not reported: 1 4 5 6 7 8 9 10 11 12"
            in text
        )


async def test_with_the_cloud_on_stage_the_turn_stays_in_view(
    agenda: Agenda, store: SessionStore, clock: FakeClock
) -> None:
    """The round-up shows the word cloud and the round at once: the band and who is next
    stay, and the slot's time stays in a line."""
    run = host_in_summary(agenda, store, clock)
    assert run.session is not None
    NoteTaking(store, run.session, "desk", clock).save(2, 1, None, "Tryghed og trivsel")
    run.toggle_cloud()
    run.act(Action.REPORT_START)
    app = stage_app(Stage(store, clock))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, StageScreen)
        assert screen.has_class("-cloud")
        assert label(screen, "stage-title") == "What the tables said: Dialog ved bordene"
        assert label(screen, "stage-report") == "Table 1 · 00:25"
        assert label(screen, "stage-speakers") == "Jonas Kroustrup · 05:00"
        assert label(screen, "stage-next") == "Next: table 2"
        await pilot.pause()
