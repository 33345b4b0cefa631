"""Measure the real linter and the real reason classifier on the real-text corpus.

Not a test (pytest does not collect it: the name does not start with ``test_``). Run it with the
project installed::

    python tests/corpus/measure.py --split dev
    python tests/corpus/measure.py --split test
    python tests/corpus/measure.py --split all --misses 20

A linter item "blocks" when ``lint`` reports at least one error (warnings do not block). Per
family, an item is a positive when its label names a rule of that family; the linter's answer is
positive when it reports an error of that family. An item with an ``order`` field (``state``,
``tracking_number``, ``expected_delivery_at``, each optional) is linted with that order as context,
the way ``wishdesk lint --order`` passes the stored order; the others get none, so the ``truth.*``
errors can fire only on the former.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from wishdesk.domain.languages import LANGUAGES as LANGS
from wishdesk.domain.models import REASONS, OrderFacts
from wishdesk.domain.policy import lint, load_rules
from wishdesk.domain.reasons import classify

HERE = Path(__file__).parent
NOW = datetime(2026, 12, 1, 12, 0, 0, tzinfo=timezone.utc)
FAMILIES = ("payment", "contact", "truth", "respect", "format")
SHORT = {
    "remove-item": "remove",
    "change-variant": "variant",
    "change-address": "address",
    "order-status": "status",
    "shipping-eta": "eta",
    "damaged-missing": "damaged",
    "return-refund": "refund",
    "other": "other",
}


def load(name: str, split: str) -> list[dict[str, Any]]:
    rows = [
        json.loads(line)
        for line in (HERE / name).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    return [r for r in rows if split == "all" or r["split"] == split]


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


def prf(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else float("nan")
    r = tp / (tp + fn) if tp + fn else float("nan")
    return f"precision {p:5.3f}  recall {r:5.3f}  (tp {tp}, fp {fp}, fn {fn})"


def measure_linter(rows: list[dict[str, Any]], misses: int) -> None:
    rules = load_rules()
    overall = Counter()
    fam = defaultdict(Counter)
    lang = defaultdict(Counter)
    wrong: list[str] = []
    for row in rows:
        findings = lint(row["text"], orders=order_context(row), now=NOW, rules=rules)
        got_fams = {f.family for f in findings if f.is_error}
        want_fams = {
            r.split(".")[0]
            for r in row["label"]["rules"]
            if not r.startswith("truth.eta-unverified")
        }
        got, want = bool(got_fams), bool(row["label"]["block"])
        key = {(True, True): "tp", (True, False): "fp", (False, True): "fn", (False, False): "tn"}[
            (got, want)
        ]
        overall[key] += 1
        lang[row["lang"]][key] += 1
        for f in FAMILIES:
            k = {
                (True, True): "tp",
                (True, False): "fp",
                (False, True): "fn",
                (False, False): "tn",
            }[(f in got_fams, f in want_fams)]
            fam[f][k] += 1
        if got != want or (want and not want_fams <= got_fams):
            wrong.append(
                f"  {row['id']}: want {sorted(want_fams) or 'clean'} "
                f"got {sorted(got_fams) or 'clean'}: "
                f"{row['text'][:110]!r}"
            )
    print(f"linter: {len(rows)} messages ({sum(r['label']['block'] for r in rows)} should block)")
    print(f"  block decision overall   {prf(overall['tp'], overall['fp'], overall['fn'])}")
    for f in FAMILIES:
        c = fam[f]
        if c["tp"] + c["fn"] + c["fp"]:
            print(f"  family {f:9}         {prf(c['tp'], c['fp'], c['fn'])}")
    for code in LANGS:
        c = lang[code]
        n = sum(c.values())
        if n:
            print(f"  lang {code} (n={n:3})        {prf(c['tp'], c['fp'], c['fn'])}")
    if misses:
        print(f"  first {min(misses, len(wrong))} of {len(wrong)} disagreements:")
        print("\n".join(wrong[:misses]))


def measure_reasons(rows: list[dict[str, Any]], misses: int) -> None:
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    by_lang = defaultdict(Counter)
    wrong: list[str] = []
    for row in rows:
        got = classify("", row["text"]).reason
        confusion[row["label"]][got] += 1
        by_lang[row["lang"]]["n"] += 1
        by_lang[row["lang"]]["ok"] += got == row["label"]
        if got != row["label"]:
            wrong.append(f"  {row['id']}: want {row['label']} got {got}: {row['text'][:110]!r}")
    n = len(rows)
    ok = sum(c["ok"] for c in by_lang.values())
    print(
        f"\nreasons: {n} buyer messages, accuracy {ok / n if n else float('nan'):.3f} "
        "(body only, no subject)"
    )
    print(
        "  by language: "
        + "  ".join(
            f"{code} {by_lang[code]['ok'] / by_lang[code]['n']:.3f} (n={by_lang[code]['n']})"
            for code in LANGS
            if by_lang[code]["n"]
        )
    )
    print("  expected \\ predicted  " + " ".join(f"{SHORT[r]:>7}" for r in REASONS) + "  recall")
    for want in REASONS:
        row = confusion[want]
        total = sum(row.values())
        if not total:
            continue
        print(
            f"  {want:19} "
            + " ".join(f"{row[r]:7}" for r in REASONS)
            + f"  {row[want] / total:6.2f}"
        )
    if misses:
        print(f"  first {min(misses, len(wrong))} of {len(wrong)} misses:")
        print("\n".join(wrong[:misses]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    parser.add_argument("--misses", type=int, default=0, help="print this many disagreements")
    args = parser.parse_args()
    print(f"split: {args.split}")
    measure_linter(load("linter.jsonl", args.split), args.misses)
    measure_reasons(load("reasons.jsonl", args.split), args.misses)


if __name__ == "__main__":
    main()
