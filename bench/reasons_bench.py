"""Benchmark for the ticket-reason classifier: accuracy, confusion table, speed.

Run: ``python bench/reasons_bench.py`` from the repository root (not part of the test run).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "testkit"))  # the labelled set and its scoring

COLD_START = (
    "import time; t = time.perf_counter(); "
    "from wishdesk.domain.reasons import classify; "
    "classify('Order #1', 'where is my package? the tracking link is broken'); "
    "print((time.perf_counter() - t) * 1000)"
)


def cold_start_ms(runs: int = 5) -> float:
    """Import + first classification in a fresh interpreter (best of ``runs``), in ms."""
    times = [
        float(
            subprocess.run(
                [sys.executable, "-c", COLD_START], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(runs)
    ]
    return min(times)


def classification_rate(texts: list[tuple[str, str]], rounds: int = 30) -> float:
    """Classifications per second of ``(subject, body)`` pairs, after a warm-up round."""
    from wishdesk.domain.reasons import classify

    for subject, body in texts:  # warm the token cache, as a long import run would
        classify(subject, body)
    start = time.perf_counter()
    for _ in range(rounds):
        for subject, body in texts:
            classify(subject, body)
    return rounds * len(texts) / (time.perf_counter() - start)


def main() -> None:
    from reasons_confusion import load_examples, report, run

    from wishdesk.domain.reasons import classify

    examples = load_examples()
    print(report(run(examples)))

    texts = [(e.subject, e.body) for e in examples]
    rate = classification_rate(texts)
    avg_chars = sum(len(s) + len(b) for s, b in texts) / len(texts)
    print(
        f"\nspeed: {rate:,.0f} classifications/s "
        f"({1e6 / rate:.1f} us each, {avg_chars:.0f} chars on average)"
    )
    long_body = " ".join(b for _, b in texts[:40])
    start = time.perf_counter()
    for _ in range(200):
        classify("Help", long_body)
    print(
        f"long ticket ({len(long_body)} chars): "
        f"{(time.perf_counter() - start) / 200 * 1e6:.0f} us each"
    )
    print(f"cold start (import + first call): {cold_start_ms():.1f} ms")


if __name__ == "__main__":
    main()
