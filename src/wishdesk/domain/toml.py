"""Parsing TOML: ``tomllib`` from the standard library on 3.11+, else ``tomli`` (the same
parser, packaged for 3.10).

The parser is imported on the first ``loads``, not when this module is imported, so a command
that parses no TOML does not pay for it.
"""

from __future__ import annotations

import sys
from typing import Any


class TOMLDecodeError(ValueError):
    """A text that is not valid TOML; the message is the parser's own."""


def loads(text: str) -> dict[str, Any]:
    """The table a TOML text holds. Raises ``TOMLDecodeError`` for invalid TOML."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TOMLDecodeError(str(exc)) from exc
    except RecursionError:  # the parser recurses once per level of nested arrays or tables
        raise TOMLDecodeError("arrays or tables nested too deeply") from None
    return data
