"""facilitator: a keyboard-first terminal console for running a live event day."""

import os

__version__ = "0.1.0"

# pydantic looks for plugins among every installed package's entry points the first time a
# model is built, which costs a console's start-up a scan of site-packages; facilitator
# uses none.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")
