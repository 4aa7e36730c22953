"""Key descriptions in the language in use.

A screen's BINDINGS name their descriptions by catalogue key ("key.next"); each instance
gets the text of the language at the time it is made, so one process can show both.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

from facilitator.i18n import EN, t


def describe(binding: Binding) -> str:
    """The binding's description in the language in use."""
    return t(binding.description) if binding.description in EN else binding.description


def localize_bindings(node: DOMNode) -> None:
    """Give `node` its bindings with descriptions in the language in use."""
    keys = {
        key: [replace(binding, description=describe(binding)) for binding in bindings]
        for key, bindings in node._bindings.key_to_bindings.items()
    }
    node._bindings = BindingsMap.from_keys(keys)
