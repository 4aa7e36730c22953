"""The project's own error types: each carries a message fit to show a user as it is."""


class FacilitatorError(Exception):
    """Bad input or a state the user can fix; the CLI prints it and exits with status 2."""


class AgendaError(FacilitatorError):
    """An agenda file that cannot be read or does not describe a valid day."""


class SessionError(FacilitatorError):
    """A session folder or file that cannot be read, written or locked."""


class SessionLocked(SessionError):
    """Another host console holds the session."""


class ReportError(FacilitatorError):
    """An export that cannot be written."""
