"""Print how the real linter and the real reason classifier do on the real-text corpus.

Not a test (pytest does not collect it: the name does not start with ``test_``; the test that
holds the held-out figures to their thresholds is ``tests/test_corpus_quality.py``). Run it
with the project installed::

    python tests/corpus/measure.py --split dev
    python tests/corpus/measure.py --split dev --misses 20
    python tests/corpus/measure.py --split test --markdown   # the tables of docs/
    python tests/corpus/measure.py --split dev --fold b      # half of dev, to check a change

``--fold a`` / ``--fold b`` halve a split a second way (``scores.fold``): make a change on the
misses of dev fold ``a``, then read dev fold ``b`` to see whether it carries to text it was not
made on, as the held-out split will judge it.

How items are counted: ``scores.py``. Tune on ``dev``; read ``test`` only for its totals.
"""

from __future__ import annotations

import argparse

from scores import FAMILIES, LinterScores, ReasonScores, linter_scores, load, reason_scores

from wishdesk.domain.languages import LANGUAGES
from wishdesk.domain.models import REASONS

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


def print_linter(s: LinterScores, misses: int) -> None:
    print(f"linter: {s.messages} messages ({s.overall.positives} should block)")
    print(f"  block decision overall   {s.overall.line()}")
    for fam in FAMILIES:
        t = s.family[fam]
        if t.tp + t.fn + t.fp:
            print(f"  family {fam:9}         {t.line()}")
    for code in LANGUAGES:
        t = s.language[code]
        n = t.tp + t.fp + t.fn + t.tn
        if n:
            print(f"  lang {code} (n={n:3})        {t.line()}")
    w = s.word_list
    print(f"  word-list entries (n={w.tp + w.fp + w.fn + w.tn}, apart)  {w.line()}")
    if misses:
        print(f"  first {min(misses, len(s.misses))} of {len(s.misses)} disagreements:")
        for ident, want, got, text in s.misses[:misses]:
            print(f"  {ident}: want {want or 'clean'} got {got or 'clean'}: {text[:110]!r}")


def print_reasons(s: ReasonScores, misses: int) -> None:
    print(f"\nreasons: {s.total} buyer messages, accuracy {s.accuracy:.3f} (body only, no subject)")
    print(
        "  by language: "
        + "  ".join(
            f"{code} {s.language_accuracy(code):.3f} (n={s.language[code][1]})"
            for code in LANGUAGES
            if s.language[code][1]
        )
    )
    print("  expected \\ predicted  " + " ".join(f"{SHORT[r]:>7}" for r in REASONS) + "  recall")
    for want in REASONS:
        row = s.confusion[want]
        total = sum(row.values())
        if total:
            cells = " ".join(f"{row[r]:7}" for r in REASONS)
            print(f"  {want:19} {cells}  {row[want] / total:6.2f}")
    if misses:
        print(f"  first {min(misses, len(s.misses))} of {len(s.misses)} misses:")
        for ident, want, got, text in s.misses[:misses]:
            print(f"  {ident}: want {want} got {got}: {text[:110]!r}")


def markdown_linter(s: LinterScores) -> None:
    print("| part | messages | should block | precision | recall |")
    print("|---|---|---|---|---|")
    t = s.overall
    print(f"| all | {s.messages} | {t.positives} | {t.precision:.3f} | {t.recall:.3f} |")
    for fam in FAMILIES:
        t = s.family[fam]
        if t.positives:
            print(f"| {fam} | | {t.positives} | {t.precision:.3f} | {t.recall:.3f} |")
    for code in LANGUAGES:
        t = s.language[code]
        n = t.tp + t.fp + t.fn + t.tn
        if n:
            print(f"| {code} | {n} | {t.positives} | {t.precision:.3f} | {t.recall:.3f} |")
    w = s.word_list
    n = w.tp + w.fp + w.fn + w.tn
    print(
        f"| word-list entries (apart) | {n} | {w.positives} | {w.precision:.3f} | {w.recall:.3f} |"
    )


def markdown_reasons(s: ReasonScores) -> None:
    print("| language | messages | accuracy |")
    print("|---|---|---|")
    print(f"| all | {s.total} | {s.accuracy:.3f} |")
    for code in LANGUAGES:
        if s.language[code][1]:
            print(f"| {code} | {s.language[code][1]} | {s.language_accuracy(code):.3f} |")
    print()
    print("| expected \\ predicted | " + " | ".join(SHORT[r] for r in REASONS) + " | recall |")
    print("|---" * (len(REASONS) + 2) + "|")
    for want in REASONS:
        row = s.confusion[want]
        total = sum(row.values())
        if total:
            cells = " | ".join(str(row[r]) for r in REASONS)
            print(f"| {want} | {cells} | {row[want] / total:.2f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    parser.add_argument("--misses", type=int, default=0, help="print this many disagreements")
    parser.add_argument("--markdown", action="store_true", help="print the tables of docs/")
    parser.add_argument("--fold", choices=("a", "b"), help="only this half of the split")
    args = parser.parse_args()
    lint_s = linter_scores(load("linter.jsonl", args.split, args.fold))
    reason_s = reason_scores(load("reasons.jsonl", args.split, args.fold))
    if args.markdown:
        markdown_linter(lint_s)
        print()
        markdown_reasons(reason_s)
        return
    print(f"split: {args.split}" + (f", fold {args.fold}" if args.fold else ""))
    print_linter(lint_s, args.misses)
    print_reasons(reason_s, args.misses)


if __name__ == "__main__":
    main()
