"""``wishdesk sync``."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from wishdesk.cli.context import app_context
from wishdesk.cli.errors import epilog
from wishdesk.i18n import _

SYNC_EPILOG = epilog(
    "wishdesk sync",
    "wishdesk sync --dry-run         # what push would send",
    "wishdesk sync --no-push --sandbox --token-file token.txt",
    note="Token: --token-file, $WISH_ACCESS_TOKEN, or the tokens of `wishdesk auth login`, "
    "which sync renews itself (scopes tickets:read, tickets:write, orders:read; see "
    "docs/sync.md).",
)
commands = typer.Typer()

TokenFile = Annotated[
    Optional[Path],
    typer.Option(
        "--token-file",
        help="File holding the access token (else $WISH_ACCESS_TOKEN).",
        show_default=False,
    ),
]
BaseUrl = Annotated[
    Optional[str],
    typer.Option(
        "--base-url", help="API base URL (default: https://merchant.wish.com).", show_default=False
    ),
]
Sandbox = Annotated[bool, typer.Option("--sandbox", help="Use https://sandbox.merchant.wish.com.")]
Pull = Annotated[
    bool, typer.Option("--pull/--no-pull", help="Fetch updated tickets and their orders.")
]
Push = Annotated[
    bool, typer.Option("--push/--no-push", help="Send queued replies, closes, appeals.")
]
DryRun = Annotated[
    bool, typer.Option("--dry-run", help="Print what push would send; no request, no change.")
]
Timeout = Annotated[float, typer.Option("--timeout", help="Seconds to wait for each API response.")]
Concurrency = Annotated[
    int,
    typer.Option(
        "--concurrency",
        help="Orders read at once (1-8; one at a time after a 429).",
        show_default="8",
    ),
]


@commands.command("sync", epilog=SYNC_EPILOG)
def sync(
    ctx: typer.Context,
    token_file: TokenFile = None,
    base_url: BaseUrl = None,
    sandbox: Sandbox = False,
    pull: Pull = True,
    push: Push = True,
    dry_run: DryRun = False,
    timeout: Timeout = 30.0,
    concurrency: Concurrency = 8,
) -> None:
    """Send the outbox to Wish, then pull the tickets updated since the last sync.

    Prints a summary on stdout. Honours Wish's rate limit, retries transient failures, never
    sends an outbox item twice; on failure exits 2 after saying what was done.
    """
    from wishdesk.cli.progress import progress
    from wishdesk.errors import WishdeskError
    from wishdesk.render import sync as render
    from wishdesk.services.sync import SyncResult, options_for, run_sync

    app = app_context(ctx)
    log = render.debug_log if app.debug else None
    token_path = str(token_file) if token_file else None
    options = options_for(
        os.environ, token_path, base_url, sandbox, pull, push, dry_run, timeout, concurrency
    )
    store = app.store(create=not dry_run)
    result = SyncResult()
    try:
        run_sync(store, options.with_log(log), result, lambda t, n: progress(app, _(t), n))
    except WishdeskError as exc:
        render.stopped(result, exc, sys.stdout, sys.stderr)
        raise
    if dry_run:
        render.plan(result, sys.stdout)
        return
    print(result.summary())
    render.report(result, sys.stderr)
