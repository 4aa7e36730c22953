"""Planned against actual per slot, as Ontime's runtime report exports it to CSV.

The columns and the time format are those of Ontime v4.11.0's "Export CSV" in its report
settings (apps/client/src/features/app-settings/panel/feature-panel/reportSettings.utils.ts:
`csvHeader`, and `formatTime` with the 24-hour format "HH:mm:ss", "..." for a time not
reached), so a crew can lay a facilitator day beside an Ontime one. The cue is the slot's
number, as `facilitator export --format ontime` writes it. The times are the review's
(`review/analysis.py`); cells go through the exports' formula guard (`inert`).
"""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta

from facilitator.review.analysis import SessionReview, SlotReview, review_session
from facilitator.review.archive import LoadedSession
from facilitator.review.exports import inert

REPORT_HEADER = (
    "Index",
    "Title",
    "Cue",
    "Scheduled Start",
    "Actual Start",
    "Scheduled End",
    "Actual End",
)
"""Ontime's `csvHeader`, word for word."""

NOT_REACHED = "..."
"""What Ontime's `formatTime` shows for a time that has none (a slot not started or not
ended)."""


def report_time(moment: datetime | None) -> str:
    """A local time of day as Ontime's report writes it: "09:05:07", seconds cut (not
    rounded) as Ontime's `formatFromMillis` does; "..." for none."""
    if moment is None:
        return NOT_REACHED
    return moment.astimezone().strftime("%H:%M:%S")


def actual_end(slot: SlotReview) -> datetime | None:
    """When the slot was last left: its planned end moved by the delay it ended with."""
    if slot.delay_after is None:
        return None
    planned_end = slot.planned_start + timedelta(seconds=slot.planned_duration)
    return planned_end + timedelta(seconds=slot.delay_after)


def _running(review: SessionReview) -> int | None:
    """The slot still running in an unfinished session: it has no actual end yet. Its
    stay reaches the end of the log; of two that do (one left at that moment), it is the
    one entered last."""
    if review.finished or review.ended is None:
        return None
    at_end = [
        (slot.actual_start, slot.index)
        for slot in review.slots
        if slot.actual_start is not None and actual_end(slot) == review.ended
    ]
    return max(at_end)[1] if at_end else None


def report_csv(loaded: LoadedSession) -> str:
    """One row per slot under Ontime's header; CRLF lines, as the notes CSV."""
    review = review_session(loaded.session, loaded.notes)
    running = _running(review)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(REPORT_HEADER)
    for slot in review.slots:
        planned_end = slot.planned_start + timedelta(seconds=slot.planned_duration)
        writer.writerow(
            [
                str(slot.index + 1),
                inert(slot.title),
                str(slot.index + 1),
                report_time(slot.planned_start),
                report_time(slot.actual_start),
                report_time(planned_end),
                NOT_REACHED if slot.index == running else report_time(actual_end(slot)),
            ]
        )
    return buffer.getvalue()
