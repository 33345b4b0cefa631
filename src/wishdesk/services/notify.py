"""``wishdesk notify``: merchant-initiated messages about orders, for scripts.

Each order's message is rendered with that order's data, linted with that order as context
and queued: as a reply where the order has a ticket awaiting the merchant, otherwise as a
notification (which ``sync`` leaves in the outbox as ``manual`` when the API cannot deliver
it). The same (order, template or text, variables) is never queued twice unless ``resend``.
Orders are handled in batches, one write transaction each; the outbox's unique key on each
message's first item (m010) makes concurrent runs queue every message exactly once.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any

from wishdesk.clock import iso
from wishdesk.errors import UsageError
from wishdesk.services import attribution
from wishdesk.services.inbox import order_record
from wishdesk.services.orders_file import own_data_removed
from wishdesk.store import orders, tickets
from wishdesk.store import outbox as outbox_rows
from wishdesk.store.db import Store

if TYPE_CHECKING:
    from wishdesk.domain.policy import RuleSet
    from wishdesk.domain.templates import TemplateSet

BATCH = 500
RESULT_FIELDS = ("order_id", "status", "ticket_id", "outbox_id", "queued_at", "findings")
# Buyer language when no ticket tells it: from the shipping country.
COUNTRY_LANG = {
    "ES": "es",
    "MX": "es",
    "AR": "es",
    "CO": "es",
    "CL": "es",
    "PE": "es",
    "FR": "fr",
    "BE": "fr",
    "LU": "fr",
    "DE": "de",
    "AT": "de",
    "CH": "de",
    "BR": "pt",
    "PT": "pt",
    "IT": "it",
    # Chinese-speaking places get the simplified Chinese text (no traditional one yet)
    "CN": "zh",
    "TW": "zh",
    "HK": "zh",
    "MO": "zh",
}


@dataclass(frozen=True)
class Body:
    """What to send: a template name or a literal text, plus variables for every order."""

    template: str | None = None
    text: str | None = None
    variables: Mapping[str, str] = field(default_factory=dict)


def dedup_key(order_id: str, body: Body, variables: Mapping[str, str]) -> str:
    what = f"template:{body.template}" if body.template else f"text:{body.text}"
    raw = json.dumps([order_id, what, sorted(variables.items())], ensure_ascii=False)
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class Context:
    store: Store
    body: Body
    now: datetime
    rules: RuleSet
    templates: TemplateSet | None
    merchant_name: str
    resend: bool = False
    dry_run: bool = False
    allow_warnings: bool = False
    agent: str | None = None  # who queues (``user.name``), for the audit log

    @cached_property
    def business_days(self) -> Any:
        """The store's business-day calendar, for ``--var new_date=+15bd`` (built once)."""
        from wishdesk.services.inbox import business_calendar

        return business_calendar(self.store)


@dataclass(frozen=True)
class NotifyRequest:
    """``wishdesk notify`` as asked for on the command line."""

    order_ids: Sequence[str] = ()
    orders_file: str | None = None  # a path, or "-" for standard input
    template: str | None = None
    message: str | None = None
    body_file: str | None = None
    variables: Mapping[str, str] = field(default_factory=dict)
    resend: bool = False
    yes: bool = False  # queue despite warnings
    dry_run: bool = False

    def __post_init__(self) -> None:
        if sum(x is not None for x in (self.template, self.message, self.body_file)) != 1:
            raise UsageError("give one of --template, -m or --body-file")
        if self.orders_file == "-" and self.body_file == "-":
            raise UsageError("--orders-file and --body-file cannot both read stdin")


def requested_orders(req: NotifyRequest) -> list[tuple[str, dict[str, str]]]:
    """The orders from the arguments, then from ``--orders-file``."""
    orders_: list[tuple[str, dict[str, str]]] = [(o, {}) for o in req.order_ids]
    if req.orders_file is not None:
        from wishdesk.services.orders_file import read_orders_file

        orders_ += read_orders_file(req.orders_file)
    if not orders_:
        raise UsageError("no orders: give order ids or --orders-file")
    return orders_


def _merchant_name(store: Store) -> str:
    from wishdesk.services.config import current

    return current(store)["merchant.name"]


