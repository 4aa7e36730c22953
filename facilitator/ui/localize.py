"""Key descriptions in the language in use.

A screen's BINDINGS name their descriptions by catalogue key ("key.next"); each instance
gets the text of the language at the time it is made, so one process can show both.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, cast

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

from facilitator.i18n import is_key, t


def describe(binding: Binding) -> str:
    """The binding's description in the language in use."""
    return t(binding.description) if is_key(binding.description) else binding.description


class Localized:
    """Mixin for every app, screen and dialog whose BINDINGS name catalogue keys: each
    instance gets its keys described in the language in use when it is made.

    Put it first among the bases: `class HostScreen(Localized, Screen[None])`. It is not a
    DOMNode itself, so Textual's CSS still sees the screen as a Screen.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        node = cast(DOMNode, self)
        # Textual has no public way to change a binding's description per instance; this
        # is the one place that replaces the instance's own map of bindings.
        keys = {
            key: [replace(binding, description=describe(binding)) for binding in bindings]
            for key, bindings in node._bindings.key_to_bindings.items()
        }
        node._bindings = BindingsMap.from_keys(keys)
