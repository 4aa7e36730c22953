"""`facilitator check`: the planned day as a Rich table, then totals; Textual stays unloaded.

Rich reads a plain string as markup and `:name:` as an emoji; the agenda's texts go in as
`Text`, and the lines around the table are printed without markup, so they show as written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from facilitator.agenda.model import Agenda, load_agenda
from facilitator.agenda.overview import overview
from facilitator.agenda.steps import agenda_steps
from facilitator.i18n import clock_text, date_text, span_text, t


def print_check(agenda: Agenda, path: Path, console: Console | None = None) -> None:
    """Print the day `agenda` describes, and a line saying the file is valid."""
    # A pipe or file gets a width that keeps titles readable, not Rich's 80 columns.
    console = console or Console(width=None if sys.stdout.isatty() else 120)
    day = overview(agenda)
    details = [date_text(agenda.date) if agenda.date else "", agenda.venue or ""]
    heading = " · ".join([agenda.title, *(part for part in details if part)])
    table = Table(title=Text(heading, style="table.title"), title_justify="left", expand=False)
    # How short a re-plan may make each slot, once the agenda says so for any of them.
    shortest = any(slot.min is not None or slot.keep for slot in agenda.slots)
    keys = ("number", "start", "end", "length") + (("shortest",) if shortest else ()) + ("kind",)
    for key in keys:
        table.add_column(
            t(f"check.column.{key}"),
            no_wrap=True,
            justify="right" if key in ("number", "length", "shortest") else "left",
        )
    table.add_column(t("check.column.title"), ratio=3, min_width=20)
    table.add_column(t("check.column.speakers"), ratio=2, min_width=12)
    table.add_column(t("check.column.questions"), justify="right", no_wrap=True)
    for planned, slot in zip(day.slots, agenda.slots, strict=True):
        start = (t("slot.approx") if slot.approx else "") + clock_text(planned.start)
        least = (
            [
                t("check.kept")
                if agenda.kept(planned.index)
                else span_text(agenda.shortest_of(planned.index))
            ]
            if shortest
            else []
        )
        table.add_row(
            str(planned.index + 1),
            start + (t("check.fixed") if slot.fixed else ""),
            clock_text(planned.end),
            span_text(planned.duration),
            *least,
            t(f"kind.{slot.kind.value}"),
            Text(slot.title),
            Text(", ".join(slot.speakers)),
            str(len(slot.questions)) if slot.questions else "",
        )
    console.print(table)
    for index in range(len(agenda.slots)):  # how the phases divide each slot that has them
        steps = " · ".join(f"{s.title} {span_text(s.seconds)}" for s in agenda_steps(agenda, index))
        if steps:
            line = t("check.phases", number=index + 1, phases=steps)
            console.print(line, markup=False, emoji=False)
    groups = " · ".join(
        t("check.group", name=t(f"check.group.{name}"), minutes=minutes)
        for name, minutes in day.minutes_by_group.items()
        if minutes
    )
    summary = t(
        "check.summary",
        count=len(agenda.slots),
        start=clock_text(day.first_start),
        end=clock_text(day.end),
        length=span_text(day.length),
        groups=groups,
    )
    console.print(summary, markup=False, emoji=False)
    console.print(t("check.valid", path=path), style="green", markup=False, emoji=False)


def command(args: argparse.Namespace) -> int:
    """Check the agenda and print the planned day; a broken agenda raises AgendaError."""
    print_check(load_agenda(args.agenda), Path(args.agenda))
    return 0
