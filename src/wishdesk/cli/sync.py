"""``wishdesk sync``."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from wishdesk.cli.context import app_context
from wishdesk.cli.errors import EXIT_CODES_EPILOG

if TYPE_CHECKING:
    from wishdesk.services.sync import SyncResult

SYNC_EPILOG = (
    "Token: $WISH_ACCESS_TOKEN or --token-file (scopes tickets:read, tickets:write, "
    "orders:read; see docs/sync.md). " + EXIT_CODES_EPILOG
)


def sync(
    ctx: typer.Context,
    token_file: Annotated[
        Optional[Path],
        typer.Option(
            "--token-file",
            help="File holding the access token (else $WISH_ACCESS_TOKEN).",
            show_default=False,
        ),
    ] = None,
    base_url: Annotated[
        Optional[str],
        typer.Option(
            "--base-url",
            help="API base URL (default: https://merchant.wish.com).",
            show_default=False,
        ),
    ] = None,
    sandbox: Annotated[
        bool, typer.Option("--sandbox", help="Use https://sandbox.merchant.wish.com.")
    ] = False,
    pull: Annotated[
        bool, typer.Option("--pull/--no-pull", help="Fetch updated tickets and their orders.")
    ] = True,
    push: Annotated[
        bool, typer.Option("--push/--no-push", help="Send queued replies, closes, appeals.")
    ] = True,
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", help="Print what push would send; no request, no change."),
    ] = False,
    timeout: Annotated[
        float, typer.Option("--timeout", help="Seconds to wait for each API response.")
    ] = 30.0,
) -> None:
    """Send the outbox to Wish, then pull the tickets updated since the last sync.

    Prints a summary on stdout. Honours Wish's rate limit, retries transient failures, never
    sends an outbox item twice; on failure exits 2 after saying what was done.
    """
    from wishdesk.cli.progress import progress
    from wishdesk.errors import UsageError, WishdeskError
    from wishdesk.render.safe import clean
    from wishdesk.services.sync import SyncOptions, SyncResult, run_sync
    from wishdesk.services.sync.client import PRODUCTION_URL, SANDBOX_URL, read_token

    app = app_context(ctx)
    if sandbox and base_url:
        raise UsageError("--sandbox and --base-url cannot be used together")
    url = SANDBOX_URL if sandbox else (base_url or PRODUCTION_URL)
    if not url.startswith(("https://", "http://")):
        raise UsageError(f"--base-url must start with https:// (got {url[:60]!r})")
    if not timeout > 0:
        raise UsageError("--timeout must be a positive number of seconds")
    if not pull and not push:
        raise UsageError("nothing to do: both --no-pull and --no-push")
    token = "" if dry_run else read_token(os.environ, str(token_file) if token_file else None)
    store = app.store(create=not dry_run)

    def log(line: str) -> None:
        print(f"wishdesk: {line}", file=sys.stderr)

    options = SyncOptions(
        token=token,
        base_url=url,
        timeout=timeout,
        pull=pull,
        push=push,
        dry_run=dry_run,
        log=log if app.debug else None,
    )
    result = SyncResult()
    try:
        run_sync(store, options, result, lambda label, total: progress(app, label, total))
    except WishdeskError as exc:
        if result.pulled or result.pushed:
            print(result.summary())
            exc.details = [*exc.details, f"done before stopping: {result.summary()}"]
        _report(result)
        raise
    if dry_run:
        for line in result.push.lines:
            print(clean(line, one_line=True))
        print(f"dry run: {len(result.push.lines)} outbox item(s); nothing sent or changed")
        return
    print(result.summary())
    _report(result)


def _report(result: SyncResult) -> None:
    """Item failures, skipped records and warnings, on stderr."""
    from wishdesk.render.safe import clean as clean_text

    for line in result.push.lines:
        print(f"wishdesk: {clean_text(line, one_line=True)}", file=sys.stderr)
    pulled = result.pull
    for line in pulled.skipped:
        print(f"wishdesk: skipped {clean_text(line, one_line=True)}", file=sys.stderr)
    if pulled.skipped_total > len(pulled.skipped):
        print(
            f"wishdesk: ... and {pulled.skipped_total - len(pulled.skipped)} more skipped",
            file=sys.stderr,
        )
    for line in pulled.warnings:
        print(f"wishdesk: warning: {clean_text(line, one_line=True)}", file=sys.stderr)


def register(app: typer.Typer) -> None:
    app.command("sync", epilog=SYNC_EPILOG)(sync)
