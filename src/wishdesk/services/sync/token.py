"""The Wish API access token a sync uses: where it comes from, and how it is renewed."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

from wishdesk.errors import Phrase, UsageError

if TYPE_CHECKING:
    from wishdesk.services.sync.client import WishClient


def read_token(env: Mapping[str, str], token_file: str | None) -> str:
    """The access token from ``--token-file`` (first) or ``WISH_ACCESS_TOKEN``."""
    if token_file is not None:
        try:
            with open(token_file, encoding="utf-8") as f:
                token = f.read().strip()
        except OSError as exc:
            raise UsageError(
                "cannot read the token file {token_file}: {reason}",
                token_file=token_file,
                reason=exc.strerror or exc,
            ) from None
        except UnicodeDecodeError:
            raise UsageError(
                "the token file {token_file} is not UTF-8 text", token_file=token_file
            ) from None
        source = Phrase("the token file {token_file}", token_file=token_file)
    else:
        token = env.get("WISH_ACCESS_TOKEN", "").strip()
        source = Phrase("WISH_ACCESS_TOKEN")
    if not token and token_file is None:
        raise UsageError(
            "no Wish API access token: set WISH_ACCESS_TOKEN or pass --token-file PATH "
            "(a private app's access token from the Wish merchant dashboard; see docs/sync.md)"
        )
    if not token:
        raise UsageError("{source} is empty", source=source)
    if any(c.isspace() or not c.isprintable() for c in token) or not token.isascii():
        raise UsageError(
            "{source} does not hold a valid access token (one line, no spaces)", source=source
        )
    return token


ENV_HINT = Phrase(
    "the access token is invalid or expired: run `wishdesk auth login` once so that sync "
    "renews its tokens itself, or give a new token (see docs/sync.md)"
)
Renew = Callable[["WishClient"], str]


class TokenSource:
    """The access token a session sends, every secret to keep out of its texts, and how to
    renew the token: at most once per session, by one thread while the others wait."""

    def __init__(
        self,
        token: str,
        renew: Renew | None = None,
        *,
        secrets: Iterable[str] = (),
        hint: str = ENV_HINT,
    ) -> None:
        self._token = token
        self._renew = renew
        self._secrets: tuple[str, ...] = ()  # longest first; replaced whole, never mutated
        self.keep_secret(token, *secrets)
        self._lock = threading.Lock()
        self.hint = hint
        self.renewals = 0

    def __repr__(self) -> str:
        return f"TokenSource(renewable={self._renew is not None}, renewals={self.renewals})"

    @property
    def token(self) -> str:
        return self._token

    def keep_secret(self, *secrets: str) -> None:
        """Keep these out of every text too (safe to call from ``renew``)."""
        known = {*self._secrets, *(s for s in secrets if s)}
        self._secrets = tuple(sorted(known, key=len, reverse=True))

    def redact(self, text: str) -> str:
        """``text`` with every secret (longest first) replaced by ``[token]``."""
        for secret in self._secrets:
            text = text.replace(secret, "[token]")
        return text

    def renew(self, client: WishClient, refused: str) -> bool:
        """A new token after Wish refused ``refused``: True when one is in force (renewed now,
        or already by another thread); False when it cannot be renewed (again)."""
        with self._lock:
            if self._token != refused:
                return True
            if self._renew is None or self.renewals:
                return False
            self.renewals += 1
            self._replace(self._renew(client))  # AuthError when Wish will not renew it
        return True

    def renew_now(self, client: WishClient) -> None:
        """Renew ahead of the expiry (not counted against the one renewal on refusal)."""
        with self._lock:
            if self._renew is not None:
                self._replace(self._renew(client))

    def _replace(self, token: str) -> None:
        self.keep_secret(token)
        self._token = token
