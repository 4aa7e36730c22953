"""The project's own error types: each carries a message fit to show a user as it is."""

from facilitator.clean import clean_text


class FacilitatorError(Exception):
    """Bad input or a state the user can fix; the CLI prints it and exits with status 2.

    A message often quotes a file (a title, a value, a lock's host name): it is cleaned of
    control characters here, once for every way it is shown.
    """

    def __init__(self, *args: object) -> None:
        super().__init__(*(clean_text(arg) if isinstance(arg, str) else arg for arg in args))


class AgendaError(FacilitatorError):
    """An agenda file that cannot be read or does not describe a valid day."""


class SessionError(FacilitatorError):
    """A session folder or file that cannot be read, written or locked."""


class SessionLocked(SessionError):
    """Another host console holds the session."""


class ReportError(FacilitatorError):
    """An export that cannot be written."""
