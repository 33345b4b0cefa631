"""``wishdesk reply``: pick the body, lint it against the ticket's orders, then queue it,
keep it as a draft, or ask the merchant first.

A reply that passes becomes a merchant message in the thread (origin ``local`` until Wish's
copy replaces it), moves the ticket to ``AWAITING_USER`` (its SLA clock stops) and queues an
outbox item for ``sync``. A blocked reply is kept as a draft: nothing typed is ever lost.

    outcome = reply(store, ReplyRequest(ticket="6af88", message="..."), now=now)
    # Sent | Drafted | NeedsConfirm | DryRun; NeedsConfirm -> confirm(store, outcome, yes)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from wishdesk.clock import iso
from wishdesk.errors import UsageError
from wishdesk.services.inbox import business_calendar, order_record, resolve
from wishdesk.services.reply_outcomes import (
    Composed,
    Drafted,
    DryRun,
    NeedsConfirm,
    Outcome,
    ReplyTarget,
    Sent,
    Verdict,
)
from wishdesk.store import drafts, orders, tickets
from wishdesk.store.db import Store

if TYPE_CHECKING:
    from wishdesk.domain.policy import RuleSet
    from wishdesk.services.replying import GoOn

# (text to start from, the thread oldest first) -> the text written in the editor
Editor = Callable[[str, Sequence[Mapping[str, Any]]], str]


@dataclass(frozen=True)
class ReplyRequest:
    """A reply as asked for on the command line: one body source at most."""

    ticket: str
    message: str | None = None
    body_file: str | None = None  # a path, or "-" for standard input
    editor: bool = False
    template: str | None = None
    variables: Mapping[str, str] = field(default_factory=dict)
    draft: bool = False  # reopen the last blocked draft
    override: Sequence[str] = ()  # truth.* rules to send despite
    reason: str | None = None  # why, for the audit log
    yes: bool = False  # send despite warnings
    close: bool = False
    dry_run: bool = False
    force: bool = False  # reply although another agent is replying (and take their mark)

    def __post_init__(self) -> None:
        """Options that contradict each other are refused before anything is read."""
        sources = [
            self.message is not None,
            self.body_file is not None,
            self.editor,
            self.template is not None,
            self.draft,
        ]
        if sum(sources) > 1:
            raise UsageError("give one of -m, --body-file, --editor, --template or --draft")
        if self.variables and self.template is None:
            raise UsageError("--var fills a --template; it has no effect on other bodies")
        if self.override and self.reason is None:
            raise UsageError("--override needs --reason TEXT")
        if self.message is not None and not self.message.strip():
            raise UsageError("the message is empty: nothing to send (give the text with -m)")

    @property
    def overrides(self) -> dict[str, str]:
        """rule -> the reason given for sending despite it."""
        return {rule: self.reason or "" for rule in self.override}


def target(store: Store, ref: str) -> ReplyTarget:
    """The ticket behind ``ref``; only a ticket awaiting the merchant takes a reply."""
    from wishdesk.store import messages

    ticket_id = resolve(store, ref)
    row = tickets.get(store, ticket_id)
    assert row is not None
    if row.state != "AWAITING_MERCHANT":
        raise UsageError(
            "ticket {ticket_id} is {state}: Wish accepts a reply only while a ticket "
            "awaits the merchant (AWAITING_MERCHANT)",
            ticket_id=ticket_id,
            state=row.state,
        )
    return ReplyTarget(
        ticket_id=ticket_id,
        state=row.state,
        buyer_name=row.buyer_name,
        locale=row.buyer_locale,
        orders=[order_record(o) for o in orders.for_ticket(store, ticket_id)],
        facts=orders.facts_for_ticket(store, ticket_id),
        thread=[
            {"sender": m.sender, "sent_at": m.sent_at, "text": m.text}
            for m in messages.thread(store, ticket_id)
        ],
    )


def check_overrides(overrides: Mapping[str, str], rules: RuleSet) -> None:
    """Only overridable rules can be overridden, and each needs a reason."""
    for rule, reason in overrides.items():
        if rule not in rules.rules:
            raise UsageError("unknown rule {rule!r} in --override", rule=rule)
        meta = rules.meta(rule)
        if meta.severity == "warning":
            raise UsageError(
                "{rule} is a warning: send with --yes instead of --override", rule=rule
            )
        if not meta.overridable:
            raise UsageError(
                "{rule} cannot be overridden: Wish never allows it; change the message", rule=rule
            )
        if not reason.strip():
            raise UsageError(
                "--override {rule} needs --reason TEXT (it goes to the audit log)", rule=rule
            )


def read_body_file(path: str) -> str:
    """A body from a file, or from standard input for ``-``."""
    from wishdesk.services.textin import read_text

    return read_text(path)


def render_template(
    name: str,
    target: ReplyTarget,
    merchant_name: str,
    variables: Mapping[str, str],
    now: datetime,
    calendar: Callable[[], Any],
) -> str:
    """The body from a template in the buyer's language, filled from ticket and order; once
    the order's expected delivery has passed, the template's text for a late parcel.
    ``calendar`` gives the store's business days, for a span such as ``+15bd``."""
    from wishdesk.domain.templates import eta_passed, render, template_values
    from wishdesk.domain.templates.spans import resolve_spans
    from wishdesk.services.templates import load_templates

    order = target.orders[0] if target.orders else None
    values = template_values(
        buyer_name=target.buyer_name,
        locale=target.locale,
        order=order,
        merchant_name=merchant_name,
        extra=resolve_spans(variables, now, calendar),
    )
    late = eta_passed(order, now)
    return render(load_templates().for_locale(name, target.locale, late=late), values)


