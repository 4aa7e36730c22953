"""One session looked back on: the timeline, every note, the word clouds; `e` exports."""

from __future__ import annotations

from functools import cached_property, partial
from pathlib import Path

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, Static, TabbedContent, TabPane

from facilitator.agenda.model import SlotKind
from facilitator.errors import ReportError
from facilitator.i18n import clock_text, minute_text, signed_minutes, span_text, t
from facilitator.notes.model import Note
from facilitator.review.analysis import SessionReview, review_session
from facilitator.review.archive import LoadedSession, ReviewedSession
from facilitator.review.exports import (
    default_export_name,
    group_by_question,
    local_clock,
    slot_list,
    write_export,
)
from facilitator.review.recurring import noticeable
from facilitator.roles.report_round import tally_text
from facilitator.ui.dialogs.confirm import confirm
from facilitator.ui.dialogs.export import ExportModal
from facilitator.ui.first_frame import after_paint, footer_after_first_frame
from facilitator.ui.localize import Localized
from facilitator.ui.review_parts import session_heading, timeline_row, timeline_table
from facilitator.ui.widgets.clean_input import CleanInput
from facilitator.ui.widgets.plain_label import PlainLabel
from facilitator.ui.widgets.word_cloud import WordCloud

BAR_WIDTH = 40
"""Columns of the longest bar in the planned-against-actual chart."""
SEARCH_PAUSE = 0.2
"""Seconds the notes search waits after a key for the next before it searches."""


