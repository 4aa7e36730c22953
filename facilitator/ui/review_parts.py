"""What the review of one session and its first frame both draw: the heading and the
timeline's table, so that the screen replaces its first frame in place."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime

from rich.table import Table
from rich.text import Text

from facilitator.i18n import date_text, minute_text, span_text, t

TIMELINE_COLUMNS = (
    "number",
    "slot",
    "planned",
    "actual",
    "planned_length",
    "actual_length",
    "over",
)

Cell = str | Text


def session_heading(title: str, day: date, rehearsal: bool, session_id: str) -> str:
    """The line above the tabs: the day's title, its date, rehearsal or real, the id."""
    kind = t("review.rehearsal") if rehearsal else t("review.real")
    return t("review.session_heading", title=title, day=date_text(day), kind=kind, id=session_id)


def timeline_row(
    index: int,
    title: str,
    planned_start: datetime | None,
    planned_seconds: float,
    actual: Cell = "",
    actual_length: Cell = "",
    over: Cell = "",
) -> tuple[Cell, ...]:
    """One slot's row: its plan, and what happened when that is known. The planned start
    is known with the session's time zone and the day's actual start, which may move it
    (see Timeline.planned_start); None leaves it blank until then."""
    return (  # the title as Text: never read as markup
        str(index + 1),
        Text(title),
        minute_text(planned_start) if planned_start is not None else "",
        actual,
        span_text(planned_seconds),
        actual_length,
        over,
    )


def timeline_table(rows: Iterable[Sequence[Cell]]) -> Table:
    """The table of `rows` (see `timeline_row`) under the columns' names."""
    table = Table(expand=True, box=None, padding=(0, 1), header_style="bold")
    for key in TIMELINE_COLUMNS:
        table.add_column(
            t(f"review.timeline.{key}"),
            justify="right" if key != "slot" else "left",
            ratio=1 if key == "slot" else None,
            no_wrap=key != "slot",
        )
    for row in rows:
        table.add_row(*row)
    return table
