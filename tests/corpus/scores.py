"""Scores of the real linter and the real reason classifier on the real-text corpus.

``linter_scores`` and ``reason_scores`` run the shipped code (``lint`` with ``load_rules()``,
``classify``) over corpus rows and count; ``measure.py`` prints the counts, and
``tests/test_corpus_quality.py`` holds them to the thresholds on the held-out split.

A linter item "blocks" when ``lint`` reports at least one error (warnings do not block). Per
family, an item is a positive when its label names a rule of that family; the linter's answer is
positive when it reports an error of that family. An item with an ``order`` field (``state``,
``tracking_number``, ``expected_delivery_at``, each optional) is linted with that order as
context, the way ``wishdesk lint --order`` passes the stored order; the others get none.

Items of ``"kind": "word-list"`` (bare entries of a published word list) are scored apart
(``LinterScores.word_list``): the respect lexicon is built from such lists, so counting them
with the sentences would let a lexicon score itself.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from wishdesk.domain.models import OrderFacts
from wishdesk.domain.policy import lint, load_rules
from wishdesk.domain.reasons import classify

HERE = Path(__file__).parent
# The corpus is judged as of this time (the truth.eta-past rule compares dates with it).
NOW = datetime(2026, 12, 1, 12, 0, 0, tzinfo=timezone.utc)
FAMILIES = ("payment", "contact", "truth", "respect", "format")
# Warnings are never labelled: an item "should block" only for an error rule.
WARNINGS = frozenset({"truth.eta-unverified", "respect.tone"})


def fold(ident: str) -> str:
    """``a`` or ``b``: a second, independent halving of the rows by id. Tuning on the dev rows of
    fold ``a`` and reading fold ``b`` tells whether a change carries to text it was not made on,
    without looking at the held-out split."""
    return "ab"[hashlib.sha1(f"fold:{ident}".encode()).digest()[0] & 1]


def load(name: str, split: str, part: str | None = None) -> list[dict[str, Any]]:
    """The rows of one corpus file (``linter.jsonl``, ``reasons.jsonl``) in ``split``
    (``dev``, ``test`` or ``all``), and in fold ``part`` (``a``, ``b``) when one is given."""
    rows = [
        json.loads(line)
        for line in (HERE / name).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    return [
        r
        for r in rows
        if (split == "all" or r["split"] == split) and (part is None or fold(r["id"]) == part)
    ]


def order_context(row: dict[str, Any]) -> tuple[OrderFacts, ...]:
    order = row.get("order")
    if not order:
        return ()
    eta = order.get("expected_delivery_at")
    number = order.get("tracking_number")
    expected = datetime.fromisoformat(eta.replace("Z", "+00:00")) if eta else None
    return (
        OrderFacts(
            id=row["id"],
            state=order.get("state"),
            expected_delivery_at=expected,
            tracking_numbers=(number,) if number else (),
        ),
    )


@dataclass
class Tally:
    """Counts of one binary decision: true/false positives and negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, got: bool, want: bool) -> None:
        if got and want:
            self.tp += 1
        elif got:
            self.fp += 1
        elif want:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def positives(self) -> int:
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else float("nan")

    @property
    def recall(self) -> float:
        return self.tp / self.positives if self.positives else float("nan")

    def line(self) -> str:
        return (
            f"precision {self.precision:5.3f}  recall {self.recall:5.3f}  "
            f"(tp {self.tp}, fp {self.fp}, fn {self.fn})"
        )


@dataclass
class LinterScores:
    overall: Tally = field(default_factory=Tally)
    family: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    language: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    word_list: Tally = field(default_factory=Tally)
    # (id, wanted families, got families, text) of every disagreement, corpus order.
    misses: list[tuple[str, list[str], list[str], str]] = field(default_factory=list)
    messages: int = 0


def linter_scores(rows: list[dict[str, Any]]) -> LinterScores:
    rules = load_rules()
    scores = LinterScores()
    for row in rows:
        findings = lint(row["text"], orders=order_context(row), now=NOW, rules=rules)
        got_fams = {f.family for f in findings if f.is_error}
        want_fams = {r.split(".")[0] for r in row["label"]["rules"] if r not in WARNINGS}
        got, want = bool(got_fams), bool(row["label"]["block"])
        if got != want or (want and not want_fams <= got_fams):
            scores.misses.append((row["id"], sorted(want_fams), sorted(got_fams), row["text"]))
        if row.get("kind") == "word-list":
            scores.word_list.add(got, want)
            continue
        scores.messages += 1
        scores.overall.add(got, want)
        scores.language[row["lang"]].add(got, want)
        for fam in FAMILIES:
            scores.family[fam].add(fam in got_fams, fam in want_fams)
    return scores


@dataclass
class ReasonScores:
    # expected reason -> predicted reason -> count
    confusion: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    # language -> [right, total]
    language: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    misses: list[tuple[str, str, str, str]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(n for _, n in self.language.values())

    @property
    def accuracy(self) -> float:
        right = sum(r for r, _ in self.language.values())
        return right / self.total if self.total else float("nan")

    def language_accuracy(self, code: str) -> float:
        right, n = self.language[code]
        return right / n if n else float("nan")


def reason_scores(rows: list[dict[str, Any]]) -> ReasonScores:
    scores = ReasonScores()
    for row in rows:
        got = classify("", row["text"]).reason
        want = row["label"]
        scores.confusion[want][got] += 1
        tally = scores.language[row["lang"]]
        tally[0] += got == want
        tally[1] += 1
        if got != want:
            scores.misses.append((row["id"], want, got, row["text"]))
    return scores
