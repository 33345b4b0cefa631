"""``wishdesk sync``: push the outbox to Wish, then pull what changed.

Push runs first, so the pull that follows brings back the states Wish set after our replies,
closes and appeals. One sync at a time per store file (an advisory file lock next to it): an
item left ``sending`` by a crash is only judged when no other sync can be sending it. On a
PostgreSQL store several syncs run at once and share the queue: each item is claimed and held
by one of them (``store/outbox.py``), and the pulls write page by page in turn.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from wishdesk.errors import Joined, Phrase, UsageError, WishdeskError
from wishdesk.services.sync.pool import DEFAULT_CONCURRENCY, MAX_CONCURRENCY
from wishdesk.services.sync.pull import PullResult
from wishdesk.services.sync.push import PushResult
from wishdesk.store.db import Store

if TYPE_CHECKING:
    from wishdesk.services.sync.token import TokenSource

Advance = Callable[[int], None]
Progress = Callable[[str, int | None], AbstractContextManager[Advance | None]]


class SyncBusyError(WishdeskError):
    """Another sync holds the store's sync lock."""


@dataclass
class SyncOptions:
    tokens: TokenSource | None = field(repr=False, default=None)
    base_url: str = ""
    timeout: float = 30.0
    pull: bool = True
    push: bool = True
    dry_run: bool = False
    log: Callable[[str], None] | None = None
    concurrency: int = DEFAULT_CONCURRENCY
    renew_first: bool = False  # the stored token expires soon: renew before anything else

    def with_log(self, log: Callable[[str], None] | None) -> SyncOptions:
        return replace(self, log=log)


def options_for(
    env: Mapping[str, str],
    token_file: str | None,
    base_url: str | None,
    sandbox: bool,
    pull: bool,
    push: bool,
    dry_run: bool,
    timeout: float,
    concurrency: int = DEFAULT_CONCURRENCY,
) -> SyncOptions:
    """The options of a sync as given on the command line, checked; the tokens are found
    (``--token-file``, else ``WISH_ACCESS_TOKEN``, else the credentials of ``auth login``)
    unless it is a dry run."""
    if not timeout > 0:
        raise UsageError("--timeout must be a positive number of seconds")
    if not pull and not push:
        raise UsageError("nothing to do: both --no-pull and --no-push")
    if not 1 <= concurrency <= MAX_CONCURRENCY:
        raise UsageError("--concurrency must be 1 to {limit}", limit=MAX_CONCURRENCY)
    url = api_url(base_url, sandbox)
    options = SyncOptions(None, url, timeout, pull, push, dry_run, None, concurrency)
    if not dry_run:
        options.tokens, options.renew_first = tokens_for(env, token_file, url)
    return options


def api_url(base_url: str | None, sandbox: bool) -> str:
    """The API base URL of ``--base-url`` / ``--sandbox`` (default production), checked."""
    from wishdesk.services.sync.client import PRODUCTION_URL, SANDBOX_URL

    if sandbox and base_url:
        raise UsageError("--sandbox and --base-url cannot be used together")
    url = SANDBOX_URL if sandbox else (base_url or PRODUCTION_URL)
    if not url.startswith(("https://", "http://")):
        raise UsageError("--base-url must start with https:// (got {url!r})", url=url[:60])
    return url


def tokens_for(
    env: Mapping[str, str], token_file: str | None, url: str
) -> tuple[TokenSource, bool]:
    """(the tokens, whether to renew them first): a token given by hand cannot renew."""
    from wishdesk import clock
    from wishdesk.services import auth
    from wishdesk.services.sync.token import TokenSource, read_token

    if token_file is not None or env.get("WISH_ACCESS_TOKEN", "").strip():
        return TokenSource(read_token(env, token_file)), False
    login = auth.for_url(url)
    if login is None:
        raise UsageError(
            "no Wish API access token: run `wishdesk auth login` (tokens that renew), or set "
            "WISH_ACCESS_TOKEN or pass --token-file PATH (see docs/sync.md)"
        )
    return auth.token_source(login), auth.needs_renewal(login, clock.now())


