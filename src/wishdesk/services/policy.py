"""The policy linter's use cases (``lint`` and ``audit``): the merchant rules file, order
context, batch lint, audit.

No printing here: callers get plain records and decide how to show them.
"""

from __future__ import annotations

import sys
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from wishdesk.domain.fields import TOO_DEEP, Unreadable, loads, type_name
from wishdesk.errors import InputError, NotFoundError, UsageError

if TYPE_CHECKING:
    from wishdesk.domain.models import OrderFacts
    from wishdesk.domain.policy import Finding, RuleSet
    from wishdesk.store.db import Store

RULES_FILENAME = "rules.toml"
CONTEXT_CACHE = 32768  # tickets whose orders ``audit`` keeps at hand


class LintResult(NamedTuple):  # a NamedTuple: a frozen dataclass costs start-up ~1 ms
    id: str | None
    findings: list[Finding]
    ticket_id: str | None = None
    text: str = ""
    agent: str | None = None  # who queued it (``audit``), where the audit log says

    def ok(self, *, strict: bool = False) -> bool:
        return not any(f.is_error or strict for f in self.findings)

    def to_dict(self, *, strict: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.id is not None:
            out["id"] = self.id
        if self.ticket_id is not None:
            out["ticket_id"] = self.ticket_id
        if self.agent is not None:
            out["agent"] = self.agent
        out["ok"] = self.ok(strict=strict)
        out["findings"] = [f.to_dict() for f in self.findings]
        return out


def rules_path() -> Path:
    from wishdesk.store.location import data_dir

    return data_dir() / RULES_FILENAME


def merchant_rules(path: Path | None = None) -> RuleSet:
    """The rules in force: built-in, plus ``<data dir>/rules.toml`` when it exists. The
    linter's compiled plan is put in place first (kept in the user cache directory)."""
    from wishdesk.domain.policy import load_rules
    from wishdesk.services.plan_cache import prime

    prime()
    path = path or rules_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return load_rules()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(
            "cannot read the rules file {path}: {error}", path=path, error=exc
        ) from None
    return load_rules(text, source=str(path))


def check_lint_request(
    text: str | None, ticket: str | None, order: str | None, batch: str | None
) -> None:
    """``lint`` options that contradict each other."""
    if ticket and order:
        raise UsageError("give --ticket or --order, not both")
    if batch is not None and (text is not None or ticket or order):
        raise UsageError("--batch takes no TEXT, --ticket or --order (put them per line)")


def read_message(text: str | None) -> str:
    """The message to lint: TEXT, or standard input for ``-`` or nothing."""
    if text not in (None, "-"):
        assert text is not None
        return text
    if sys.stdin is None or sys.stdin.isatty():
        raise UsageError("give the message as TEXT, or pipe it on stdin (`-`)")
    from wishdesk.services.textin import STDIN, read_text

    return read_text(STDIN)


def open_batch(batch: str) -> tuple[Iterable[str], str]:
    """The lines of a ``--batch`` file (``-``: standard input), and its name for errors."""
    from wishdesk.services.textin import lines

    return lines(batch), "stdin" if batch == "-" else batch


def since_bound(since: str | None) -> str | None:
    """``audit --since`` as a store timestamp."""
    if since is None:
        return None
    from wishdesk import clock

    try:
        return clock.normalise(since)
    except ValueError:
        raise UsageError("--since is not an ISO-8601 date: {since!r}", since=since[:40]) from None


def order_context(
    store: Callable[[], Store], *, order_id: str | None = None, ticket_id: str | None = None
) -> list[OrderFacts]:
    """The orders a message is about, from ``--order`` or ``--ticket`` (the store is opened
    only then)."""
    if order_id is None and ticket_id is None:
        return []
    from wishdesk.services.inbox import resolve, resolve_order
    from wishdesk.store import orders

    opened = store()
    if order_id is not None:  # an id or a unique prefix, as everywhere
        facts = orders.facts(opened, resolve_order(opened, order_id))
        if facts is None:
            raise NotFoundError("no order {order_id!r} in the store", order_id=order_id)
        return [facts]
    assert ticket_id is not None
    return orders.facts_for_ticket(opened, resolve(opened, ticket_id))  # id or unique prefix


def lint_one(
    text: str, *, orders: list[OrderFacts], now: datetime, rules: RuleSet, id: str | None = None
) -> LintResult:
    from wishdesk.domain.policy import lint

    return LintResult(id=id, findings=lint(text, orders=orders, now=now, rules=rules), text=text)


def parse_batch(lines: Iterable[str], source: str) -> Iterator[dict[str, Any]]:
    """Validated batch records ``{"id", "text", "order_id"?, "ticket_id"?}``."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = loads(line)  # numbers of any length, any depth: no crash
        except ValueError as exc:
            import json

            problem = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
            raise InputError(
                "{source}: line {number}: not JSON ({problem})",
                source=source,
                number=number,
                problem=problem,
            ) from None
        if not isinstance(record, dict):
            raise InputError(
                "{source}: line {number}: expected a JSON object", source=source, number=number
            )
        if not isinstance(record.get("text"), str) or record["text"] == TOO_DEEP:
            raise InputError(
                "{source}: line {number}: field 'text' must be a string",
                source=source,
                number=number,
            )
        if isinstance(record.get("id"), Unreadable) or record.get("id") == TOO_DEEP:
            raise InputError(
                "{source}: line {number}: field 'id' is {kind}",
                source=source,
                number=number,
                kind=type_name(record["id"]),
            )
        for key in ("order_id", "ticket_id"):
            if record.get(key) is not None and not isinstance(record[key], str):
                raise InputError(
                    "{source}: line {number}: field {key!r} must be a string",
                    source=source,
                    number=number,
                    key=key,
                )
        record["_line"] = number
        yield record


def lint_batch(
    records: Iterable[dict[str, Any]],
    *,
    store_opener: Callable[[], Store],
    now: datetime,
    rules: RuleSet,
) -> Iterator[LintResult]:
    """Lint each batch record; order context is looked up (and cached) only when asked for."""
    from wishdesk.domain.policy import lint

    cache: dict[tuple[str | None, str | None], list[OrderFacts]] = {}
    for record in records:
        key = (record.get("order_id"), record.get("ticket_id"))
        orders: list[OrderFacts] = []
        if key != (None, None):
            if key not in cache:
                try:
                    cache[key] = order_context(store_opener, order_id=key[0], ticket_id=key[1])
                except NotFoundError as exc:
                    raise NotFoundError(
                        "line {line}: {error}", line=record["_line"], error=exc
                    ) from None
            orders = cache[key]
        yield LintResult(
            id=None if record.get("id") is None else str(record["id"]),
            findings=lint(record["text"], orders=orders, now=now, rules=rules),
        )


def _written_at(at: str, now: datetime) -> datetime:
    """The clock a stored message is judged by: when it was sent ("tomorrow", a date that
    had not yet passed, mean what they meant then); ``now`` for one still to go out."""
    from wishdesk.clock import parse_time

    try:
        return min(parse_time(at), now) if at else now
    except ValueError:
        return now


def audit(
    store: Store, *, now: datetime, rules: RuleSet, since: str | None = None
) -> Iterator[LintResult]:
    """Re-lint every merchant message and queued/sent outbox body (``since``: store time)."""
    from itertools import chain

    from wishdesk.domain.policy import lint
    from wishdesk.store import messages, outbox
    from wishdesk.store import orders as order_rows

    # A ticket's messages are spread over time: remember the last few tickets' orders only,
    # so memory stays flat on a store of millions of messages.
    contexts: OrderedDict[str, list[OrderFacts]] = OrderedDict()
    texts = chain(messages.merchant_texts(store, since), outbox.bodies_since(store, since))
    for item in texts:
        orders: list[OrderFacts] = []
        if item.ticket_id:
            if item.ticket_id in contexts:
                contexts.move_to_end(item.ticket_id)
            else:
                contexts[item.ticket_id] = order_rows.facts_for_ticket(store, item.ticket_id)
                if len(contexts) > CONTEXT_CACHE:
                    contexts.popitem(last=False)
            orders = contexts[item.ticket_id]
        if not orders and item.order_id:
            facts = order_rows.facts(store, item.order_id)
            orders = [facts] if facts else []
        findings = lint(item.text, orders=orders, now=_written_at(item.at, now), rules=rules)
        yield LintResult(item.id, findings, item.ticket_id, item.text, item.agent)