def _body(
    store: Store, req: ReplyRequest, target: ReplyTarget, edit: Editor | None, now: datetime
) -> str:
    """The text from the one body source the request names; the editor when it names none
    (``edit`` is None without a terminal, unless ``--editor`` asked for it)."""
    from wishdesk.services.config import current

    if req.message is not None:
        return req.message
    if req.body_file is not None:
        return read_body_file(req.body_file)
    if req.template is not None:
        merchant = current(store)["merchant.name"]
        calendar = partial(business_calendar, store)
        return render_template(req.template, target, merchant, req.variables, now, calendar)
    if req.draft:
        draft = drafts.latest(store, target.ticket_id)
        if draft is None:
            raise UsageError("ticket {ticket_id} has no draft", ticket_id=target.ticket_id)
        return draft.text if edit is None else edit(draft.text, target.thread)
    if edit is None:  # no terminal, and no --editor
        raise UsageError(
            "no message: give -m, --body-file, --template, --editor or --draft "
            "(the editor opens by itself only on a terminal)"
        )
    return edit("", target.thread)


def reply(
    store: Store,
    req: ReplyRequest,
    *,
    now: datetime,
    edit: Editor,
    interactive: bool,
    go_on: GoOn | None = None,
) -> Outcome:
    """Compose, lint and decide. ``edit`` opens the editor: on ``--editor``, and on a
    terminal (``interactive``) for a draft or when no body source is given. Warnings ask
    (``NeedsConfirm``) only on a terminal; without one they keep the text as a draft.

    Another agent replying to the ticket (``services/replying.py``): ``go_on`` asks on a
    terminal; without one the reply is refused unless ``--force``. While this agent
    composes (the editor, a template to confirm) the ticket carries their mark."""
    from wishdesk.services import replying
    from wishdesk.services.config import user_name

    target_ = target(store, req.ticket)
    agent = user_name()
    held = not req.dry_run and replying.claim(
        store, target_.ticket_id, agent, now, take=_composes(req, interactive),
        force=req.force, ask=go_on if interactive else None,
    )  # fmt: skip
    try:
        outcome = _decide(store, req, target_, now=now, edit=edit, interactive=interactive)
    except BaseException:
        if held:
            replying.release(store, target_.ticket_id, agent)
        raise
    if isinstance(outcome, NeedsConfirm):
        return replace(outcome, replying_as=agent if held else None)
    if held:
        replying.release(store, target_.ticket_id, agent)
    return outcome


