"""The project's own error types: each carries a message fit to show a user as it is."""


def one_line(text: str) -> str:
    """Text from a file as it goes into a message line: a newline or control character in
    a key or a title is escaped, so each line of a message starts with the file's name and
    nothing in it acts on the terminal."""
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)


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
