"""Benchmark of the policy linter through the real CLI (not part of the test run).

    python bench/lint_bench.py [--messages 10000]

Prints messages per second of ``wishdesk lint --batch`` on generated JSON Lines, and the
wall time of one ``wishdesk lint "hello"`` next to ``python -c "import typer"``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TEMPLATES = [
    "Hi {name}, sorry for the delay! Your order {order} left our warehouse and should arrive "
    "within 20 business days. Tracking: https://t.17track.net/en#nums=LX{num}CN",
    "Hola {name}, lamentamos el retraso. Su pedido llegará en 25 días hábiles.",
    "Bonjour {name}, votre colis est en route. Merci de votre patience !",
    "Hallo {name}, die Größe EU 42 entspricht 26,5 cm. Vielen Dank!",
    "Olá {name}, o reembolso será feito pela Wish no seu método de pagamento original.",
    "Gentile {name}, il prezzo è 15,90 € con spedizione gratuita.",
    "您好 {name}，您的包裹已在途中，预计12月22日前送达。",
    "Please send us your PayPal email so we can refund you, {name}.",
    "Message me on WhatsApp +1 415 555 0199, {name}.",
    "We will never ask for your card number, {name}. Please do not pay anyone outside Wish.",
]
NAMES = ["Anna", "Luis", "Claire", "Jonas", "Bea", "Marco", "Wei", "Sam"]


def generate(path: Path, count: int) -> None:
    rng = random.Random(7)
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            text = rng.choice(TEMPLATES).format(
                name=rng.choice(NAMES),
                order=f"{rng.getrandbits(96):024x}",
                num=rng.randrange(10**9),
            )
            out.write(json.dumps({"id": str(i), "text": text}, ensure_ascii=False) + "\n")


def wishdesk() -> list[str]:
    return [sys.executable, "-m", "wishdesk"]


def timed(cmd: list[str], env: dict[str, str], runs: int = 5) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, WISHDESK_HOME=tmp, WISHDESK_NOW="2025-11-26T12:00:00Z")
        data = Path(tmp) / "batch.jsonl"
        generate(data, args.messages)
        start = time.perf_counter()
        done = subprocess.run(
            [*wishdesk(), "lint", "--batch", str(data)], env=env, capture_output=True, text=True
        )
        elapsed = time.perf_counter() - start
        lines = done.stdout.count("\n")
        if lines != args.messages:
            sys.exit(f"lint --batch wrote {lines} lines (exit {done.returncode}): {done.stderr}")
        rate = args.messages / elapsed
        print(
            f"lint --batch: {args.messages} messages in {elapsed:.2f} s = {rate:,.0f} msg/s "
            f"(target >= 5,000/s: {'ok' if rate >= 5000 else 'MISSED'})"
        )
        one = timed([*wishdesk(), "lint", "hello"], env)
        typer_only = timed([sys.executable, "-c", "import typer"], env)
        bare = timed([sys.executable, "-c", "pass"], env)
        print(f"{'command':32} {'wall (best of 5)':>18} {'ratio':>8}")
        for name, value in (
            ('python -c "pass"', bare),
            ('python -c "import typer"', typer_only),
            ('wishdesk lint "hello"', one),
        ):
            print(f"{name:32} {value * 1000:15.1f} ms {value / typer_only:7.2f}x")


if __name__ == "__main__":
    main()
