"""The `facilitator` command: argument parsing, the language, and the subcommands.

Textual is imported only by the subcommands that open a console, so `check` and `status`
start fast.
Every FacilitatorError is printed to stderr and exits with status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from datetime import date, time
from pathlib import Path

from facilitator import __version__
from facilitator.errors import FacilitatorError
from facilitator.files import peek_toml
from facilitator.i18n import LANGUAGES, choose_language, set_language, t

COMMAND_MODULES = {
    "run": "run",
    "check": "check",
    "stage": "stage",
    "notes": "notes",
    "review": "review",
    "export": "export",
    "import": "import_programme",
    "status": "status",
    "serve": "serve",
}
"""The module under facilitator.cli that carries out each command, as `command(args)`."""
_TOP_FLAGS = ("-h", "--help", "--version")


def _speed(text: str) -> float:
    from facilitator.timing.clock import MAX_SPEED

    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(t("cli.speed_number", value=text)) from None
    if not 0 < value <= MAX_SPEED:
        raise argparse.ArgumentTypeError(t("cli.speed_range", value=text))
    return value


def _port(text: str) -> int:
    if not text.isdigit() or not 0 <= int(text) < 65536:
        raise argparse.ArgumentTypeError(t("cli.port", value=text))
    return int(text)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(t("cli.date", value=text)) from None


def _clock(text: str) -> time:
    from facilitator.agenda.durations import parse_clock

    try:
        return parse_clock(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line, with a subparser per command (only the command `only`, when
    given: a console starts sooner); help in the language in use."""
    parser = argparse.ArgumentParser(prog="facilitator", description=t("cli.description"))
    parser.add_argument("--version", action="version", version=f"facilitator {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=t(f"cli.help.{name}"))
        sub.add_argument("--lang", choices=LANGUAGES, help=t("cli.help.lang"))
        return sub

    def sessions(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--sessions", default="sessions", metavar="DIR", help=t("cli.help.sessions")
        )

    if only in (None, "run"):
        run = command("run")
        run.add_argument("agenda", nargs="?", default="agenda.toml", help=t("cli.help.agenda"))
        run.add_argument("--rehearse", action="store_true", help=t("cli.help.rehearse"))
        run.add_argument("--speed", type=_speed, default=1.0, help=t("cli.help.speed"))
        run.add_argument("--resume", action="store_true", help=t("cli.help.resume"))
        run.add_argument("--take-over", action="store_true", help=t("cli.help.take_over"))
        run.add_argument("--control", metavar="[ADDR:]PORT", help=t("cli.help.control"))
        run.add_argument("--osc", metavar="[ADDR:]PORT", help=t("cli.help.osc"))
        sessions(run)

    if only in (None, "check"):
        check = command("check")
        check.add_argument("agenda", nargs="?", default="agenda.toml", help=t("cli.help.agenda"))

    if only in (None, "stage"):
        stage = command("stage")
        stage.add_argument("session", nargs="?", help=t("cli.help.session"))
        sessions(stage)

    if only in (None, "notes"):
        notes = command("notes")
        notes.add_argument("session", nargs="?", help=t("cli.help.session"))
        notes.add_argument("--as", dest="writer", metavar="NAME", help=t("cli.help.writer"))
        notes.add_argument("--take-over", action="store_true", help=t("cli.help.take_over_notes"))
        sessions(notes)

    if only in (None, "review"):
        review = command("review")
        review.add_argument("session", nargs="?", help=t("cli.help.review_session"))
        sessions(review)

    if only in (None, "export"):
        export = command("export")
        export.add_argument("session", help=t("cli.help.export_session"))
        export.add_argument(
            "--format",
            required=True,
            choices=("md", "csv", "ics", "toml", "ontime", "report-csv"),
            help=t("cli.help.format"),
        )
        export.add_argument("-o", "--output", metavar="FILE", help=t("cli.help.output"))
        export.add_argument("--force", action="store_true", help=t("cli.help.force"))
        sessions(export)

    if only in (None, "status"):
        status = command("status")
        status.add_argument("session", nargs="?", help=t("cli.help.session"))
        status.add_argument("--json", action="store_true", help=t("cli.help.json"))
        sessions(status)

    if only in (None, "serve"):
        serve = command("serve")
        serve.add_argument("session", nargs="?", help=t("cli.help.session"))
        serve.add_argument("--host", default="127.0.0.1", metavar="ADDR", help=t("cli.help.host"))
        serve.add_argument("--port", type=_port, default=8000, metavar="N", help=t("cli.help.port"))
        sessions(serve)

    if only in (None, "import"):
        importer = command("import")
        importer.add_argument("programme", help=t("cli.help.programme"))
        importer.add_argument("-o", "--output", metavar="FILE", help=t("cli.help.output"))
        importer.add_argument("--day", type=int, metavar="N", help=t("cli.help.day"))
        importer.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help=t("cli.help.date"))
        importer.add_argument("--end", type=_clock, metavar="HH:MM", help=t("cli.help.end"))
        importer.add_argument("--rundown", metavar="ID", help=t("cli.help.rundown"))
        importer.add_argument("--force", action="store_true", help=t("cli.help.force"))
    return parser


