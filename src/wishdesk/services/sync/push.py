"""Push: deliver queued outbox items, never one twice.

Each item is claimed (``queued`` -> ``sending``, attempts + 1) and committed before its
request goes out, then settled: ``sent`` (with ``sent_at``), ``failed`` (Wish said no, or the
item can never be delivered: not retried), or back to ``queued`` when the request certainly
did not reach Wish (connection refused, 503, 429 after every wait, token refused).

An item still ``sending`` is ambiguous: a crash, or a reply whose answer never came (timeout).
Replies are then checked on Wish: the ticket is read back, and if it holds more MERCHANT
replies with the same text (whitespace-normalised) than the outbox has already marked sent for
that ticket, this one arrived: ``sent``; otherwise it goes back to ``queued``. Closes and
appeals set a state, which is harmless to repeat: they go back to ``queued``. A close or
appeal Wish refuses puts its ticket back in the state it had before it was queued.

``notification`` items (a message about an order with no ticket awaiting the merchant) have
no API: they become ``manual``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from wishdesk import clock
from wishdesk.domain.outbox import KINDS, TICKET_STATE_FOR
from wishdesk.domain.text import squash
from wishdesk.domain.wish import MAX_MESSAGE_CHARS
from wishdesk.errors import Phrase
from wishdesk.services.sync.client import WishClient
from wishdesk.services.sync.errors import AmbiguousError, ApiError, AuthError, NetworkError
from wishdesk.store import outbox as outbox_rows
from wishdesk.store.db import Store
from wishdesk.store.outbox import OutboxItem

MANUAL_NOTE = (
    "the Wish API cannot message a buyer outside a ticket awaiting the merchant: "
    "send it from the merchant dashboard, then `wishdesk outbox cancel {id}`"
)


@dataclass
class PushResult:
    sent: int = 0
    failed: int = 0
    manual: int = 0
    requeued: int = 0
    unconfirmed: int = 0  # left in `sending`, checked by the next sync
    lines: list[str] = field(default_factory=list)  # dry-run plan, failures


def _describe(item: OutboxItem) -> Phrase:
    if item.kind == "reply":
        return Phrase("outbox #{id}: reply to ticket {ticket}", id=item.id, ticket=item.ticket_id)
    if item.kind == "close":
        return Phrase("outbox #{id}: close ticket {ticket}", id=item.id, ticket=item.ticket_id)
    if item.kind == "appeal":
        return Phrase("outbox #{id}: appeal ticket {ticket}", id=item.id, ticket=item.ticket_id)
    return Phrase(
        "outbox #{id}: notification for order {order}", id=item.id, order=item.order_id or "-"
    )


def _problem(item: OutboxItem) -> Phrase | None:
    """Why an item can never be delivered, before any request (kept on it in English)."""
    if item.kind in ("reply", *TICKET_STATE_FOR) and not item.ticket_id:
        return Phrase("no ticket to send it to")
    if item.kind == "reply":
        body = item.body or ""
        if not body.strip():
            return Phrase("empty reply")
        if len(body) > MAX_MESSAGE_CHARS:
            return Phrase(
                "reply is {length} characters, over the Wish API limit of {limit}",
                length=len(body),
                limit=MAX_MESSAGE_CHARS,
            )
    return None


def _preview(body: str | None) -> str:
    text = squash(body or "")
    return text if len(text) <= 60 else text[:57] + "..."


class Pusher:
    def __init__(
        self,
        store: Store,
        client: WishClient | None,
        result: PushResult,
        progress: Callable[[int], None] | None = None,
    ) -> None:
        self.store = store
        self.client = client
        self.result = result
        self.progress = progress

    @staticmethod
    def now() -> str:
        return clock.iso(clock.now())

    # Planning (--dry-run) ----------------------------------------------------------------
    def plan(self) -> None:
        out = self.result.lines
        for item in outbox_rows.with_status(self.store, ("sending",), KINDS):
            out.append(
                Phrase(
                    "would check on Wish whether {item} arrived (interrupted)",
                    item=_describe(item),
                )
            )
        for item in outbox_rows.with_status(self.store, ("queued",), KINDS):
            problem = _problem(item)
            if item.kind == "notification":
                out.append(Phrase("would mark {item} manual", item=_describe(item)))
            elif problem:
                out.append(
                    Phrase("would fail {item}: {problem}", item=_describe(item), problem=problem)
                )
            elif item.kind == "reply":
                out.append(
                    Phrase(
                        "would send {item} ({length} characters): {preview}",
                        item=_describe(item),
                        length=len(item.body or ""),
                        preview=_preview(item.body),
                    )
                )
            else:
                out.append(Phrase("would send {item}", item=_describe(item)))

    # Reconciliation ----------------------------------------------------------------------
    def reconcile(self) -> None:
        for item in outbox_rows.with_status(self.store, ("sending",), KINDS):
            if not outbox_rows.adopt(self.store, item):
                continue  # another sync is sending it now (a team store), or settled it
            problem = _problem(item)
            if problem is not None and item.kind != "notification":
                self.settle(item, "failed", error=problem)
                self.result.failed += 1
            elif item.kind == "reply":
                self.check_reply(item, requeue=True)
            elif item.kind == "notification":
                self.settle(item, "manual", error=MANUAL_NOTE.format(id=item.id))
            else:
                self.settle(item, "queued", error="interrupted before Wish answered; queued again")

    def arrived(self, item: OutboxItem) -> tuple[bool, str | None, str | None]:
        """(arrived, replied_at, request id): read the ticket back from Wish."""
        assert self.client is not None and item.ticket_id
        resp = self.client.get_ticket(item.ticket_id)
        data = resp.data if isinstance(resp.data, Mapping) else {}
        replies = data.get("replies")
        want = squash(item.body or "")
        found: list[str] = []
        for reply in replies if isinstance(replies, list) else []:
            if not isinstance(reply, Mapping) or reply.get("sender") != "MERCHANT":
                continue
            message = reply.get("message")
            if isinstance(message, str) and squash(message) == want:
                found.append(str(reply.get("replied_at") or ""))
        already = sum(
            1
            for body in outbox_rows.sent_reply_bodies(self.store, item.ticket_id, item.id)
            if squash(body) == want
        )
        if len(found) <= already:
            return False, None, resp.request_id
        try:
            at = clock.normalise(found[-1])
        except ValueError:
            at = None
        return True, at, resp.request_id

    def check_reply(self, item: OutboxItem, *, requeue: bool) -> bool:
        """Settle an ambiguous reply from what Wish holds; True when settled."""
        try:
            arrived, at, request_id = self.arrived(item)
        except (AuthError, NetworkError):
            raise
        except ApiError as exc:
            if exc.status == 404:
                self.settle(item, "failed", error=exc.message, request_id=exc.request_id)
                self.result.failed += 1
                return True
            raise
        if arrived:
            self.settle(item, "sent", sent_at=at or self.now(), error=None)
            self.result.sent += 1
            return True
        if requeue:
            self.settle(
                item,
                "queued",
                error="interrupted, and not found on the ticket at Wish; queued again",
                request_id=request_id,
            )
            self.result.requeued += 1
            return True
        return False

    # Sending -----------------------------------------------------------------------------
    def settle(self, item: OutboxItem, status: str, **kwargs: Any) -> bool:
        return outbox_rows.settle(self.store, item.id, status, now=self.now(), **kwargs)

    def run(self) -> None:
        self.reconcile()
        queued = outbox_rows.with_status(self.store, ("queued",), KINDS)
        for item in queued:
            self.push_one(item)
            if self.progress is not None:
                self.progress(1)

    def push_one(self, item: OutboxItem) -> None:
        result = self.result
        if item.kind == "notification":
            if self.settle(item, "manual", error=MANUAL_NOTE.format(id=item.id), expect="queued"):
                result.manual += 1  # (not when another sync of a team store settled it)
            return
        problem = _problem(item)
        if problem is not None:
            if not self.settle(item, "failed", error=problem, expect="queued"):
                return
            result.failed += 1
            result.lines.append(
                Phrase("{item} failed: {error}", item=_describe(item), error=problem)
            )
            return
        if not outbox_rows.claim(self.store, item.id, self.now()):
            return  # cancelled meanwhile, or taken by another sync
        assert self.client is not None and item.ticket_id
        try:
            if item.kind == "reply":
                resp = self.client.post_reply(item.ticket_id, item.body or "")
            else:
                resp = self.client.set_state(item.ticket_id, TICKET_STATE_FOR[item.kind])
        except AmbiguousError as exc:
            # Wish may have the reply: look before anything else, never send it again blind.
            settled = False
            with contextlib.suppress(ApiError, NetworkError):
                settled = self.check_reply(item, requeue=False)
            if not settled:
                self.settle(
                    item,
                    "sending",
                    error=f"{exc.message}; not confirmed: the next sync checks it on Wish",
                    request_id=exc.request_id,
                )
                result.unconfirmed += 1
                raise NetworkError(
                    "{error}; {item} is unconfirmed and will be checked on Wish by the next "
                    "sync (it is never sent twice)",
                    error=exc,
                    item=_describe(item),
                ) from None
            return
        except (AuthError, NetworkError) as exc:
            self.settle(item, "queued", error=exc.message, request_id=exc.request_id)
            result.requeued += 1
            raise
        except ApiError as exc:
            self.settle(item, "failed", error=exc.message, request_id=exc.request_id)
            if item.kind in TICKET_STATE_FOR:  # Wish said no: the ticket is as it was
                from wishdesk.services.outbox import release_state

                with self.store.transaction():
                    release_state(self.store, item)
            result.failed += 1
            result.lines.append(Phrase("{item} failed: {error}", item=_describe(item), error=exc))
            return
        self.settle(item, "sent", sent_at=self.now(), error=None, request_id=resp.request_id)
        result.sent += 1


def push(
    store: Store,
    client: WishClient | None,
    result: PushResult,
    *,
    dry_run: bool = False,
    progress: Callable[[int], None] | None = None,
) -> PushResult:
    pusher = Pusher(store, client, result, progress)
    if dry_run:
        pusher.plan()
    else:
        pusher.run()
    return result


def pending(store: Store) -> int:
    """How many items a push would look at (for a progress bar)."""
    return len(outbox_rows.with_status(store, ("queued", "sending"), KINDS))
