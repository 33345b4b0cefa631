"""Scoring the classifier against the labelled set (labelled.jsonl, next to this file):
accuracy and a confusion table.

Part of testkit/: used by ``tests/reasons/`` and by ``bench/reasons_bench.py``; not shipped in
the wheel.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from wishdesk.domain.models import REASONS
from wishdesk.domain.reasons import classify

LABELLED = Path(__file__).with_name("labelled.jsonl")


@dataclass(frozen=True)
class Example:
    lang: str
    subject: str
    body: str
    reason: str
    sub_label: str | None = None
    refund_reason: str | None = None


@dataclass(frozen=True)
class Outcome:
    example: Example
    predicted: str


def load_examples(path: Path = LABELLED) -> list[Example]:
    with path.open(encoding="utf-8") as fh:
        return [Example(**json.loads(line)) for line in fh if line.strip()]


def run(examples: list[Example]) -> list[Outcome]:
    return [
        Outcome(
            ex,
            classify(
                ex.subject, ex.body, sub_label=ex.sub_label, refund_reason=ex.refund_reason
            ).reason,
        )
        for ex in examples
    ]


def accuracy(outcomes: list[Outcome]) -> float:
    if not outcomes:
        return 0.0
    return sum(o.predicted == o.example.reason for o in outcomes) / len(outcomes)


def accuracy_by_language(outcomes: list[Outcome]) -> dict[str, float]:
    langs = sorted({o.example.lang for o in outcomes})
    return {lang: accuracy([o for o in outcomes if o.example.lang == lang]) for lang in langs}


def confusion(outcomes: list[Outcome]) -> Counter[tuple[str, str]]:
    """Counts of (expected, predicted) pairs."""
    return Counter((o.example.reason, o.predicted) for o in outcomes)


def confusion_table(outcomes: list[Outcome]) -> str:
    """Rows: expected reason; columns: predicted reason (abbreviated); plus recall per row."""
    counts = confusion(outcomes)
    short = ["remove", "variant", "address", "status", "eta", "damaged", "refund", "other"]
    width = max(len(r) for r in REASONS) + 2
    lines = ["expected \\ predicted".ljust(width) + "".join(f"{s:>8}" for s in short) + "  recall"]
    for expected in REASONS:
        row = [counts[(expected, predicted)] for predicted in REASONS]
        total = sum(row)
        recall = f"{row[REASONS.index(expected)] / total:.2f}" if total else "-"
        cells = "".join(f"{n:>8}" for n in row)
        lines.append(f"{expected:<{width}}{cells}{recall:>8}")
    return "\n".join(lines)


def report(outcomes: list[Outcome]) -> str:
    by_lang = accuracy_by_language(outcomes)
    langs = "  ".join(f"{lang} {acc:.3f}" for lang, acc in by_lang.items())
    return (
        f"examples: {len(outcomes)}  accuracy: {accuracy(outcomes):.3f}\n"
        f"by language: {langs}\n\n{confusion_table(outcomes)}"
    )
