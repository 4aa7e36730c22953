"""The dispatcher that HTTP and OSC share: the token first, then the verb, then its
argument; nothing reaches the console unless all three are right."""

from __future__ import annotations

from typing import Any

import pytest

from facilitator.control.verbs import (
    MESSAGE_LENGTH,
    VERBS,
    Call,
    Command,
    ControlError,
    Reply,
    dispatch,
    read_command,
    refused,
)
from facilitator.timing.events import MAX_ADJUST

TOKEN = "s3cret-token"


class FakeConsole:
    """Records each command; answers as told."""

    slot_count = 14

    def __init__(self, error: ControlError | None = None) -> None:
        self.commands: list[Command] = []
        self.error = error

    async def perform(self, command: Command) -> dict[str, Any]:
        self.commands.append(command)
        if self.error is not None:
            raise self.error
        return {"format": 1} if command.verb == "status" else {"saved": True}


async def call(
    console: FakeConsole, verb: str, argument: str | None = None, token: str | None = TOKEN
) -> Reply:
    return await dispatch(console, TOKEN, Call(verb, argument, token))


async def test_a_verb_with_the_token_is_carried_out() -> None:
    console = FakeConsole()
    reply = await call(console, "next")
    assert reply.status == 200 and reply.ok
    assert reply.body == {"ok": True, "verb": "next", "saved": True}
    assert console.commands == [Command("next")]


async def test_status_answers_the_console_s_json_as_it_is() -> None:
    reply = await call(FakeConsole(), "status")
    assert reply.status == 200 and reply.body == {"format": 1}


@pytest.mark.parametrize(
    ("token", "status", "error"),
    [
        (None, 401, "token_missing"),
        ("", 401, "token_missing"),
        ("wrong", 403, "token_wrong"),
        (TOKEN + "x", 403, "token_wrong"),
        (TOKEN.upper(), 403, "token_wrong"),
    ],
)
async def test_without_the_right_token_nothing_reaches_the_console(
    token: str | None, status: int, error: str
) -> None:
    console = FakeConsole()
    for verb in ("next", "status", "nosuchverb"):
        reply = await call(console, verb, token=token)
        assert reply.status == status and reply.body["error"] == error
        assert reply.body["ok"] is False and reply.body["message"]
    assert console.commands == []


async def test_an_unknown_verb_is_404_and_lists_the_verbs() -> None:
    console = FakeConsole()
    reply = await call(console, "nxet")
    assert reply.status == 404 and reply.body["error"] == "unknown_verb"
    assert reply.body["verbs"] == list(VERBS)
    assert "'nxet'" in reply.body["message"]
    assert console.commands == []


async def test_an_unknown_verb_is_quoted_back_short_and_clean() -> None:
    reply = await call(FakeConsole(), "\x1b[2J" + "x" * 500)
    assert "\x1b" not in reply.body["message"] and len(reply.body["message"]) < 100


async def test_a_refusal_from_the_console_is_its_status() -> None:
    console = FakeConsole(refused("The day is finished"))
    reply = await call(console, "next")
    assert reply.status == 409
    assert reply.body == {"ok": False, "error": "conflict", "message": "The day is finished"}


@pytest.mark.parametrize(
    ("verb", "argument", "command"),
    [
        ("goto", "1", Command("goto", slot=0)),
        ("goto", "14", Command("goto", slot=13)),
        ("goto", " 3 ", Command("goto", slot=2)),
        ("addtime", "60", Command("addtime", seconds=60)),
        ("addtime", "+60", Command("addtime", seconds=60)),
        ("addtime", "-30", Command("addtime", seconds=-30)),
        ("addtime", str(MAX_ADJUST), Command("addtime", seconds=MAX_ADJUST)),
        ("message", "Round off please", Command("message", text="Round off please")),
        ("message", " [b]2 minutes[/b] ", Command("message", text="[b]2 minutes[/b]")),
        (
            "message",
            "two\nlines\tand\x1b[31m red\x07",
            Command("message", text="two lines and red"),
        ),
        ("message", "é" * MESSAGE_LENGTH, Command("message", text="é" * MESSAGE_LENGTH)),
        ("start", None, Command("start")),
    ],
)
def test_arguments_are_read(verb: str, argument: str | None, command: Command) -> None:
    assert read_command(VERBS[verb], argument, 14) == command


@pytest.mark.parametrize(
    ("verb", "argument"),
    [
        ("goto", None),
        ("goto", ""),
        ("goto", "0"),
        ("goto", "15"),
        ("goto", "-1"),
        ("goto", "+2"),
        ("goto", "2.0"),
        ("goto", "two"),
        ("goto", "9" * 40),
        ("addtime", None),
        ("addtime", "0"),
        ("addtime", "-0"),
        ("addtime", "999999999"),
        ("addtime", str(MAX_ADJUST + 1)),
        ("addtime", f"-{MAX_ADJUST + 1}"),
        ("addtime", "1.5"),
        ("addtime", "1m"),
        ("addtime", "60; rm -rf /"),
        ("addtime", "٣"),  # an Arabic-Indic three: a digit to Python, not to a URL
        ("message", None),
        ("message", "   "),
        ("message", "\x1b[2J\x07"),
        ("message", "x" * (MESSAGE_LENGTH + 1)),
        ("next", "3"),
        ("status", "x"),
        ("clearmessage", "now"),
    ],
)
async def test_a_bad_argument_is_400_and_nothing_is_done(verb: str, argument: str | None) -> None:
    console = FakeConsole()
    reply = await call(console, verb, argument)
    assert reply.status == 400 and reply.body["error"] == "bad_argument", reply.body
    assert reply.body["message"]
    assert console.commands == []


def test_every_verb_has_its_words_in_both_languages() -> None:
    from facilitator.i18n import set_language, t

    for language in ("en", "da"):
        set_language(language)
        for verb in VERBS.values():
            if verb.changes:
                key = f"control.verb.{verb.name}"
                assert t(key, number=1, seconds="+60") != key
            if verb.argument is not None:
                key = f"control.needs_{verb.argument}"
                assert t(key, verb=verb.name) != key
    set_language("en")