def _flag_in(argv: Sequence[str]) -> str | None:
    """The --lang value, read before parsing so that help and errors use it too."""
    for index, word in enumerate(argv):
        if word == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if word.startswith("--lang="):
            return word.split("=", 1)[1]
    return None


def _language_of_agenda(path: Path) -> str | None:
    """The `language` an agenda file asks for, even when the rest of it is broken."""
    data = peek_toml(path)
    value = data.get("language") if data is not None else None
    return value if isinstance(value, str) else None


def _language_of_session(sessions: str, name: str | None) -> str | None:
    """The language of a session's agenda: the named one, else the newest one. Read from
    the file's TOML alone, without building the session's models: a console paints sooner."""
    from facilitator.session.place import (
        SESSION_FILE,
        folders_newest_first,
        is_archive,
        locate_folder,
    )

    root = Path(sessions)
    if name is not None and is_archive(name):
        data = peek_toml(Path(name))
        return _language_in(data.get("session") if data else None)
    if name is not None:
        folder = locate_folder(root, name)
        return _language_in(peek_toml(folder / SESSION_FILE)) if folder else None
    for folder in folders_newest_first(root):
        data = peek_toml(folder / SESSION_FILE)
        if data is not None:  # the newest session that can be read
            return _language_in(data)
    return None


def _language_in(data: object) -> str | None:
    """The `language` of the agenda in a session's data, or None."""
    agenda = data.get("agenda") if isinstance(data, dict) else None
    value = agenda.get("language") if isinstance(agenda, dict) else None
    return value if isinstance(value, str) else None


def _agenda_language(args: argparse.Namespace) -> str | None:
    if args.command in ("run", "check"):
        return _language_of_agenda(Path(args.agenda))
    if args.command == "review" and args.session is None:
        return None  # the review's listing tells (cli/review.py): a folder is stat'ed once
    if args.command in ("stage", "notes", "review", "export", "status", "serve"):
        return _language_of_session(args.sessions, args.session)
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (args_list[0] not in COMMAND_MODULES and args_list[0] not in _TOP_FLAGS):
        args_list.insert(0, "run")
    flag = _flag_in(args_list)
    set_language(choose_language(flag))
    # Only the command's own subparser, unless the command line asks for the overall help.
    only = args_list[0] if args_list[0] in COMMAND_MODULES else None
    args = build_parser(only).parse_args(args_list)
    set_language(choose_language(args.lang, _agenda_language(args)))
    try:
        return _handler(args.command)(args)
    except FacilitatorError as error:
        print(f"facilitator: {error}", file=sys.stderr)
        return error.exit_status
    except KeyboardInterrupt:
        return 130


def _handler(name: str) -> Callable[[argparse.Namespace], int]:
    """The command's own module, imported only now: `check` must not load Textual."""
    module = importlib.import_module(f"facilitator.cli.{COMMAND_MODULES[name]}")
    handler: Callable[[argparse.Namespace], int] = module.command
    return handler
