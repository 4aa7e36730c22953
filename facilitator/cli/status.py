"""`facilitator status`: a session's state now, for a person or (`--json`) for a script.

It reads the session's file only: no lock is taken, nothing is written, and it works while
a host console runs the day. Textual stays unloaded. The agenda's texts go to Rich as
`Text`, so they show as written. docs/status.md describes both forms.
"""

from __future__ import annotations

import argparse
import json
import sys

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from facilitator.i18n import countdown_text, minute_text, offset_text, span_text, t
from facilitator.roles.day_texts import fixed_warnings, replan_lines, replan_title
from facilitator.roles.status import DayStatus, day_status, slot_end, status_data
from facilitator.session.store import SessionStore
from facilitator.timing.clock import SystemClock
from facilitator.timing.timeline import Phase, SlotState


def command(args: argparse.Namespace) -> int:
    """Print the named session's state now, or the newest unfinished one's; exit status 2
    with a message when there is none."""
    _, session = SessionStore(args.sessions, read_only=True).resolve(args.session)
    status = day_status(session, SystemClock())
    if args.json:
        sys.stdout.write(json.dumps(status_data(status), ensure_ascii=False, indent=2) + "\n")
        return 0
    console = Console(width=None if sys.stdout.isatty() else 120, highlight=False)
    console.print(Group(*_report(status)))
    return 0


def _report(status: DayStatus) -> list[RenderableType]:
    """The heading, where the day stands, the slots, the warnings and the re-plan."""
    session, state = status.session, status.state
    heading = [session.agenda.title, session.id]
    if session.rehearsal is not None:
        heading.insert(1, t("header.rehearsal", speed=f"{session.rehearsal.speed:g}"))
    parts: list[RenderableType] = [Text(" · ".join(heading), style="bold"), Text(_where(status))]
    if not state.finished:
        parts.append(Text(_current(status)))
    parts += [Text(""), _slots(status)]
    parts += [Text(warning, style="bold red") for warning in fixed_warnings(session.agenda, state)]
    parts += _replan(status)
    return parts


def _where(status: DayStatus) -> str:
    """ "Now 09:05 · 15 min behind · ends ~12:30", or when the day finished."""
    state = status.state
    if state.finished:  # "now" says nothing about a finished day, least a rehearsal's
        return t(
            "day.summary", time=minute_text(state.expected_end), offset=offset_text(state.offset)
        )
    now = t("status.now", time=minute_text(state.now))
    where = offset_text(state.offset) if state.started else t("header.not_started")
    if state.relative:
        where = f"{where} {t('header.relative')}"
    return f"{now} · {where} · " + t("header.ends", time=minute_text(state.expected_end))


def _current(status: DayStatus) -> str:
    """ "Slot 2 of 14 · talk: Opfølgning … · Running · 05:00 left · 5 min run"."""
    state = status.state
    slot = state.current_slot
    agenda_slot = status.session.agenda.slots[slot.index]
    position = t("slot.position", number=slot.index + 1, count=len(state.slots))
    kind = t(f"kind.{agenda_slot.kind.value}")
    parts = [f"{position} · {kind}: {agenda_slot.title}", t(f"phase.{slot.phase.value}")]
    if slot.phase is not Phase.PENDING:
        left = countdown_text(slot.display_seconds)
        parts.append(
            t("status.over", time=left) if slot.display_seconds < 0 else t("status.left", time=left)
        )
        parts.append(t("status.elapsed", span=span_text(slot.elapsed)))
    return " · ".join(parts)


def _length(slot: SlotState) -> str:
    """The length in effect; "1 h → 56 min" for a slot a re-plan changed."""
    if slot.replanned_from is None:
        return span_text(slot.planned_duration)
    return t(
        "report.replanned_length",
        planned=span_text(slot.replanned_from),
        length=span_text(slot.planned_duration),
    )


def _slots(status: DayStatus) -> Table:
    """Every slot: planned start, expected (or actual) start and end, length, state."""
    state, agenda = status.state, status.session.agenda
    table = Table(box=None, padding=(0, 1), pad_edge=False)
    for key in (
        "status.column.number",
        "status.column.planned",
        "status.column.expected",
        "status.column.ends",
        "status.column.length",
        "status.column.slot",
        "status.column.state",
    ):
        table.add_column(
            t(key),
            no_wrap=key != "status.column.slot",
            justify="right" if key == "status.column.number" else "left",
        )
    for slot in state.slots:
        end = slot_end(state, slot)
        if slot.phase is Phase.DONE:
            phase = t("list.skipped") if slot.actual_start is None else t("phase.done")
        elif slot.index == state.current:
            phase = t(f"phase.{slot.phase.value}")
        else:
            phase = ""
        fixed = t("check.fixed") if agenda.slots[slot.index].fixed else ""
        table.add_row(
            str(slot.index + 1),
            minute_text(slot.planned_start) + fixed,
            minute_text(slot.actual_start or slot.expected_start),
            minute_text(end) if end else "",
            _length(slot),
            Text(agenda.slots[slot.index].title),
            phase,
        )
    return table


def _replan(status: DayStatus) -> list[RenderableType]:
    """The re-plan `r` would propose: its aim, each slot's new length, what it does."""
    proposal, agenda = status.proposal, status.session.agenda
    if status.state.finished or not status.state.started:
        return []
    if proposal is None:
        return [Text(""), Text(t("status.no_replan"))]
    table = Table(box=None, padding=(0, 1), pad_edge=False, show_header=False)
    for justify in ("left", "right", "left", "left", "left"):
        table.add_column(no_wrap=justify == "right", justify=justify)
    for slot in proposal.slots:
        new = (
            t(
                "report.replanned_length",
                planned=span_text(slot.planned),
                length=span_text(slot.proposed),
            )
            if slot.change
            else span_text(slot.planned)
        )
        table.add_row(
            "",
            str(slot.index + 1),
            new,
            minute_text(slot.expected_start),
            Text(agenda.slots[slot.index].title),
        )
    lines = [Text(text) for text in replan_lines(agenda, proposal).values() if text]
    title = t("status.replan", title=replan_title(agenda, proposal))
    return [Text(""), Text(title, style="bold"), table, *lines]
