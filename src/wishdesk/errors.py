"""Errors the CLI turns into one-line messages and exit codes.

Services and the store raise these; only ``cli/`` decides how they reach the user.
Every expected failure is exit code 2 ("trouble") unless a subclass says otherwise.
"""

from __future__ import annotations


class WishdeskError(Exception):
    """An expected failure with a message fit for the user."""

    exit_code = 2

    def __init__(self, message: str, *, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or []


class UsageError(WishdeskError):
    """The command line asks for something impossible or contradictory."""


class NotFoundError(WishdeskError):
    """A ticket, order or key the user named does not exist."""


class AmbiguousError(WishdeskError):
    """An id prefix matches several tickets."""


class InputError(WishdeskError):
    """An input file cannot be read or holds invalid records."""


class StoreError(WishdeskError):
    """The store cannot be opened, read or written."""
