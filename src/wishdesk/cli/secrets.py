"""Asking for what ``auth login`` needs without echoing it: the client secret, the code."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from wishdesk.errors import UsageError
from wishdesk.i18n import _


def read_secret(path: Path | None) -> str:
    """The client secret from ``--client-secret-file`` (``-``: stdin), else a hidden prompt."""
    if path is not None and str(path) == "-":
        return sys.stdin.readline().strip()
    if path is not None:
        try:
            return path.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"cannot read the client secret file {path}: {exc}") from None
    if not sys.stdin.isatty():
        raise UsageError("no client secret: pass --client-secret-file PATH (or - for stdin)")
    return str(typer.prompt(_("Client secret"), hide_input=True)).strip()


def ask_code(url: str) -> str:
    """The authorization code, asked for after printing where to get it."""
    if not sys.stdin.isatty():
        raise UsageError(f"no --code: open {url} , grant access, then pass --code CODE")
    said = _("Open {url} , grant access, then paste the code (or the whole URL).")
    print(said.format(url=url), file=sys.stderr)
    return str(typer.prompt(_("Code")))
