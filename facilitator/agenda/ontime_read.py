"""Reading an Ontime project file: JSON text to values, each checked where it is used.

Every problem becomes an ImportProblem that names the place in the file as a path
("rundowns.default.entries.a1b2c.timeStart") and says what was expected, so a person can
find and correct it. The shapes are those of Ontime v4.11.0 (see `agenda/ontime.py`).
"""

from __future__ import annotations

import json
import math
from typing import Any

from facilitator.agenda.import_result import ImportProblem
from facilitator.errors import one_line
from facilitator.i18n import t

DAY_MS = 24 * 60 * 60 * 1000


def looks_like_json(name: str, text: str) -> bool:
    """Whether `import` should read the file as an Ontime project: a `.json` file, or text
    that opens with `{` (a project piped on standard input)."""
    return name.lower().endswith(".json") or text.lstrip("\ufeff \t\r\n").startswith("{")


def _no_constant(name: str) -> Any:
    """JSON's NaN and Infinity, which Python would read but no Ontime field holds."""
    raise ImportProblem(t("ontime.not_finite", value=name))


def parse_json(text: str) -> Any:
    """The JSON value of `text`; ImportProblem with line and column when it is not JSON."""
    try:
        return json.loads(text.lstrip("\ufeff"), parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        raise ImportProblem(
            t("ontime.not_json", line=error.lineno, column=error.colno, reason=error.msg)
        ) from None
    except RecursionError:
        raise ImportProblem(t("ontime.too_deep")) from None
    except ValueError as error:  # an integer of thousands of digits
        raise ImportProblem(t("ontime.not_json_value", reason=one_line(str(error)))) from None


def short(value: Any) -> str:
    """A value from the file as a message quotes it: JSON, on one line, cut short."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    text = one_line(text)
    return text if len(text) <= 40 else text[:37] + "..."


def expected(where: str, what: str, value: Any) -> ImportProblem:
    """The error for a value of the wrong kind at `where`."""
    return ImportProblem(t("ontime.expected", where=where, expected=t(what), value=short(value)))


def an_object(value: Any, where: str) -> dict[str, Any]:
    """`value` as a JSON object, else an error at `where`."""
    if not isinstance(value, dict):
        raise expected(where, "ontime.an_object", value)
    return value


def a_list(value: Any, where: str) -> list[Any]:
    """`value` as a JSON list, else an error at `where`."""
    if not isinstance(value, list):
        raise expected(where, "ontime.a_list", value)
    return value


def text_of(entry: dict[str, Any], key: str, where: str) -> str:
    """A text field; absent or null is "", a number is written out (as Ontime's
    `makeString` does), anything else is an error."""
    value = entry.get(key)
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise expected(f"{where}.{key}", "ontime.a_text", value)


def flag_of(entry: dict[str, Any], key: str) -> bool:
    """A boolean field; anything but `true` is false, as Ontime reads it."""
    return entry.get(key) is True


def millis(entry: dict[str, Any], key: str, where: str, what: str) -> int | None:
    """A field in milliseconds: a whole, non-negative number under a day; None when absent
    or null. `what` is the catalogue key of what it should be, for the error."""
    value = entry.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise expected(f"{where}.{key}", what, value)
    if not 0 <= value <= DAY_MS:
        raise expected(f"{where}.{key}", what, value)
    return int(value)
