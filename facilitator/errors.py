"""The project's own error types: each carries a message fit to show a user as it is."""

from facilitator.clean import clean_text


def one_line(text: str) -> str:
    """Text from a file as it goes into a message line: a newline or control character in
    a key or a title is escaped, so each line of a message starts with the file's name and
    nothing in it acts on the terminal."""
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)


class FacilitatorError(Exception):
    """Bad input or a state the user can fix; the CLI prints it and exits with `exit_status`.

    A message often quotes a file (a title, a value, a lock's host name): it is cleaned of
    control characters here, once for every way it is shown.
    """

    exit_status = 2
    """The CLI's exit status: 2, the input is wrong."""

    def __init__(self, *args: object) -> None:
        super().__init__(*(clean_text(arg) if isinstance(arg, str) else arg for arg in args))


class WriteError(FacilitatorError):
    """A file or stream that cannot be written (a full disk, a closed pipe): the input was
    fine, so the CLI exits with status 1."""

    exit_status = 1


class AgendaError(FacilitatorError):
    """An agenda file that cannot be read or does not describe a valid day."""


class SessionError(FacilitatorError):
    """A session folder or file that cannot be read, written or locked."""


class SessionLocked(SessionError):
    """Another host console holds the session."""


class ReportError(FacilitatorError):
    """An export that cannot be written where it was asked for."""


class ReportNotWritten(ReportError, WriteError):
    """An export whose write failed."""
