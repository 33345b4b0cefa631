"""``wishdesk reply``: lint a merchant's answer against the ticket's orders, then queue it.

A reply that passes becomes a merchant message in the thread (origin ``local`` until Wish's
copy replaces it), moves the ticket to ``AWAITING_USER`` (its SLA clock stops) and queues an
outbox item for ``sync``. A blocked reply is kept as a draft: nothing typed is ever lost.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from wishdesk.clock import iso
from wishdesk.errors import UsageError
from wishdesk.services.inbox import order_record, resolve
from wishdesk.store import inbox as ticket_queries
from wishdesk.store import outbox as queries
from wishdesk.store.db import Store

if TYPE_CHECKING:
    from wishdesk.domain.models import OrderFacts
    from wishdesk.domain.policy import Finding, RuleSet

MAX_LENGTH = 2000


@dataclass
class ReplyTarget:
    """The ticket a reply answers, with what composing and linting need."""

    ticket_id: str
    state: str
    buyer_name: str | None
    locale: str | None
    orders: list[dict[str, Any]]
    facts: list[OrderFacts]
    thread: list[dict[str, Any]]


@dataclass
class Verdict:
    """The linter's findings on a body, sorted into what they mean for sending."""

    findings: list[Finding]
    overrides: Mapping[str, str] = field(default_factory=dict)

    @property
    def blocking(self) -> list[Finding]:
        """Errors not lifted by a valid ``--override``."""
        return [
            f
            for f in self.findings
            if f.severity == "error" and not (f.overridable and f.rule in self.overrides)
        ]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    @property
    def overridden(self) -> list[Finding]:
        return [
            f
            for f in self.findings
            if f.severity == "error" and f.overridable and f.rule in self.overrides
        ]


def target(store: Store, ref: str) -> ReplyTarget:
    """The ticket behind ``ref``; only a ticket awaiting the merchant takes a reply."""
    from wishdesk.store.audit import ticket_order_facts

    ticket_id = resolve(store, ref)
    row = ticket_queries.ticket(store, ticket_id)
    assert row is not None
    if row["state"] != "AWAITING_MERCHANT":
        raise UsageError(
            f"ticket {ticket_id} is {row['state']}: Wish accepts a reply only while a ticket "
            "awaits the merchant (AWAITING_MERCHANT)"
        )
    return ReplyTarget(
        ticket_id=ticket_id,
        state=row["state"],
        buyer_name=row["buyer_name"],
        locale=row["buyer_locale"],
        orders=[order_record(o) for o in ticket_queries.ticket_orders(store, ticket_id)],
        facts=ticket_order_facts(store, ticket_id),
        thread=ticket_queries.messages(store, ticket_id),
    )


def check_overrides(overrides: Mapping[str, str], rules: RuleSet) -> None:
    """Only overridable rules can be overridden, and each needs a reason."""
    for rule, reason in overrides.items():
        if rule not in rules.rules:
            raise UsageError(f"unknown rule {rule!r} in --override")
        meta = rules.meta(rule)
        if meta.severity == "warning":
            raise UsageError(f"{rule} is a warning: send with --yes instead of --override")
        if not meta.overridable:
            raise UsageError(
                f"{rule} cannot be overridden: Wish never allows it; change the message"
            )
        if not reason.strip():
            raise UsageError(f"--override {rule} needs --reason TEXT (it goes to the audit log)")


def judge(
    body: str, target: ReplyTarget, now: datetime, rules: RuleSet, overrides: Mapping[str, str]
) -> Verdict:
    from wishdesk.domain.policy import lint

    return Verdict(lint(body, orders=target.facts, now=now, rules=rules), overrides)


def render_template(
    name: str, target: ReplyTarget, merchant_name: str, variables: Mapping[str, str]
) -> str:
    """The body from a template in the buyer's language, filled from ticket and order."""
    from wishdesk.domain.templates import pick_language, render, template_values
    from wishdesk.services.templates import load_templates

    templates = load_templates()
    lang = pick_language(target.locale)
    values = template_values(
        buyer_name=target.buyer_name,
        locale=target.locale,
        order=target.orders[0] if target.orders else None,
        merchant_name=merchant_name,
        extra=variables,
    )
    return render(templates.get(name, lang), values)


def save_draft(store: Store, ticket_id: str, body: str, verdict: Verdict, now: datetime) -> int:
    """Keep a blocked text; the same text blocked again is not stored twice."""
    with store.transaction():
        if queries.latest_draft(store, ticket_id) == body:
            return 0
        return queries.add_draft(
            store, ticket_id, body, iso(now), [f.to_dict() for f in verdict.findings]
        )


def latest_draft(store: Store, ticket_id: str) -> str:
    text = queries.latest_draft(store, ticket_id)
    if text is None:
        raise UsageError(f"ticket {ticket_id} has no draft")
    return text


def send(
    store: Store,
    target: ReplyTarget,
    body: str,
    verdict: Verdict,
    now: datetime,
    *,
    close: bool = False,
) -> list[int]:
    """Queue the reply (and a close): thread, state, clock, outbox, audit log; one transaction.
    Returns the outbox item ids."""
    at = iso(now)
    order_id = target.orders[0]["id"] if target.orders else None
    with store.transaction():
        state = queries.ticket_state(store, target.ticket_id)
        if state != "AWAITING_MERCHANT":  # changed since we looked (another reply, a sync)
            raise UsageError(f"ticket {target.ticket_id} is now {state}: nothing was sent")
        ids = [queue_reply(store, target.ticket_id, order_id, body, at)]
        if close:
            ids.append(
                queries.add_item(
                    store,
                    kind="close",
                    ticket_id=target.ticket_id,
                    order_id=order_id,
                    body=None,
                    status="queued",
                    at=at,
                )
            )
        for finding in verdict.overridden:
            queries.add_audit(
                store,
                at=at,
                action="override",
                ticket_id=target.ticket_id,
                outbox_id=ids[0],
                rule=finding.rule,
                reason=verdict.overrides[finding.rule],
                detail=finding.to_dict(),
            )
        queries.clear_drafts(store, target.ticket_id)
    return ids


def queue_reply(
    store: Store,
    ticket_id: str,
    order_id: str | None,
    body: str,
    at: str,
    dedup_key: str | None = None,
) -> int:
    """A reply written here, in the caller's transaction: a merchant message in the thread,
    the ticket waiting on the buyer (its SLA clock stops) and an outbox item for ``sync``.
    Returns the outbox item id."""
    from wishdesk.services.derive import writer

    message_id = queries.add_local_message(store, ticket_id, body, at)
    queries.set_ticket_state(store, ticket_id, "AWAITING_USER")
    writer(store).refresh(ticket_id)
    return queries.add_item(
        store,
        kind="reply",
        ticket_id=ticket_id,
        order_id=order_id,
        body=body,
        status="queued",
        at=at,
        dedup_key=dedup_key,
        message_id=message_id,
    )
