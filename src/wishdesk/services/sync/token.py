"""The Wish API access token a sync uses."""

from __future__ import annotations

from collections.abc import Mapping

from wishdesk.errors import UsageError


def read_token(env: Mapping[str, str], token_file: str | None) -> str:
    """The access token from ``--token-file`` (first) or ``WISH_ACCESS_TOKEN``."""
    if token_file is not None:
        try:
            with open(token_file, encoding="utf-8") as f:
                token = f.read().strip()
        except OSError as exc:
            raise UsageError(
                f"cannot read the token file {token_file}: {exc.strerror or exc}"
            ) from None
        except UnicodeDecodeError:
            raise UsageError(f"the token file {token_file} is not UTF-8 text") from None
        source = f"the token file {token_file}"
    else:
        token = env.get("WISH_ACCESS_TOKEN", "").strip()
        source = "WISH_ACCESS_TOKEN"
    if not token:
        raise UsageError(
            "no Wish API access token: set WISH_ACCESS_TOKEN or pass --token-file PATH "
            "(a private app's access token from the Wish merchant dashboard; see docs/sync.md)"
            if token_file is None
            else f"{source} is empty"
        )
    if any(c.isspace() or not c.isprintable() for c in token) or not token.isascii():
        raise UsageError(f"{source} does not hold a valid access token (one line, no spaces)")
    return token