def prepare(store: Store, req: NotifyRequest, now: datetime) -> Context:
    """Everything every order's message needs; an unknown template fails here, before any
    order is touched."""
    from wishdesk.domain.templates.spans import check_spans
    from wishdesk.services.policy import merchant_rules
    from wishdesk.services.reply import read_body_file

    check_spans(req.variables)  # "+99999d" is refused once, not on every order
    text = req.message if req.body_file is None else read_body_file(req.body_file)
    templates = None
    if req.template is not None:
        from wishdesk.services.templates import load_templates

        templates = load_templates()
        templates.info(req.template)
    return Context(
        store=store,
        body=Body(template=req.template, text=text, variables=req.variables),
        now=now,
        rules=merchant_rules(),
        templates=templates,
        merchant_name=_merchant_name(store),
        resend=req.resend,
        dry_run=req.dry_run,
        allow_warnings=req.yes,
        agent=attribution.agent(),
    )


def tally(results: Iterable[Mapping[str, Any]]) -> dict[str, int]:
    """How many results of each status, by status name."""
    counts: dict[str, int] = {}
    for r in results:
        counts[r["status"]] = counts.get(r["status"], 0) + 1
    return dict(sorted(counts.items()))


def notify(
    ctx: Context,
    orders: Iterable[tuple[str, dict[str, str]]],
    progress: Callable[[int], None] | None = None,
) -> Iterator[dict[str, Any]]:
    """One result record per order, in input order, batch by batch."""
    if (ctx.body.template is None) == (ctx.body.text is None):
        raise UsageError("give the message as --template NAME or -m / --body-file")
    batch: list[tuple[str, dict[str, str]]] = []
    for item in orders:
        batch.append(item)
        if len(batch) >= BATCH:
            yield from _batch(ctx, batch, progress)
            batch = []
    if batch:
        yield from _batch(ctx, batch, progress)


MAX_ROUNDS = 5  # times an order changed under a run is planned again before giving up


def _batch(
    ctx: Context, batch: list[tuple[str, dict[str, str]]], progress: Callable[[int], None] | None
) -> list[dict[str, Any]]:
    """Each order's message rendered and linted with no lock held, then queued in one
    write transaction that first checks nothing it relied on changed meanwhile (the order,
    its buyer, an earlier run's item); an order that changed is planned again."""
    results: list[dict[str, Any] | None] = [None] * len(batch)
    waiting = list(range(len(batch)))
    for _ in range(MAX_ROUNDS):
        plans = {i: _plan(ctx, *batch[i]) for i in waiting}
        waiting = []
        for i, plan in plans.items():
            if isinstance(plan, dict):
                results[i] = plan
        pending = [(i, p) for i, p in plans.items() if isinstance(p, _Plan)]
        if pending:
            with ctx.store.transaction():
                if _merchant_name(ctx.store) != ctx.merchant_name:  # set meanwhile
                    ctx.merchant_name = _merchant_name(ctx.store)
                    pending, waiting = [], [i for i, _ in pending]
                for i, plan in pending:
                    done = _queue(ctx, plan)
                    if done is None:
                        waiting.append(i)
                    results[i] = done
        if not waiting:
            break
    else:
        from wishdesk.errors import StoreError

        raise StoreError(
            "order {order} kept changing while notify ran; run it again (what was "
            "queued stays queued, and is skipped the next time)",
            order=batch[waiting[0]][0],
        )
    if progress is not None:
        progress(len(batch))
    return [r for r in results if r is not None]


def _result(order_id: str, status: str, **extra: Any) -> dict[str, Any]:
    out: dict[str, Any] = {
        "order_id": order_id,
        "status": status,
        "ticket_id": None,
        "outbox_id": None,
        "queued_at": None,
        "findings": [],
    }
    out.update(extra)
    return out


@dataclass(frozen=True)
class _Plan:
    """A message ready to queue, and what it was made from (checked again under the lock)."""

    order_id: str
    key: str
    text: str
    findings: list[dict[str, Any]]
    basis: tuple[Any, ...]


def _basis(store: Store, order_id: str) -> tuple[Any, ...]:
    """What rendering and linting an order's message read: the order and its buyer."""
    return (orders.get(store, order_id), tickets.buyer_for_order(store, order_id))


def _earlier(ctx: Context, order_id: str, key: str) -> dict[str, Any] | None:
    """``skipped`` when this message was queued before (and ``--resend`` was not given).
    Cancelled items count too: cancelling is how a ``manual`` item is marked as handled by
    hand, and it must not come back."""
    earlier = None if ctx.resend else outbox_rows.first_with_key(ctx.store, key)
    return None if earlier is None else _skipped(order_id, earlier)


def _skipped(order_id: str, earlier: outbox_rows.OutboxItem) -> dict[str, Any]:
    return _result(
        order_id,
        "skipped",
        ticket_id=earlier.ticket_id,
        outbox_id=earlier.id,
        queued_at=earlier.created_at,
    )


