"""Errors the CLI turns into one-line messages and exit codes.

Services and the store raise these; only ``cli/`` decides how they reach the user.
Every expected failure is exit code 2 ("trouble") unless a subclass says otherwise.
"""

from __future__ import annotations


class WishdeskError(Exception):
    """An expected failure with a message fit for the user.

    ``message`` is English; with ``params`` it is a ``str.format`` template filled with
    them (``NotFoundError("no ticket {ticket}", ticket=...)``), so that the command line can
    say it in the merchant's language (``localized``) from the catalog's translation of the
    template. ``message`` (the attribute) is always the English text, filled in.
    """

    exit_code = 2

    def __init__(self, message: str, *, details: list[str] | None = None, **params: object) -> None:
        filled = message.format(**params) if params else message
        super().__init__(filled)
        self.template = message
        self.params = params
        self.message = filled
        self.details = details or []

    def localized(self) -> str:
        """The message in the interface's language (English where the catalog has no
        translation, or a translation that does not fit the template's fields)."""
        from wishdesk.i18n import _

        text = _(self.template)
        if text == self.template and not any(
            isinstance(value, WishdeskError) for value in self.params.values()
        ):
            return self.message
        params = {
            name: value.localized() if isinstance(value, WishdeskError) else value
            for name, value in self.params.items()
        }
        try:
            return text.format(**params) if params else text
        except (KeyError, IndexError, ValueError):
            return self.message


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


class DeclinedError(WishdeskError):
    """The user was asked whether to go on and said no: the answer is no (exit 1)."""

    exit_code = 1
