"""The field type of every text a model reads from a file or a person.

It lives beside the models rather than in clean.py, so that a console that only cleans
text (the command line, the first frame) does not load pydantic for it.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BeforeValidator

from facilitator.clean import clean_text


def _clean_if_text(value: object) -> object:
    """Clean a string before validation; anything else is left for the type to refuse."""
    return clean_text(value) if isinstance(value, str) else value


CleanText = Annotated[str, BeforeValidator(_clean_if_text)]
"""A text field of a model read from a file or typed in: cleaned before it is validated,
so a length or emptiness check sees the text as it will be shown."""