def _composes(req: ReplyRequest, interactive: bool) -> bool:
    """Whether the agent composes here: in the editor, or a template to confirm."""
    sourced = req.message is not None or req.body_file is not None or req.template is not None
    if req.editor or (interactive and not sourced):
        return True
    return req.template is not None and interactive and not req.yes


def _decide(
    store: Store,
    req: ReplyRequest,
    target_: ReplyTarget,
    *,
    now: datetime,
    edit: Editor,
    interactive: bool,
) -> Outcome:
    from wishdesk.domain.policy import lint
    from wishdesk.services.policy import merchant_rules

    rules = merchant_rules()
    check_overrides(req.overrides, rules)
    body = _body(store, req, target_, edit if (interactive or req.editor) else None, now)
    if not body.strip():
        raise UsageError("the message is empty: nothing to send")
    verdict = Verdict(lint(body, orders=target_.facts, now=now, rules=rules), req.overrides)
    composed = Composed(target_, body, verdict, close=req.close)
    if req.dry_run:
        return DryRun(composed)
    if verdict.blocking:
        return _keep_draft(store, composed, now)
    if verdict.warnings and not req.yes:
        return NeedsConfirm(composed) if interactive else _keep_draft(store, composed, now)
    if req.template is not None and interactive and not req.yes:
        return NeedsConfirm(composed, preview=True)
    return Sent(composed, send(store, composed, now))


def confirm(
    store: Store, pending: NeedsConfirm, accepted: bool | Callable[[], bool], *, now: datetime
) -> Outcome:
    """The merchant's answer to ``NeedsConfirm`` (or the question that gets it): send, or
    keep the text as a draft. Either way, or on any failure, the replying mark goes."""
    try:
        if accepted if isinstance(accepted, bool) else accepted():
            return Sent(pending.composed, send(store, pending.composed, now))
        return _keep_draft(store, pending.composed, now, declined=True)
    finally:
        if pending.replying_as is not None:
            from wishdesk.services import replying

            replying.release(store, pending.composed.target.ticket_id, pending.replying_as)


def _keep_draft(store: Store, composed: Composed, now: datetime, declined: bool = False) -> Drafted:
    """Keep a blocked text; the same text blocked again is not stored twice."""
    ticket_id = composed.target.ticket_id
    with store.transaction():
        latest = drafts.latest(store, ticket_id)
        if latest is None or latest.text != composed.body:
            findings = [f.to_dict() for f in composed.verdict.findings]
            drafts.add(store, ticket_id, composed.body, iso(now), findings)
    return Drafted(composed, declined)


def send(store: Store, composed: Composed, now: datetime) -> list[int]:
    """Queue the reply (and a close): thread, state, clock, outbox, audit log; one transaction.
    Returns the outbox item ids."""
    from wishdesk.services import attribution
    from wishdesk.services.outbox import queue_reply, queue_state_change
    from wishdesk.store import audit_log

    at, agent = iso(now), attribution.agent()
    target_ = composed.target
    order_id = target_.orders[0]["id"] if target_.orders else None
    with store.transaction():
        state = tickets.state(store, target_.ticket_id)
        if state != "AWAITING_MERCHANT":  # changed since we looked (another reply, a sync)
            raise UsageError(
                "ticket {ticket_id} is now {state}: nothing was sent",
                ticket_id=target_.ticket_id,
                state=state,
            )
        ids = [queue_reply(store, target_.ticket_id, order_id, composed.body, at)]
        if composed.close:
            ids.append(queue_state_change(store, target_.ticket_id, "close", order_id, at))
        for finding in composed.verdict.overridden:
            audit_log.add(
                store,
                at=at,
                action="override",
                ticket_id=target_.ticket_id,
                outbox_id=ids[0],
                rule=finding.rule,
                reason=composed.verdict.overrides[finding.rule],
                detail=finding.to_dict(),
                agent=agent,
            )
        for action, item in zip(("reply", "close"), ids, strict=False):
            attribution.record(store, action, target_.ticket_id, at=at, agent=agent, outbox_id=item)
        drafts.clear(store, target_.ticket_id)
    return ids
