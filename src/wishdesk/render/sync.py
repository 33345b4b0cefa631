"""What ``sync`` says beyond its summary line: the dry-run plan, and on stderr the items
that failed, the records skipped and the warnings."""

from __future__ import annotations

import sys
from typing import IO, TYPE_CHECKING

from wishdesk.i18n import _, ngettext
from wishdesk.render.safe import clean

if TYPE_CHECKING:
    from wishdesk.errors import WishdeskError
    from wishdesk.services.sync import SyncResult


def debug_log(line: str) -> None:
    """``--debug``: each request as it goes (the client has already redacted it)."""
    print(f"wishdesk: {line}", file=sys.stderr)


def plan(result: SyncResult, out: IO[str]) -> None:
    for line in result.push.lines:
        print(clean(line, one_line=True), file=out)
    count = len(result.push.lines)
    said = ngettext(
        "dry run: {count} outbox item; nothing sent or changed",
        "dry run: {count} outbox items; nothing sent or changed",
        count,
    )
    print(said.format(count=count), file=out)


def report(result: SyncResult, err: IO[str]) -> None:
    """Item failures, skipped records and warnings."""
    for line in result.push.lines:
        print(f"wishdesk: {clean(line, one_line=True)}", file=err)
    pulled = result.pull
    for line in pulled.skipped:
        print("wishdesk: " + _("skipped {what}").format(what=clean(line, one_line=True)), file=err)
    if pulled.skipped_total > len(pulled.skipped):
        more = pulled.skipped_total - len(pulled.skipped)
        print("wishdesk: " + _("... and {count} more skipped").format(count=more), file=err)
    for line in pulled.warnings:
        warning = _("warning: {message}").format(message=clean(line, one_line=True))
        print(f"wishdesk: {warning}", file=err)


def stopped(result: SyncResult, exc: WishdeskError, out: IO[str], err: IO[str]) -> None:
    """A sync that failed: what it did before, on stdout and in the error's details. A
    refused token (``concise``) stays one line on stderr: the fix to run."""
    concise = getattr(exc, "concise", False)
    if result.pulled or result.pushed:
        print(result.summary(), file=out)
        if not concise:
            done = _("done before stopping: {summary}").format(summary=result.summary())
            exc.details = [*exc.details, done]
    if not concise:
        report(result, err)
