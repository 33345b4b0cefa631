"""What can go wrong talking to Wish, as the sync decides on it.

- ``ApiError``: Wish answered with an error (HTTP 4xx/5xx, or ``code`` not 0);
- ``AuthError``: the token was refused. Told by Wish's ``code`` (1007 expired, 1008 revoked,
  1002 account disabled, 1006 no token or unknown app, 1012 no Authorization header), at any
  HTTP status: the document shows HTTP 400 for them. HTTP 401 and 403 are auth errors too;
- ``NetworkError``: Wish could not be reached, or kept failing, after every retry;
- ``AmbiguousError``: a POST failed in a way that leaves open whether Wish acted on it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from wishdesk.errors import Phrase, WishdeskError

E = TypeVar("E", bound=WishdeskError)

# Wish's codes for a token it will not take; a refresh may cure them (once).
TOKEN_CODES = frozenset({1002, 1006, 1007, 1008, 1012})


class ApiError(WishdeskError):
    """Wish answered with an error (HTTP 4xx/5xx, or ``code`` not 0)."""

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        code: int | None = None,
        api_message: str = "",
        request_id: str | None = None,
        **params: Any,
    ) -> None:
        super().__init__(message, **params)
        self.status = status
        self.code = code
        self.api_message = api_message
        self.request_id = request_id


class AuthError(ApiError):
    """Wish refused the token (or the app's credentials): nothing more will work. Its
    message is one line that says what to run; the CLI prints nothing else on stderr.
    ``renewable``: a new token may cure it (not so for a missing scope)."""

    concise = True

    def __init__(self, message: str, *, renewable: bool = True, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.renewable = renewable


class NetworkError(WishdeskError):
    """Wish could not be reached, or kept failing, after every retry."""

    def __init__(self, message: str, *, request_id: str | None = None, **params: Any) -> None:
        super().__init__(message, **params)
        self.request_id = request_id


class AmbiguousError(NetworkError):
    """A POST failed in a way that leaves open whether Wish acted on it."""


def refused_token(status: int, code: int | None) -> bool:
    """Is this answer Wish refusing the token (whatever the HTTP status)?"""
    return status in (401, 403) or code in TOKEN_CODES


def redacted_error(
    kind: type[E], text: Phrase, redact: Callable[[str], str], *, whole: bool = True, **options: Any
) -> E:
    """An error whose message is ``text`` passed through ``redact`` (no secret, control
    characters or excessive length), in any language: each field, each part that is a
    ``Phrase`` and, with ``whole``, the English message as a whole."""
    exc = kind(text.template, **options, **_redacted(text, redact).params)
    if whole and redact(exc.message) != exc.message:
        exc.message = redact(exc.message)
        exc.args = (exc.message,)
    return exc


def _redacted(text: Phrase, redact: Callable[[str], str]) -> Phrase:
    params = {
        name: _redacted(value, redact)
        if isinstance(value, Phrase)
        else redact(value)
        if isinstance(value, str)
        else value
        for name, value in text.params.items()
    }
    out = Phrase(text.template, **params)
    return Phrase.english(redact(out), text.template, params)


def http_error_text(
    what: str, status: int, doc: Mapping[str, Any] | None, request_id: str | None
) -> Phrase:
    """What an error answer says: the request, its HTTP status, Wish's code and message."""
    code = doc.get("code") if doc is not None else None
    message = doc.get("message") if doc is not None else None
    said = message.strip() if isinstance(message, str) else ""
    fields = {"what": what, "http": status, "request": request_id or "-"}
    if isinstance(code, int) and code:
        if said:
            return Phrase(
                "{what}: HTTP {http} (code {wish_code}): {said} (Wish-Request-Id: {request})",
                wish_code=code,
                said=said,
                **fields,
            )
        return Phrase(
            "{what}: HTTP {http} (code {wish_code}) (Wish-Request-Id: {request})",
            wish_code=code,
            **fields,
        )
    if said:
        return Phrase(
            "{what}: HTTP {http}: {said} (Wish-Request-Id: {request})", said=said, **fields
        )
    return Phrase("{what}: HTTP {http} (Wish-Request-Id: {request})", **fields)
