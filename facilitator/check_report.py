"""The printed report of `facilitator check`: the planned day as a Rich table, then totals."""

from __future__ import annotations

import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

from facilitator.agenda import Agenda
from facilitator.durations import format_clock, format_span
from facilitator.overview import overview


def print_check(agenda: Agenda, path: Path, console: Console | None = None) -> None:
    """Print the day `agenda` describes, and a line saying the file is valid."""
    # A pipe or file gets a width that keeps titles readable, not Rich's 80 columns.
    console = console or Console(width=None if sys.stdout.isatty() else 120)
    day = overview(agenda)
    heading = agenda.title
    details = [str(agenda.date) if agenda.date else "", agenda.venue or ""]
    if any(details):
        heading += " · " + " · ".join(part for part in details if part)
    table = Table(title=heading, title_justify="left", expand=False)
    for name in ("#", "start", "end", "length", "kind"):
        table.add_column(name, no_wrap=True, justify="right" if name in "#length" else "left")
    table.add_column("title", ratio=3, min_width=20)
    table.add_column("speakers", ratio=2, min_width=12)
    table.add_column("qs", justify="right", no_wrap=True)
    for planned, slot in zip(day.slots, agenda.slots, strict=True):
        start = ("ca. " if slot.approx else "") + format_clock(planned.start)
        table.add_row(
            str(planned.index + 1),
            start + (" fixed" if slot.fixed else ""),
            format_clock(planned.end),
            format_span(planned.duration),
            slot.kind.value,
            slot.title,
            ", ".join(slot.speakers),
            str(len(slot.questions)) if slot.questions else "",
        )
    console.print(table)
    groups = " · ".join(
        f"{name} {minutes} min" for name, minutes in day.minutes_by_group.items() if minutes
    )
    console.print(
        f"{len(agenda.slots)} slots from {format_clock(day.first_start)} to "
        f"{format_clock(day.end)}: {format_span(day.length)} · {groups}"
    )
    console.print(f"[green]{path} is a valid agenda.[/green]")