@dataclass
class SyncResult:
    pull: PullResult = field(default_factory=PullResult)
    push: PushResult = field(default_factory=PushResult)
    pulled: bool = False
    pushed: bool = False

    def summary(self) -> str:
        """One line of counts: English as a text, said in the interface's language by
        ``errors.said`` (a ``Joined`` of ``Phrase`` parts)."""
        parts: list[str] = []
        if self.pulled:
            t, o = self.pull.tickets, self.pull.orders
            parts.append(
                Phrase(
                    "tickets: {new} new, {updated} updated, {unchanged} unchanged; "
                    "messages: {messages} new; orders: {orders_new} new, {orders_updated} updated",
                    new=t["new"],
                    updated=t["updated"],
                    unchanged=t["unchanged"],
                    messages=self.pull.messages,
                    orders_new=o["new"],
                    orders_updated=o["updated"],
                )
            )
            if self.pull.photos:
                parts.append(Phrase("photos: {count} saved", count=self.pull.photos))
            if self.pull.skipped_total:
                parts.append(Phrase("skipped: {count}", count=self.pull.skipped_total))
        if self.pushed:
            parts.append(self._pushed())
        return Joined(parts) if parts else Phrase("nothing to do")

    def _pushed(self) -> Phrase:
        p = self.push
        fields = {"sent": p.sent, "failed": p.failed, "manual": p.manual}
        if p.requeued and p.unconfirmed:
            return Phrase(
                "outbox: {sent} sent, {failed} failed, {manual} manual, {requeued} queued again, "
                "{unconfirmed} unconfirmed",
                requeued=p.requeued,
                unconfirmed=p.unconfirmed,
                **fields,
            )
        if p.requeued:
            return Phrase(
                "outbox: {sent} sent, {failed} failed, {manual} manual, {requeued} queued again",
                requeued=p.requeued,
                **fields,
            )
        if p.unconfirmed:
            return Phrase(
                "outbox: {sent} sent, {failed} failed, {manual} manual, {unconfirmed} unconfirmed",
                unconfirmed=p.unconfirmed,
                **fields,
            )
        return Phrase("outbox: {sent} sent, {failed} failed, {manual} manual", **fields)


@contextlib.contextmanager
def sync_lock(path: Path) -> Iterator[None]:
    """An advisory lock on ``<store>.sync.lock``, released by the OS even on a crash."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: rely on the claim/settle guards
        yield
        return
    lock_path = path.with_name(path.name + ".sync.lock")
    fd = os.open(lock_path, os.O_CREAT | os.O_RDWR, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise SyncBusyError(
                "another `wishdesk sync` is running on {path}; try again when it is done", path=path
            ) from None
        yield
    finally:
        os.close(fd)


def run_sync(
    store: Store,
    options: SyncOptions,
    result: SyncResult,
    progress: Progress | None = None,
) -> SyncResult:
    """Push then pull, filling ``result`` as work commits (so a failure leaves a record of
    what was done). Raises ``WishdeskError`` subclasses (exit 2) on failure."""
    from wishdesk.services.sync.push import pending, push

    def bar(label: str, total: int | None) -> AbstractContextManager[Advance | None]:
        return progress(label, total) if progress else contextlib.nullcontext(None)

    if options.dry_run:
        # No request, no change: only what push would do.
        result.pushed = False
        if options.push:
            push(store, None, result.push, dry_run=True)
        return result

    from wishdesk.services.sync.client import WishClient

    assert options.tokens is not None
    with (
        sync_lock(store.path) if store.backend == "sqlite" else contextlib.nullcontext(),
        WishClient(
            options.tokens,
            options.base_url,
            timeout=options.timeout,
            log=options.log,
            concurrency=options.concurrency,
        ) as client,
    ):
        if options.renew_first:
            options.tokens.renew_now(client)
        if options.push:
            result.pushed = True
            with bar("pushing", pending(store)) as advance:
                push(store, client, result.push, progress=advance)
        if options.pull:
            from wishdesk.services.attachments import Photos
            from wishdesk.services.sync.pull import pull
            from wishdesk.services.tickets import writer

            result.pulled = True
            photos = Photos(store, client, result.pull)
            with bar("pulling tickets and orders", None) as advance:
                pull(store, client, writer(store), result.pull, advance, photos)
    return result
