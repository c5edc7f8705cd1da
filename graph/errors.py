"""Errors that reach the user as one line and an exit code.

Modelled on pySHACL: each failure is a type, caught once at the CLI edge.
Exit codes: 1 = the check found problems, 2 = the input is wrong or unreadable.
"""

import sys


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


def warn(message: str) -> None:
    """One warning line on stderr: ``mandat: warning: MESSAGE``."""
    print(f"mandat: warning: {message}", file=sys.stderr)


def env_seconds(name: str, default: float) -> float:
    """A positive number of seconds from the environment variable ``name``.

    >>> env_seconds("MANDAT_UNSET_FOR_DOCTEST", 60)
    60.0
    """
    import os

    text = os.environ.get(name)
    if text is None or text == "":
        return float(default)
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value > 0:
        raise InputError(f"${name}={text!r} is not a number of seconds; unset it or give one such as {default:g}")
    return value
