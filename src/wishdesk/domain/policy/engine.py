"""``lint``: run every rule over a message and return the findings, sorted by span."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from wishdesk.domain.policy.detect_data import detect_data
from wishdesk.domain.policy.detect_text import (
    detect_format,
    detect_patterns,
    detect_shouting,
)
from wishdesk.domain.policy.detect_truth import (
    detect_eta,
    detect_tracking,
    known_numbers,
    order_ids,
    tracking_tokens,
)
from wishdesk.domain.policy.detect_words import detect_words
from wishdesk.domain.policy.finding import Finding, Hit, fill, message_fields
from wishdesk.domain.policy.lexicon import lexicon
from wishdesk.domain.policy.ruleset import RuleMeta, RuleSet, default_rules
from wishdesk.domain.policy.spans import Lines
from wishdesk.domain.policy.textview import TextView

if TYPE_CHECKING:
    from wishdesk.domain.models import OrderFacts


def _finding(text: str, lines: Lines, hit: Hit, meta: RuleMeta) -> Finding:
    match = text[hit.start : hit.end]
    fields = message_fields(meta.defaults, hit.fields, match)
    line, column = lines.position(hit.start)
    return Finding(
        rule=hit.rule,
        severity=meta.severity,
        message=fill(meta.message, fields) or meta.message,
        explanation=meta.explanation,
        match=match,
        span=(hit.start, hit.end),
        line=line,
        column=column,
        suggestion=None if meta.suggestion is None else fill(meta.suggestion, fields),
        overridable=meta.overridable and meta.severity == "error",
        fields=hit.fields,
        meta=meta,
    )


def _dedupe(hits: list[Hit]) -> list[Hit]:
    """One hit per rule and place: overlapping hits of the same rule merge into the first."""
    kept: list[Hit] = []
    last_end: dict[str, int] = {}
    for hit in sorted(hits, key=lambda h: (h.start, -h.end, h.rule)):
        if hit.start < last_end.get(hit.rule, -1):
            continue
        kept.append(hit)
        last_end[hit.rule] = hit.end
    return kept


def lint(
    text: str,
    *,
    orders: Sequence[OrderFacts] = (),
    now: datetime,
    rules: RuleSet | None = None,
) -> list[Finding]:
    """Check a message before it is sent. ``orders`` are the orders it is about (context for
    the ``truth.*`` rules); ``now`` anchors relative dates ("tomorrow", "within 3 days")."""
    rules = rules or default_rules()
    lex = lexicon()
    hits = detect_format(text, lex)
    if not (hits and hits[0].rule == "format.empty"):
        view = TextView(text)
        present = lex.present(view.norm)
        reserved = order_ids(view.norm)
        tokens = tracking_tokens(view.norm, lex, reserved, present, known_numbers(orders))
        reserved += [(s, e) for s, e, _ in tokens]
        data_hits, _ = detect_data(view, lex, reserved, present)
        hits += data_hits
        hits += detect_patterns(view, lex, rules, present)
        hits += detect_words(view, lex, rules)
        hits += detect_shouting(text)
        hits += detect_tracking(view, lex, orders, tokens, present)
        today = now.astimezone(timezone.utc).date()
        hits += detect_eta(view, lex, orders, today, present)
    lines = Lines(text)
    findings = [
        _finding(text, lines, hit, rules.meta(hit.rule))
        for hit in _dedupe(hits)
        if rules.enabled(hit.rule)
    ]
    findings.sort(key=lambda f: (f.span, f.rule))
    return findings
