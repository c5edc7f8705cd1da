"""Errors that reach the user as one line and an exit code.

Modelled on pySHACL: each failure is a type, caught once at the CLI edge.
Exit codes: 1 = the check found problems, 2 = the input is wrong or unreadable.
"""


class MandatError(Exception):
    """An error with a one-line message for the user and an exit code."""

    exit_code = 2


class InputError(MandatError):
    """Bad user input: a date, a name, a query, a file or folder."""


class UnreadableData(MandatError):
    """A Turtle file that does not parse: names the file and line."""


class NameNotFound(MandatError):
    """A NAME, STEP or REGION that matches nothing, or matches several things."""

    def __init__(self, message: str, candidates: list[dict] | None = None):
        super().__init__(message)
        self.candidates = candidates or []
