"""Errors the CLI turns into one-line messages and exit codes.

Services and the store raise these; only ``cli/`` decides how they reach the user.
Every expected failure is exit code 2 ("trouble") unless a subclass says otherwise.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any


def localize(template: str, params: Mapping[str, object], english: str) -> str:
    """``template`` in the interface's language, filled with ``params`` (those that can be
    localized, a ``Phrase`` or an error, are); ``english`` (exactly) when the interface
    speaks English, and where a translation does not fit the template's fields."""
    from wishdesk.i18n import _, language

    if language() == "en":
        return english
    text = _(template)
    filled = {
        name: value.localized() if hasattr(value, "localized") else value
        for name, value in params.items()
    }
    try:
        return text.format(**filled) if filled else text
    except (KeyError, IndexError, ValueError):
        return english


class Phrase(str):
    """A part of a message, or a line said with one, translated with it: a ``str.format``
    template (a literal, so that the catalog finds it) and its fields. As a ``str`` it is
    the English text, filled in (what is stored, logged and compared); ``localized()`` says
    it in the interface's language (``said``)."""

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, **params: Any) -> Phrase:
        return cls.english(template.format(**params) if params else template, template, params)

    @classmethod
    def english(cls, text: str, template: str, params: dict[str, Any]) -> Phrase:
        """A phrase whose English is ``text`` (the template's, shortened or redacted)."""
        made = super().__new__(cls, text)
        made.template, made.params = template, params
        return made

    def localized(self) -> str:
        return localize(self.template, self.params, str(self))


class Joined(str):
    """Phrases said one after another, as one field of a message (``"; "`` between them in
    English)."""

    parts: tuple[str, ...]

    def __new__(cls, parts: Sequence[str]) -> Joined:
        made = super().__new__(cls, "; ".join(parts))
        made.parts = tuple(parts)
        return made

    def localized(self) -> str:
        from wishdesk.i18n import _

        return _("; ").join(said(part) for part in self.parts)


def said(text: str) -> str:
    """``text`` in the interface's language when it is a ``Phrase`` (or an error's message
    kept with its template), as it is otherwise: data, or English kept as it was."""
    localized = getattr(text, "localized", None)
    return localized() if callable(localized) else text


class WishdeskError(Exception):
    """An expected failure with a message fit for the user.

    ``message`` is English; with ``params`` it is a ``str.format`` template filled with
    them (``NotFoundError("no ticket {ticket}", ticket=...)``), so that the command line can
    say it in the merchant's language (``localized``) from the catalog's translation of the
    template. ``message`` (the attribute) is always the English text, filled in. A field
    that is a ``Phrase`` or another error is said in that language too. ``details`` are
    lines of data (ids, record errors), or ``Phrase`` lines where they are sentences.
    """

    exit_code = 2

    def __init__(
        self, message: str, *, details: Sequence[str] | None = None, **params: Any
    ) -> None:
        filled = message.format(**params) if params else message
        super().__init__(filled)
        self.template = message
        self.params = params
        self.message = filled
        self.details: list[str] = list(details or [])

    def localized(self) -> str:
        """The message in the interface's language (English where the catalog has no
        translation, or a translation that does not fit the template's fields)."""
        return localize(self.template, self.params, self.message)

    def phrase(self) -> Phrase:
        """The message as a ``Phrase``, to keep and say later (English as a ``str``)."""
        return Phrase.english(self.message, self.template, self.params)

    def localized_details(self) -> list[str]:
        """The ``details`` lines in the interface's language."""
        return [said(line) for line in self.details]


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
