"""facilitator: a keyboard-first terminal console for running a live event day."""

__version__ = "0.1.0"
