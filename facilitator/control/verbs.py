"""The control verbs in one table, and the dispatcher that HTTP and OSC share.

A call is a verb, at most one argument and a token, whatever carried it. `dispatch`
checks the token, finds the verb, reads its argument and asks the console to carry it
out; every answer is a `Reply`: an HTTP status and a JSON body. Nothing changes unless the
answer is 200. docs/control.md describes the verbs and the answers.
"""

from __future__ import annotations

import hmac
import re
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from facilitator.clean import clean_text, cut_short
from facilitator.i18n import t
from facilitator.timing.events import MAX_ADJUST

MESSAGE_LENGTH = 200
"""The longest stage message, as the host's `m` dialog takes it."""

Argument = Literal["slot", "seconds", "text"]


@dataclass(frozen=True)
class Verb:
    """One thing the console can be told to do."""

    name: str
    argument: Argument | None = None
    """What the one argument is, if the verb takes one."""
    changes: bool = True
    """Whether the verb changes the day (all but `status`)."""


VERBS: dict[str, Verb] = {
    verb.name: verb
    for verb in (
        Verb("start"),
        Verb("pause"),
        Verb("next"),
        Verb("previous"),
        Verb("goto", "slot"),
        Verb("addtime", "seconds"),
        Verb("message", "text"),
        Verb("clearmessage"),
        Verb("cloud"),
        Verb("finish"),
        Verb("status", changes=False),
    )
}
"""Every verb, by name: the one table HTTP, OSC, the console and the docs follow."""


@dataclass(frozen=True)
class Call:
    """A verb as it arrived: its name, its argument and the token, all as text."""

    verb: str
    argument: str | None = None
    token: str | None = None


@dataclass(frozen=True)
class Command:
    """A verb with its argument read: what the console is asked to do."""

    verb: str
    slot: int | None = None
    """For goto: the slot's index, counted from 0 (the call counts from 1)."""
    seconds: int | None = None
    """For addtime: seconds to give (positive) or take (negative)."""
    text: str | None = None
    """For message: the text, cleaned, on one line."""


@dataclass(frozen=True)
class Reply:
    """The answer to a call: an HTTP status and a JSON body."""

    status: int
    body: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """Whether the call was carried out."""
        return self.status == 200


class ControlError(Exception):
    """A call that is not carried out: its HTTP status, a code for scripts, and why."""

    def __init__(self, status: int, code: str, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.extra = extra

    def reply(self) -> Reply:
        """The JSON error answer."""
        body = {"ok": False, "error": self.code, "message": self.message, **self.extra}
        return Reply(self.status, body)


def refused(message: str) -> ControlError:
    """409: the console cannot take this action now; nothing changed."""
    return ControlError(409, "conflict", message)


class Console(Protocol):
    """The host console as the verbs see it."""

    @property
    def slot_count(self) -> int:
        """How many slots the day has now."""

    async def perform(self, command: Command) -> dict[str, Any]:
        """Carry out `command` as the host's own action; what to answer. ControlError when
        it cannot be taken now."""


async def dispatch(console: Console, token: str, call: Call) -> Reply:
    """Check the token, then the verb, then its argument, then carry it out."""
    try:
        check_token(token, call.token)
        verb = VERBS.get(call.verb)
        if verb is None:
            raise ControlError(
                404,
                "unknown_verb",
                t("control.unknown_verb", verb=_shown(call.verb)),
                verbs=list(VERBS),
            )
        command = read_command(verb, call.argument, console.slot_count)
        result = await console.perform(command)
    except ControlError as error:
        return error.reply()
    if not verb.changes:  # `status`: the JSON of `facilitator status`, as it is
        return Reply(200, result)
    return Reply(200, {"ok": True, "verb": verb.name, **result})


def check_token(expected: str, given: str | None) -> None:
    """401 without a token, 403 with a wrong one; compared in constant time."""
    if not given:
        raise ControlError(401, "token_missing", t("control.token_missing"))
    if not hmac.compare_digest(given.encode(), expected.encode()):
        raise ControlError(403, "token_wrong", t("control.token_wrong"))


_WHOLE = re.compile(r"[0-9]{1,9}")
_SIGNED = re.compile(r"[+-]?[0-9]{1,9}")


def read_command(verb: Verb, argument: str | None, slot_count: int) -> Command:
    """The command `verb` with `argument` asks for; 400 for an argument missing, extra or
    out of range."""
    if verb.argument is None:
        if argument is not None:
            raise _bad(t("control.no_argument", verb=verb.name))
        return Command(verb.name)
    if argument is None or not argument.strip():
        raise _bad(t(f"control.needs_{verb.argument}", verb=verb.name))
    argument = argument.strip()
    if verb.argument == "slot":
        if not _WHOLE.fullmatch(argument) or not 1 <= int(argument) <= slot_count:
            raise _bad(t("control.bad_slot", value=_shown(argument), count=slot_count))
        return Command(verb.name, slot=int(argument) - 1)
    if verb.argument == "seconds":
        seconds = int(argument) if _SIGNED.fullmatch(argument) else 0
        if seconds == 0 or abs(seconds) > MAX_ADJUST:
            raise _bad(t("control.bad_seconds", value=_shown(argument), most=MAX_ADJUST))
        return Command(verb.name, seconds=seconds)
    return Command(verb.name, text=_message(argument))


def _message(text: str) -> str:
    """A stage message on one line, without control characters, as the `m` dialog takes it."""
    line = " ".join(clean_text(text).split())
    if not line:
        raise _bad(t("control.needs_text", verb="message"))
    if len(line) > MESSAGE_LENGTH:
        raise _bad(t("control.text_long", length=len(line), most=MESSAGE_LENGTH))
    return line


def _shown(value: str) -> str:
    """A value quoted back in an answer: cleaned, and cut short."""
    return cut_short(clean_text(value), 40)


def _bad(message: str) -> ControlError:
    return ControlError(400, "bad_argument", message)
