"""The ``truth.*`` rules: delivery promises and shipping claims against the order's facts."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from wishdesk.domain.models import OrderFacts
from wishdesk.domain.policy.clauses import negated
from wishdesk.domain.policy.eta import promises
from wishdesk.domain.policy.finding import Hit
from wishdesk.domain.policy.lexicon import Lexicon
from wishdesk.domain.policy.textview import TextView

Span = tuple[int, int]

_HEX_ID = re.compile(r"(?<![0-9a-z])[0-9a-f]{24}(?![0-9a-z])")
_STRONG_TRACKING = re.compile(
    r"(?<![a-z0-9])(?:[a-z]{2}\d{9}[a-z]{2}|1z[0-9a-z]{16}"
    r"|(?:yt|sf|lp|uh|ue|sy|jjd|ytd|cnaq|ys)\d{9,20})(?![a-z0-9])"
)
_TOKEN = re.compile(r"(?<![a-z0-9])[a-z0-9][a-z0-9-]{7,34}[a-z0-9](?![a-z0-9])")


def _compact(token: str) -> str:
    return re.sub(r"[\s-]", "", token).lower()


def order_ids(text: str) -> list[Span]:
    """Spans of 24-hex Wish object ids (order, ticket, product ids)."""
    return [m.span() for m in _HEX_ID.finditer(text)] if len(text) >= 24 else []


def tracking_tokens(text: str, lex: Lexicon, reserved: list[Span]) -> list[tuple[int, int, str]]:
    """Things that look like tracking numbers: well-known formats anywhere, or an
    alphanumeric token with at least 8 digits right after a tracking keyword."""
    found: list[tuple[int, int, str]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in reserved) and all(
            end <= s or start >= e for s, e, _ in found
        )

    for m in _STRONG_TRACKING.finditer(text):
        if free(*m.span()):
            found.append((m.start(), m.end(), m.group()))
    for key in lex.tracking_keywords.finditer(text):
        window_end = min(len(text), key.end() + 30)
        for m in _TOKEN.finditer(text, key.end(), window_end):
            token = m.group()
            if sum(ch.isdigit() for ch in token) >= 8 and free(*m.span()):
                found.append((m.start(), m.end(), token))
                break
    return found


def _no_tracking_hint(orders: Sequence[OrderFacts]) -> tuple[tuple[str, str], ...]:
    return (
        ("detail", "Says the order has shipped, but it has no tracking number and is not shipped."),
        ("hint", "Only say it has shipped once the order has a tracking number in Wish."),
    )


def detect_tracking(
    view: TextView,
    lex: Lexicon,
    orders: Sequence[OrderFacts],
    tokens: list[tuple[int, int, str]],
) -> list[Hit]:
    if not orders:
        return []
    text = view.norm
    hits: list[Hit] = []
    known = {_compact(n) for o in orders for n in o.tracking_numbers}
    known |= {_compact(o.id) for o in orders}
    shipped = any(o.shipped for o in orders)
    if not shipped:
        pattern = lex.patterns.get("truth.shipped")
        if pattern is not None:
            for m in pattern.finditer(text):
                if not negated(text, m.start(), m.end(), lex):
                    a, b = view.span(*m.span())
                    hits.append(Hit("truth.tracking", a, b, _no_tracking_hint(orders)))
    for start, end, token in tokens:
        if _compact(token) in known:
            continue
        a, b = view.span(start, end)
        original = view.original[a:b]
        if known - {_compact(o.id) for o in orders}:
            numbers = ", ".join(n for o in orders for n in o.tracking_numbers)
            fields = (
                ("detail", f"Tracking number {original} is not the order's ({numbers})."),
                ("hint", f"Use the order's tracking number: {numbers}."),
            )
        else:
            fields = (
                ("detail", f"Gives tracking number {original}, but the order has none."),
                ("hint", "Only give a tracking number that Wish has for the order."),
            )
        hits.append(Hit("truth.tracking", a, b, fields))
    return hits


def detect_eta(
    view: TextView, lex: Lexicon, orders: Sequence[OrderFacts], today: date
) -> list[Hit]:
    found = promises(view.norm, lex, today)
    if not found:
        return []
    expected = [o.expected_delivery_at.date() for o in orders if o.expected_delivery_at]
    hits: list[Hit] = []
    for promise in found:
        a, b = view.span(promise.start, promise.end)
        promised = promise.latest.isoformat()
        if not expected:
            hits.append(Hit("truth.eta-unverified", a, b, (("promised", promised),)))
            continue
        latest_eta = max(expected)
        if promise.latest < latest_eta:
            fields = (("promised", promised), ("expected", latest_eta.isoformat()))
            hits.append(Hit("truth.eta", a, b, fields))
    return hits