def _plan(ctx: Context, order_id: str, per_order: Mapping[str, str]) -> dict[str, Any] | _Plan:
    """The order's final result, or the message to queue; reads only, holds no lock."""
    store = ctx.store
    basis = _basis(store, order_id)
    row = basis[0]
    if row is None:
        return _result(order_id, "not_found")
    if per_order:
        per_order = own_data_removed(per_order, _listed(store, order_id, ctx.now))
    variables = {**ctx.body.variables, **per_order}
    key = dedup_key(order_id, ctx.body, variables)
    skipped = _earlier(ctx, order_id, key)
    if skipped is not None:
        return skipped
    ticket_id = tickets.awaiting_for_order(store, order_id)
    try:
        text = _render(ctx, order_record(row), variables)
    except UsageError as exc:  # a template value this order does not have
        return _result(
            order_id,
            "blocked",
            ticket_id=ticket_id,
            findings=[
                {
                    "rule": "format.placeholder",
                    "severity": "error",
                    "message": exc.phrase(),
                    "explanation": "A template value this order does not have: the message "
                    "would go out with a hole in it.",
                    "match": "",
                    "span": [0, 0],
                    "line": 1,
                    "column": 1,
                    "overridable": False,
                }
            ],
        )
    facts = orders.facts(store, order_id)
    findings = _lint(ctx, text, [facts] if facts else [])
    blocking = [
        f
        for f in findings
        if f["severity"] == "error" or (f["severity"] == "warning" and not ctx.allow_warnings)
    ]
    if blocking:
        return _result(order_id, "blocked", ticket_id=ticket_id, findings=findings)
    if ctx.dry_run:
        return _result(order_id, "dry_run", ticket_id=ticket_id, findings=findings, body=text)
    return _Plan(order_id, key, text, findings, basis)


def _listed(store: Store, order_id: str, now: datetime) -> dict[str, Any]:
    """The order as ``wishdesk orders`` lists it."""
    from wishdesk.services.orders import listed

    return listed(store, order_id, now) or {}


def _queue(ctx: Context, plan: _Plan) -> dict[str, Any] | None:
    """Queue a planned message in the caller's transaction; None when what it was made from
    changed since (plan it again). The outbox's unique key says whether another run queued
    it meanwhile (``skipped``): nothing is checked before the insert."""
    store, order_id = ctx.store, plan.order_id
    if _basis(store, order_id) != plan.basis:
        return None
    ticket_id = tickets.awaiting_for_order(store, order_id)
    at, once = iso(ctx.now), outbox_rows.Once(plan.key, ctx.resend)
    if ticket_id is not None:
        from wishdesk.services.outbox import queue_reply_once

        item = queue_reply_once(store, ticket_id, order_id, plan.text, at, once)
    else:
        item = outbox_rows.add_once(
            store, once, kind="notification", ticket_id=None, order_id=order_id,
            body=plan.text, at=at,
        )  # fmt: skip
    if item is None:
        earlier = outbox_rows.first_with_key(store, plan.key)
        assert earlier is not None  # what the insert ran into
        return _skipped(order_id, earlier)
    attribution.record(store, "notify", ticket_id, at=at, agent=ctx.agent, outbox_id=item,
                       detail={"order": order_id})  # fmt: skip
    return _result(order_id, "queued", ticket_id=ticket_id, outbox_id=item, findings=plan.findings)


def _render(ctx: Context, order: dict[str, Any], variables: Mapping[str, str]) -> str:
    """The order's message. The buyer's name and language come from the latest ticket about
    the order, else from the shipping address (name, and country for the language)."""
    from wishdesk.domain.templates import Template, eta_passed, render, template_values
    from wishdesk.domain.templates.spans import resolve_spans

    name, locale = tickets.buyer_for_order(ctx.store, order["id"])
    address = order["shipping_address"] or {}
    if not locale:
        locale = COUNTRY_LANG.get(address.get("country_code", "").upper(), "en")
    values = template_values(
        buyer_name=name or address.get("name"),
        locale=locale,
        order=order,
        merchant_name=ctx.merchant_name,
        extra=resolve_spans(variables, ctx.now, lambda: ctx.business_days),
    )
    if ctx.body.text is not None:  # a text is a one-off template: {order_id} etc. are filled
        return render(Template(name="message", lang="en", text=ctx.body.text), values)
    assert ctx.templates is not None and ctx.body.template is not None
    late = eta_passed(order, ctx.now)
    return render(ctx.templates.for_locale(ctx.body.template, locale, late=late), values)


def _lint(ctx: Context, text: str, facts: list[Any]) -> list[dict[str, Any]]:
    from wishdesk.domain.policy import lint

    return [f.to_dict() for f in lint(text, orders=facts, now=ctx.now, rules=ctx.rules)]