class SessionReviewScreen(Localized, Screen[None]):
    """Planned against actual, the notes grouped and searchable, a word cloud per dialogue."""

    # The stylesheet beside this file, as the screen's own CSS rather than CSS_PATH: a
    # screen that brings a CSS_PATH has Textual parse every stylesheet of the app again.
    DEFAULT_CSS = Path(__file__).with_suffix(".tcss").read_text(encoding="utf-8")
    BINDINGS = [
        Binding("escape", "back", "key.back", id="back"),
        Binding("e", "export", "key.export", id="export"),
        Binding("slash", "search", "key.search", id="search", key_display="/"),
        Binding("1", "tab('timeline')", "review.tab.timeline", id="tab_timeline"),
        Binding("2", "tab('notes')", "review.tab.notes", id="tab_notes"),
        Binding("3", "tab('clouds')", "review.tab.clouds", id="tab_clouds"),
    ]

    def __init__(self, reviewed: ReviewedSession, export_folder: Path | None = None) -> None:
        super().__init__()
        self.reviewed = reviewed
        self.session = reviewed.session
        self.review: SessionReview = review_session(self.session)
        """The timeline; the notes, merged and sorted, come with their tab (self.notes)."""
        self.export_folder = export_folder or Path.cwd()
        self._cloud_slots: list[tuple[int, WordCloud]] = []
        """Each dialogue's slot and its cloud, weighed when their tab is first shown."""
        self._shown: set[str] = set()
        """The tabs filled so far: the notes and the clouds wait until they are shown."""
        self._search: Timer | None = None
        """The search waiting for typing to pause."""

    @property
    def loaded(self) -> LoadedSession:
        """The session with its notes: read after the timeline's first frame (on_mount)."""
        return self.reviewed.loaded

    @cached_property
    def notes(self) -> list[Note]:
        """Every live note of the session, oldest first (merged when first asked for)."""
        return self.loaded.notes

    def compose(self) -> ComposeResult:
        """A heading and three tabs."""
        session = self.session
        yield PlainLabel(
            session_heading(session.agenda.title, session.day, session.is_rehearsal, session.id),
            id="session-heading",
        )
        with TabbedContent(initial="timeline"):
            with TabPane(t("review.tab.timeline"), id="timeline"):
                with VerticalScroll():
                    yield Static(self._timeline(), id="timeline-table")
                    yield Static(self._analysis(), id="timeline-analysis")
                    yield Static(self._chart(), id="timeline-chart")
            # Filled when first shown (see _tab_shown).
            yield TabPane(t("review.tab.notes"), id="notes")
            yield TabPane(t("review.tab.clouds"), id="clouds")

    def on_mount(self) -> None:
        """The footer and the notes once the timeline is on the screen."""
        footer_after_first_frame(self)
        after_paint(self, self._read_notes)

    def _read_notes(self) -> None:
        """Read the notes; report notes files that could not be read, and conflict copies."""
        for warning in self.loaded.warnings():
            self.notify(warning, severity="warning", timeout=10)

    @on(TabbedContent.TabActivated)
    async def _tab_shown(self, event: TabbedContent.TabActivated) -> None:
        """The notes and the clouds are in tabs behind the timeline, and a day's notes can
        be thousands: each tab is made and filled when first shown, not before the
        timeline is on the screen."""
        if event.pane.id == "notes":
            await self._notes_made()
        elif event.pane.id == "clouds":
            await self._clouds_made()

    async def _notes_made(self) -> None:
        """The notes tab, made and filled if it was not yet."""
        if "notes" in self._shown:
            return
        self._shown.add("notes")
        await self.query_one("#notes", TabPane).mount_all(
            [
                CleanInput(placeholder=t("review.search"), id="notes-search"),
                VerticalScroll(Static(id="notes-text"), id="notes-scroll"),
            ]
        )
        self._show_notes("")

    async def _clouds_made(self) -> None:
        """The clouds tab, made and weighed if it was not yet."""
        if "clouds" in self._shown:
            return
        self._shown.add("clouds")
        await self.query_one("#clouds", TabPane).mount(VerticalScroll(*self._clouds()))
        self._weigh_clouds()

    # The timeline ----------------------------------------------------------------------

    def _timeline(self) -> Table:
        return timeline_table(
            timeline_row(
                slot.index,
                slot.title,
                slot.planned_start,
                slot.planned_duration,
                t("review.skipped") if slot.skipped else local_clock(slot.actual_start),
                span_text(slot.actual_duration) if slot.actual_duration is not None else "",
                _over_text(slot.over),
            )
            for slot in self.review.slots
        )

    def _analysis(self) -> Text:
        review = self.review
        lines = Text()
        if review.started is None:
            return Text(t("review.not_started"))
        if review.finished and review.ended is not None:
            lines.append(
                t("review.day", start=minute_text(review.started), end=minute_text(review.ended))
            )
            lines.append(" ")
            lines.append_text(_over_text(review.over))
        else:
            lines.append(t("review.day_open", start=minute_text(review.started)))
        if review.delay_sources:
            items = slot_list(review.delay_sources)
            lines.append("\n" + t("review.sources", items=items), style="red")
        if review.absorbers:
            items = slot_list(review.absorbers)
            lines.append("\n" + t("review.absorbers", items=items), style="green")
        for slot in review.slots:
            if slot.reported is not None:
                tally = tally_text(slot.reported, slot.not_reported)
                lines.append("\n" + t("review.round", title=slot.title, tally=tally))
        return Text("\n").join([Text(""), lines, Text("")])

    def _chart(self) -> Group:
        """Bars per slot: planned (dim) above actual (coloured by over or under)."""
        longest = max(
            [s.planned_duration for s in self.review.slots]
            + [s.actual_duration or 0 for s in self.review.slots]
        )
        scale = BAR_WIDTH / max(1.0, longest)
        rows = [Text(t("review.chart"), style="bold")]
        for slot in self.review.slots:
            label = f"{slot.index + 1:>2} {slot.title[:24]:<24} "
            planned = Text(label)
            planned.append("░" * max(1, round(slot.planned_duration * scale)), style="dim")
            rows.append(planned)
            actual = Text(" " * len(label))
            if not slot.skipped:
                style = {1: "red", -1: "green"}.get(noticeable(slot.over), "cyan")
                length = round((slot.actual_duration or 0) * scale)
                actual.append("█" * max(1, length), style=style)
                actual.append(" ")
                actual.append_text(_over_text(slot.over))
            rows.append(actual)
        return Group(*rows)

    # Notes -----------------------------------------------------------------------------

    @on(Input.Changed, "#notes-search")
    def _searched(self, event: Input.Changed) -> None:
        """Search once typing pauses: a day's thousands of notes take seconds to draw, and
        drawing them at every key held the keys typed after it back."""
        if self._search is not None:
            self._search.stop()
        self._search = self.set_timer(SEARCH_PAUSE, partial(self._show_notes, event.value))

    def _show_notes(self, query: str) -> None:
        """The notes grouped by slot, question and table; only those matching `query`."""
        words = query.lower().split()

        def matches(note: Note) -> bool:
            haystack = f"{note.text} {note.writer} {note.question or ''}".lower()
            return all(word in haystack for word in words)

        notes = [note for note in self.notes if matches(note)]
        self.query_one("#notes-text", Static).update(self._notes_text(notes, query))

    def _notes_text(self, notes: list[Note], query: str) -> Text:
        if not notes:
            return Text(t("review.no_notes") if not query else t("review.no_match", query=query))
        agenda = self.session.agenda
        text = Text()
        for slot_index in sorted({note.slot for note in notes}):
            slot_notes = [note for note in notes if note.slot == slot_index]
            slot = agenda.slots[slot_index] if slot_index < len(agenda.slots) else None
            title = slot.title if slot else slot_notes[0].slot_title
            text.append(f"{slot_index + 1}. {title}\n", style="bold underline")
            for question, group in group_by_question(slot_notes, slot.questions if slot else []):
                text.append(f"  {question or t('report.general')}\n", style="bold")
                for note in group:
                    text.append(f"    {t('notes.table_short', table=note.table)}: ", style="bold")
                    body = Text(note.text.strip().replace("\n", "\n      "))
                    if query:
                        body.highlight_words(query.split(), style="reverse", case_sensitive=False)
                    text.append_text(body)
                    text.append(f"  ({note.writer}, {clock_text(note.created)})\n", style="dim")
            text.append("\n")
        return text

    async def action_search(self) -> None:
        """Search the notes."""
        await self._notes_made()
        self.query_one(TabbedContent).active = "notes"
        self.query_one("#notes-search", Input).focus()

    # Word clouds -----------------------------------------------------------------------

    def _clouds(self) -> ComposeResult:
        agenda = self.session.agenda
        with_notes = {note.slot for note in self.notes}
        with_notes |= {word.slot for word in self.loaded.words}
        slots = [
            i
            for i, slot in enumerate(agenda.slots)
            if slot.kind is SlotKind.DIALOGUE or i in with_notes
        ]
        self._cloud_slots.clear()
        for index in slots:
            yield PlainLabel(f"{index + 1}. {agenda.slots[index].title}", classes="section")
            cloud = WordCloud(classes="review-cloud")
            cloud.empty_text = t("review.no_notes")
            self._cloud_slots.append((index, cloud))
            yield cloud

    def _weigh_clouds(self) -> None:
        """Each slot's cloud, weighed once the timeline is on screen (a long text in a
        thread)."""
        stopwords = self.session.agenda.stopwords
        for index, cloud in self._cloud_slots:
            cloud.weigh_texts(index, self.loaded.cloud_texts(index), stopwords)

    # Actions ---------------------------------------------------------------------------

    def action_tab(self, tab: str) -> None:
        """Show one of the tabs."""
        self.query_one(TabbedContent).active = tab

    def action_back(self) -> None:
        """Out of the search box; else back to the list of sessions (it lies beneath even
        when a session was named)."""
        if isinstance(self.focused, Input):
            self.set_focus(None)
            return
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
        else:
            self.app.exit()

    def action_export(self) -> None:
        """Choose a format; the file goes into the current folder."""

        def chosen(form: str | None) -> None:
            if form is None:
                return
            path = self.export_folder / default_export_name(self.loaded, form)
            if path.exists():
                confirm(
                    self.app,
                    t("confirm.overwrite", path=path),
                    lambda: self._write(form, path, force=True),
                )
            else:
                self._write(form, path, force=False)

        self.app.push_screen(ExportModal(), chosen)

    def _write(self, form: str, path: Path, force: bool) -> None:
        try:
            write_export(self.loaded, form, path, force=force)
        except ReportError as error:
            self.notify(str(error), severity="error", timeout=10)
            return
        self.notify(t("review.exported", path=path), timeout=6)


def _over_text(over: float | None) -> Text:
    if over is None:
        return Text("")
    style = {1: "bold red", -1: "bold green"}.get(noticeable(over), "")
    return Text(signed_minutes(over), style=style)
