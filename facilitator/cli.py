"""The `facilitator` command: argument parsing and the subcommands.

Textual is imported only by the subcommands that open a console, so `check` starts fast.
Every FacilitatorError is printed to stderr and exits with status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date, time
from pathlib import Path

from facilitator import __version__
from facilitator.errors import FacilitatorError

COMMANDS = ("run", "check", "stage", "notes", "review", "export", "import")
EXIT_USAGE = 2


def _speed(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number such as 60, got {text!r}") from None
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError(f"expected a speed from above 0 up to 3600, got {text}")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The command line, with a subparser per command."""
    parser = argparse.ArgumentParser(
        prog="facilitator",
        description="Run a live event day from a timed agenda. "
        "Without a command: `facilitator run`.",
    )
    parser.add_argument("--version", action="version", version=f"facilitator {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = commands.add_parser("run", help="the host console: keep time on stage")
    run.add_argument("agenda", nargs="?", default="agenda.toml", help="default: ./agenda.toml")
    run.add_argument("--rehearse", action="store_true", help="run the day on a virtual clock")
    run.add_argument("--speed", type=_speed, default=1.0, help="with --rehearse: N times faster")
    run.add_argument("--resume", action="store_true", help="resume the unfinished session")
    run.add_argument("--take-over", action="store_true", help="take a session another holds")
    _sessions_option(run)

    check = commands.add_parser("check", help="check an agenda and print the planned day")
    check.add_argument("agenda", nargs="?", default="agenda.toml", help="default: ./agenda.toml")

    stage = commands.add_parser("stage", help="the stage screen for a projector or speaker")
    stage.add_argument("session", nargs="?", help="default: the newest unfinished session")
    _sessions_option(stage)

    notes = commands.add_parser("notes", help="the note-taker's console")
    notes.add_argument("session", nargs="?", help="default: the newest unfinished session")
    notes.add_argument("--as", dest="writer", metavar="NAME",
                       help="whose notes these are (default: this machine's name)")
    notes.add_argument("--take-over", action="store_true",
                       help="take over a notes file another console holds")
    _sessions_option(notes)

    review = commands.add_parser("review", help="look back on saved sessions")
    review.add_argument("session", nargs="?", help="open one session (id, folder or archive)")
    _sessions_option(review)

    export = commands.add_parser("export", help="write a report of a session")
    export.add_argument("session", help="a session id, folder or archive file")
    export.add_argument("--format", required=True, choices=("md", "csv", "ics", "toml"),
                        help="md: minutes; csv: notes; ics: the agenda; toml: the whole session")
    export.add_argument("-o", "--output", metavar="FILE", help="default: standard output")
    export.add_argument("--force", action="store_true", help="overwrite an existing FILE")
    _sessions_option(export)

    importer = commands.add_parser("import", help="turn a programme text into an agenda")
    importer.add_argument("programme", help="a text file of the programme, or - to read stdin")
    importer.add_argument("-o", "--output", metavar="FILE", help="default: standard output")
    importer.add_argument("--day", type=int, metavar="N", help="which day of several")
    importer.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="the day's date")
    importer.add_argument("--end", type=_clock, metavar="HH:MM", help="when the last item ends")
    importer.add_argument("--force", action="store_true", help="overwrite an existing FILE")
    return parser


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date such as 2024-11-26, got {text!r}")\
            from None


def _clock(text: str) -> time:
    from facilitator.durations import parse_clock

    try:
        return parse_clock(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _sessions_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--sessions", default="sessions", metavar="DIR", help="default: ./sessions"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (args_list[0] not in COMMANDS and args_list[0] not in _TOP_FLAGS):
        args_list.insert(0, "run")
    args = build_parser().parse_args(args_list)
    handler: Callable[[argparse.Namespace], int] = _HANDLERS[args.command]
    try:
        return handler(args)
    except FacilitatorError as error:
        print(f"facilitator: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


_TOP_FLAGS = ("-h", "--help", "--version")


def _check(args: argparse.Namespace) -> int:
    from facilitator.agenda import load_agenda
    from facilitator.check_report import print_check

    print_check(load_agenda(args.agenda), Path(args.agenda))
    return 0


def _run(args: argparse.Namespace) -> int:
    from facilitator.ui.launch import run_host

    return run_host(args)


def _stage(args: argparse.Namespace) -> int:
    from facilitator.ui.launch import run_stage

    return run_stage(args)


def _export(args: argparse.Namespace) -> int:
    from facilitator.archive import load_any
    from facilitator.reports import export_bytes, write_export
    from facilitator.store import SessionStore

    loaded = load_any(SessionStore(args.sessions), args.session)
    if args.output is None:
        sys.stdout.buffer.write(export_bytes(loaded, args.format))
        sys.stdout.flush()
        return 0
    path = write_export(loaded, args.format, Path(args.output), force=args.force)
    print(f"wrote {path}", file=sys.stderr)
    return 0


def _import(args: argparse.Namespace) -> int:
    from facilitator.import_command import run_import

    return run_import(args)


def _review(args: argparse.Namespace) -> int:
    from facilitator.ui.launch import run_review

    return run_review(args)


def _notes(args: argparse.Namespace) -> int:
    from facilitator.ui.launch import run_notes

    return run_notes(args)


_HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "notes": _notes,
    "review": _review,
    "export": _export,
    "import": _import,
    "run": _run,
    "check": _check,
    "stage": _stage,
}
