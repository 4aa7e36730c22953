"""Every string the consoles show, by key, and the formats of times and offsets.

English first; a Danish catalogue joins it under the same keys.
"""

from __future__ import annotations

import math
from datetime import datetime

from facilitator.timing import Phase

EN: dict[str, str] = {
    # The header
    "header.rehearsal": "REHEARSAL ×{speed}",
    "header.relative": "(from the actual start)",
    "header.not_started": "not started",
    "header.finished": "day finished at {time}",
    "header.ends": "ends ~{time}",
    "offset.behind": "{minutes} min behind",
    "offset.ahead": "{minutes} min ahead",
    "offset.on_time": "on time",
    "risk.fixed": "{title} is fixed at {time}: cut {minutes} min before it",
    # The countdown panel
    "slot.position": "Slot {number} of {count}",
    "slot.next": "Next: {time} {title}",
    "slot.last": "Last slot of the day",
    "slot.message": "On stage: {text}",
    "slot.note": "Note: {note}",
    "slot.cloud": "Stage shows the word cloud of {title} (w takes it off)",
    "slot.approx": "ca. ",
    "phase.pending": "Press space to start",
    "phase.running": "Running",
    "phase.paused": "Paused",
    "phase.warning": "Round off",
    "phase.overtime": "Overtime",
    "phase.done": "Done",
    "day.finished": "The day is finished. Thank you!",
    "day.summary": "Finished at {time}, {offset}.",
    # The agenda list
    "list.number": "#",
    "list.planned": "plan",
    "list.expected": "now",
    "list.length": "length",
    "list.title": "slot",
    "list.state": "state",
    "list.skipped": "skipped",
    "list.took": "{minutes}m",
    "list.over": "+{minutes}",
    "list.under": "−{minutes}",
    # Keys
    "key.start": "Start/pause",
    "key.next": "Next",
    "key.previous": "Previous",
    "key.goto": "Go to",
    "key.more": "+1 min (- takes)",
    "key.less": "−1 min",
    "key.undo": "Undo",
    "key.message": "Message",
    "key.finish": "Finish",
    "key.help": "Help",
    "key.quit": "Quit",
    "key.theme": "Light/dark",
    "key.cancel": "Cancel",
    "key.colours": "Colours",
    "help.colours": "Change the colours of the console",
    "help.start": "Start the slot; pause and resume it",
    "help.next": "End this slot and start the next",
    "help.previous": "Go back to the previous slot (asks first)",
    "help.goto": "Go to any slot (earlier ones ask first)",
    "help.more": "Give the current slot one more minute",
    "help.less": "Take one minute from the current slot",
    "help.undo": "Take back the last timing action",
    "help.message": "Send a message to the stage screen; empty clears it",
    "help.finish": "Finish the day (asks first)",
    "help.help": "Show every key",
    "help.quit": "Quit; the session stays resumable (asks while a slot runs)",
    "help.theme": "Switch between the dark and the light stage theme",
    "help.title": "Keys",
    "help.close": "Press any key to close",
    # Modals
    "confirm.yes": "Yes (y)",
    "confirm.no": "No (n)",
    "confirm.previous": "Go back to slot {number}, “{title}”?",
    "confirm.goto_earlier": "Go back to slot {number}, “{title}”?",
    "confirm.finish": "Finish the day now? The timer stops for good.",
    "confirm.quit": "A slot is running. Quit anyway? You can resume with `facilitator run`.",
    "confirm.resume": "An unfinished session of this day exists ({id}). Resume it?",
    "goto.title": "Go to which slot?",
    "message.title": "Message to the stage (empty clears it)",
    "message.placeholder": "e.g. 2 minutes left",
    "message.presets": "Round off please|2 minutes|5 minutes|Time is up|Questions from the room",
    # Notifications
    "notify.saved_failed": "Not saved: {error}. Retrying.",
    "notify.saved_again": "Saved again.",
    "notify.taken_over": "Another host console took this session over. "
    "This console shows the time but no longer records actions.",
    "notify.message_sent": "Sent to the stage: {text}",
    "notify.message_cleared": "Stage message cleared",
    "notify.nothing_to_undo": "Nothing to undo",
    "notify.undone": "Undone: {action}",
    "notify.resumed": "Resumed session {id}",
    "notify.cloud_on": "The stage shows the word cloud of {title}",
    "notify.cloud_off": "The stage shows the countdown again",
    # The notes console
    "key.save": "Save",
    "key.table_down": "Table −",
    "key.table_up": "Table +",
    "key.question": "Question",
    "key.slot": "Slot",
    "key.new_note": "New note",
    "key.list": "Notes list",
    "key.delete": "Delete note",
    "key.timer": "Timer",
    "key.notes": "Notes",
    "key.cloud": "Cloud",
    "help.cloud": "Show the latest dialogue's word cloud on the stage, or take it off",
    "help.notes": "Take notes (tab comes back)",
    "notes.heading": "Notes · slot {number} {time} {title} · writing as {writer}",
    "notes.editing": "(editing a note: ctrl+s saves it, ctrl+n starts a new one)",
    "notes.table": "Table {table} of {tables}  (F2/F3 or ctrl+↓/↑)",
    "notes.question": "Question {number} of {count}: {text}  (F4)",
    "notes.general": "General note ({count} questions: F4 picks one)",
    "notes.question_short": "Q{number}",
    "notes.general_short": "general",
    "notes.table_short": "Table {table}",
    "notes.reported": "Reported: {reported} · missing: {missing}",
    "notes.saved": "✓ Saved {time}: table {table}, {question}",
    "notes.deleted": "✓ Deleted {time}",
    "notes.empty": "Nothing to save: type what the table said first.",
    "notes.save_failed": "✗ Not saved: {error}. Your text stays here; retrying every second.",
    "notes.not_yours": "Only your own notes can be edited or deleted.",
    "notes.pick_slot": "Notes for which slot?",
    "notes.cloud_empty": "The word cloud fills as notes come in.",
    "confirm.delete_note": "Delete this note of table {table}? "
    "It stays in the file, marked deleted.",
    "confirm.quit_unsaved": "The editor holds text that is not saved. Quit anyway?",
    # The review
    "key.open": "Open",
    "key.filter": "Filter",
    "key.sort": "Sort",
    "key.reload": "Reload",
    "key.back": "Back",
    "key.export": "Export",
    "key.search": "Search",
    "review.heading": "Sessions in {folder}",
    "review.none": "No sessions in {folder} yet: `facilitator run` records one.",
    "review.no_match": "Nothing matches “{query}”.",
    "review.filter": "Filter by title, date or id (/)",
    "review.sorted": "Sorted by {column}",
    "review.column.title": "title",
    "review.column.date": "date",
    "review.column.kind": "kind",
    "review.column.slots": "slots",
    "review.column.notes": "notes",
    "review.column.start": "start",
    "review.column.end": "end",
    "review.column.over": "over/under",
    "review.rehearsal": "rehearsal",
    "review.real": "real",
    "review.unreadable": "unreadable",
    "review.unfinished": "not finished",
    "review.recurring": "Across days: slots that recur, average over/under",
    "review.recurring_line": "{title}: {over} on average over {days} days",
    "review.no_recurring": "No slot has run on two days yet.",
    "review.session_heading": "{title} · {day} · {kind} · {id}",
    "review.tab.timeline": "Timeline",
    "review.tab.notes": "Notes",
    "review.tab.clouds": "Word clouds",
    "review.timeline.number": "#",
    "review.timeline.slot": "slot",
    "review.timeline.planned": "planned",
    "review.timeline.actual": "actual",
    "review.timeline.planned_length": "planned length",
    "review.timeline.actual_length": "actual length",
    "review.timeline.over": "over/under",
    "review.skipped": "skipped",
    "review.not_started": "The day was never started.",
    "review.day": "The day started at {start} and ended at {end}:",
    "review.day_open": "The day started at {start}; the session was not finished.",
    "review.sources": "The delay came from: {items}",
    "review.absorbers": "Taken up by: {items}",
    "review.chart": "Planned (░) against actual (█)",
    "review.search": "Search the notes (/)",
    "review.no_notes": "No notes.",
    "review.exported": "Wrote {path}",
    "confirm.overwrite": "{path} exists already. Overwrite it?",
    "export.title": "Export as",
    "export.md": "Markdown minutes (m): timeline and notes",
    "export.csv": "CSV of the notes (c), for a spreadsheet",
    "export.ics": "iCalendar of the agenda (i)",
    "export.toml": "The whole session in one TOML file (t)",
    # The stage
    "stage.waiting": "Waiting for the host to start the day…",
    "stage.next": "Next: {title}",
    "stage.finished": "Thank you!",
    "stage.unreadable": "Cannot read the session: {error}",
    "stage.cloud": "What the tables said: {title}",
}

