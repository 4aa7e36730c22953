"""The host's `r`: the re-plan proposed now, slot by slot, which the host may change before
Enter applies it (docs/timing.md, "The re-plan").

Each row is a slot between the current one and the slot kept on time (or the day's end):
its planned length, its new length, the change and its new expected start. Under the
table: when the target is expected, when the day ends, the cut in all, what cannot be
saved and any length that cannot be. `+`/`-` give the highlighted slot a minute more or
less, digits type its length in minutes, backspace takes it back to the proposal; the
rest is proposed again around the lengths chosen (`HostRun.replan_proposal`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.events import Key
from textual.screen import ModalScreen
from textual.widgets import DataTable

from facilitator.agenda.model import Agenda
from facilitator.i18n import minute_text, signed_minutes, span_text, t
from facilitator.i18n.rounding import whole_minutes
from facilitator.roles.day_texts import REPLAN_LINES, replan_lines, replan_title
from facilitator.timing.events import MAX_SLOT_SECONDS
from facilitator.timing.replan import Proposal, ReplanSlot
from facilitator.ui.localize import Localized
from facilitator.ui.widgets.plain_label import PlainLabel

Propose = Callable[[Mapping[int, int]], Proposal | None]
"""The proposal now around the lengths chosen (seconds by slot index); None: nothing to
re-plan."""

COLUMNS = {
    "slot": "replan.column.slot",
    "planned": "replan.column.planned",
    "new": "replan.column.new",
    "change": "replan.column.change",
    "start": "replan.column.start",
}
"""The table's columns and their headings' catalogue keys."""
TITLE_WIDTH = 44
"""A slot's number and title are cut to this many characters, so the dialog stays narrow."""
MOST_DIGITS = 4
"""Minutes typed for one slot: up to 9999, which the length check then bounds."""


def stepped(length: int, minutes: int, shortest: int) -> int:
    """`length` (seconds) moved by `minutes` whole minutes from the minute it shows as,
    never under `shortest` nor over a day."""
    return min(max((whole_minutes(length) + minutes) * 60, shortest), MAX_SLOT_SECONDS)


