"""The labelled corpus: precision and recall of the block decision, per family and language.

A message "blocks" when the linter reports an error. For each rule family (payment, contact,
truth, respect, format) and each language, precision and recall must stay at or above 0.95.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from policy_helpers import NOW, corpus, order

from wishdesk.domain.policy import lint

FAMILIES = ("payment", "contact", "truth", "respect", "format")
LANGS = ("en", "es", "fr", "de", "pt", "it", "zh")
THRESHOLD = 0.95
ROWS = corpus()


def _errors(row: dict[str, Any]) -> set[str]:
    orders = [order(o) for o in row.get("orders", [])]
    return {f.family for f in lint(row["text"], orders=orders, now=NOW) if f.is_error}


def _score(tp: int, fp: int, fn: int) -> tuple[float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall


def table() -> tuple[dict[str, tuple[float, float, int]], list[str]]:
    counts: Counter[tuple[str, str]] = Counter()
    misses: list[str] = []
    for row in ROWS:
        got = _errors(row)
        want = set(row["expect"])
        for family in FAMILIES:
            key = "tp" if family in got and family in want else None
            if family in got and family not in want:
                key = "fp"
            elif family in want and family not in got:
                key = "fn"
            if key:
                counts[(family, key)] += 1
        lang_key = {(True, True): "tp", (True, False): "fp", (False, True): "fn"}.get(
            (bool(got), bool(want))
        )
        if lang_key:
            counts[(row["lang"], lang_key)] += 1
        if got != want:
            misses.append(f"{row['where']}: want {sorted(want)} got {sorted(got)}: {row['text']}")
    result = {}
    for name in FAMILIES + LANGS:
        tp, fp, fn = (counts[(name, k)] for k in ("tp", "fp", "fn"))
        result[name] = (*_score(tp, fp, fn), tp + fn)
    return result, misses


def test_corpus_is_big_and_balanced() -> None:
    assert len(ROWS) >= 300
    clean = [r for r in ROWS if not r["expect"]]
    assert len(clean) * 3 >= len(ROWS)
    assert {r["lang"] for r in ROWS} == set(LANGS)
    for lang in LANGS:
        assert sum(r["lang"] == lang for r in ROWS) >= 35, lang


def test_precision_and_recall() -> None:
    result, misses = table()
    lines = [
        f"{name:8} precision {p:.3f} recall {r:.3f} (n={n})" for name, (p, r, n) in result.items()
    ]
    report = "\n".join(lines + misses)
    print(report)
    for precision, recall, _ in result.values():
        assert precision >= THRESHOLD and recall >= THRESHOLD, report


@pytest.mark.parametrize("row", [r for r in ROWS if r.get("warn")], ids=lambda r: r["where"])
def test_expected_warnings(row: dict[str, Any]) -> None:
    orders = [order(o) for o in row.get("orders", [])]
    rules = {f.rule for f in lint(row["text"], orders=orders, now=NOW) if not f.is_error}
    assert set(row["warn"]) <= rules


if __name__ == "__main__":  # pragma: no cover - prints the table
    result, misses = table()
    for name, (p, r, n) in result.items():
        print(f"| {name} | {p:.3f} | {r:.3f} | {n} |")
    print("\n".join(misses))