_catalogue = EN


def t(key: str, **values: object) -> str:
    """The text for `key`, with `values` filled in."""
    return _catalogue[key].format(**values)


def clock_time(moment: datetime) -> str:
    """A local time of day: "09:15"."""
    return moment.astimezone().strftime("%H:%M")


def clock_time_seconds(moment: datetime) -> str:
    """A local time of day with seconds: "09:15:03"."""
    return moment.astimezone().strftime("%H:%M:%S")


def countdown(seconds: int) -> str:
    """The countdown: "05:00", "00:00", then "+01:23" in overtime; hours as "1:05:00"."""
    sign = "+" if seconds < 0 else ""
    minutes, secs = divmod(abs(seconds), 60)
    if minutes >= 60:
        hours, minutes = divmod(minutes, 60)
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes:02d}:{secs:02d}"


def offset_text(seconds: float) -> str:
    """"4 min behind", "2 min ahead" or "on time" (within half a minute)."""
    minutes = math.floor(abs(seconds) / 60 + 0.5)
    if minutes == 0:
        return t("offset.on_time")
    return t("offset.behind" if seconds > 0 else "offset.ahead", minutes=minutes)


def phase_text(phase: Phase) -> str:
    """What a phase is called on screen."""
    return t(f"phase.{phase.value}")