class ReplanModal(Localized, ModalScreen[dict[int, int] | None]):
    """The proposal as a table; Enter gives the new lengths to apply, Escape none."""

    BINDINGS = [
        Binding("enter", "apply", "key.apply", id="replan.apply", priority=True),
        Binding("escape", "cancel", "key.cancel", id="replan.cancel"),
        Binding("plus,equals_sign", "step(1)", "key.more", id="replan.more", key_display="+"),
        Binding("minus", "step(-1)", "key.less", id="replan.less", key_display="-"),
    ]

    def __init__(self, agenda: Agenda, propose: Propose) -> None:
        super().__init__()
        self.agenda = agenda
        self.propose = propose
        self.chosen: dict[int, int] = {}
        """The lengths the host set, in seconds by slot index."""
        self.proposal = propose({})
        self._typed = ""

    def compose(self) -> ComposeResult:
        """The title, the table of slots, what the proposal does, and the keys."""
        with Vertical(classes="dialog"):
            yield PlainLabel(
                replan_title(self.agenda, self.proposal), id="replan-title", classes="question"
            )
            yield DataTable(id="replan-slots", cursor_type="row", show_row_labels=False)
            for name in REPLAN_LINES:
                problem = name in ("unsaved", "problems")
                yield PlainLabel(id=f"replan-{name}", classes="problem" if problem else None)
            yield PlainLabel(t("replan.keys"), classes="hint")

    def on_mount(self) -> None:
        """Fill the table; start on the first slot the re-plan changes. A proposal that
        went away as time passed is looked for again every second."""
        table = self.query_one(DataTable)
        for key, heading in COLUMNS.items():
            table.add_column(t(heading), key=key)
        self._show()
        changed = [row for row, slot in enumerate(self._slots()) if slot.change]
        table.move_cursor(row=changed[0] if changed else 0)
        table.focus()
        self.set_interval(1.0, self._again)

    def _slots(self) -> tuple[ReplanSlot, ...]:
        return self.proposal.slots if self.proposal else ()

    # Drawing ---------------------------------------------------------------------------

    def _again(self) -> None:
        """Propose again now, around the lengths chosen: the clock moves the need."""
        self.proposal = self.propose(self.chosen)
        self._show()

    def _show(self) -> None:
        table = self.query_one(DataTable)
        slots = self._slots()
        keys = [str(slot.index) for slot in slots]
        if [row.value for row in table.rows] != keys:
            # Other slots in reach: draw the table anew, the highlight on the same row.
            row = table.cursor_row
            table.clear()
            for slot in slots:
                table.add_row(*self._cells(slot), key=str(slot.index))
            table.move_cursor(row=min(row, len(slots) - 1))
        else:
            for slot in slots:
                for column, cell in zip(COLUMNS, self._cells(slot), strict=True):
                    table.update_cell(str(slot.index), column, cell, update_width=True)
        self.query_one("#replan-title", PlainLabel).show(replan_title(self.agenda, self.proposal))
        for name, text in replan_lines(self.agenda, self.proposal).items():
            self.query_one(f"#replan-{name}", PlainLabel).show(text)

    def _cells(self, slot: ReplanSlot) -> tuple[Text, ...]:
        """One row; titles and times as written, never as markup."""
        title = Text(f"{slot.index + 1:>2}  {self.agenda.slots[slot.index].title}")
        title.truncate(TITLE_WIDTH, overflow="ellipsis")
        if not slot.movable:
            key = "replan.row_kept" if self.agenda.kept(slot.index) else "replan.row_unchanged"
            new = Text(t(key), style="dim")
        else:
            new = Text(
                span_text(slot.proposed) + (" •" if slot.chosen else ""),
                style="bold" if slot.change else "",
            )
        change = signed_minutes(slot.change) if whole_minutes(slot.change) else ""
        return (
            title,
            Text(span_text(slot.planned)),
            new,
            Text(change),
            Text(minute_text(slot.expected_start)),
        )

    # Keys ------------------------------------------------------------------------------

    def _highlighted(self) -> ReplanSlot | None:
        """The slot of the highlighted row, if the re-plan may change it."""
        slots = self._slots()
        row = self.query_one(DataTable).cursor_row
        if not 0 <= row < len(slots) or not slots[row].movable:
            return None
        return slots[row]

    def _choose(self, index: int, length: int | None) -> None:
        """Set slot `index`'s length (None: back to the proposal) and propose again."""
        if length is None:
            self.chosen.pop(index, None)
        else:
            self.chosen[index] = length
        self._again()

    @on(DataTable.RowHighlighted)
    def _moved(self) -> None:
        self._typed = ""  # digits type the length of one slot at a time

    def action_step(self, minutes: int) -> None:
        """A minute more or less for the highlighted slot."""
        slot = self._highlighted()
        if slot is None:
            self.app.bell()
            return
        self._typed = ""
        length = self.chosen.get(slot.index, slot.proposed)
        self._choose(slot.index, stepped(length, minutes, slot.shortest))

    def on_key(self, event: Key) -> None:
        """Digits type the highlighted slot's length in minutes; backspace takes a digit
        back, and then the length back to the proposal."""
        typing = event.character is not None and event.character.isdigit()
        if not typing and event.key != "backspace":
            return
        event.stop()
        slot = self._highlighted()
        if slot is None:
            self.app.bell()
            return
        if typing:
            self._typed = (self._typed + str(event.character))[-MOST_DIGITS:]
        else:
            self._typed = self._typed[:-1]
        self._choose(slot.index, int(self._typed) * 60 if self._typed else None)

    def action_apply(self) -> None:
        """The new lengths as proposed now; a length that cannot be keeps the dialog open."""
        self._again()
        proposal = self.proposal
        if proposal is not None and proposal.problems:
            self.app.bell()
            return
        if proposal is None or not proposal.applicable:
            self.notify(t("replan.nothing"), timeout=3)
            self.dismiss(None)
            return
        self.dismiss(proposal.lengths)

    def action_cancel(self) -> None:
        """Close without changing the day."""
        self.dismiss(None)
