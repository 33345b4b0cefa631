"""Benchmark of the policy linter through the real CLI (not part of the test run).

    python bench/lint_bench.py [--messages 10000]

Prints three figures, each with a peer measured in the same run (ratio = ours / peer):

- messages per second of ``wishdesk lint --batch`` on generated JSON Lines (target
  >= 10,000/s), next to a Python process that only decodes and re-encodes the same lines
  (the floor of reading and writing JSON Lines);
- the wall time of one ``wishdesk lint "hello"`` (target within 1.3x), next to
  ``python -c "import typer"``;
- reason classifications per second (target >= 30,000/s) on the labelled set, measured as
  ``bench/reasons_bench.py`` does (30 rounds after a warm-up), next to lower-casing and
  splitting the same texts into words.

Byte-code is written and used as an installed package would, and standard output is
buffered as in a user's shell (``PYTHONDONTWRITEBYTECODE`` and ``PYTHONUNBUFFERED`` are
dropped for the runs; each command runs once before it is timed).
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

sys.path.insert(0, str(Path(__file__).resolve().parent))  # reasons_bench
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "testkit"))  # the labelled set

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


def timed(cmd: list[str], env: dict[str, str], runs: int = 5) -> tuple[float, float]:
    """The best wall time and the best CPU time (user + system) of ``runs`` runs of ``cmd``.
    CPU time says what the work costs when other processes share the cores."""
    import resource

    def cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime

    wall = used = float("inf")
    for _ in range(runs):
        before, start = cpu(), time.perf_counter()
        subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall = min(wall, time.perf_counter() - start)
        used = min(used, cpu() - before)
    return wall, used


def row(name: str, ours: float, peer: float, unit: str, ok: bool, target: str) -> None:
    ratio = ours / peer if unit == "ms" else peer / ours
    print(
        f"{name:40} {ours:12,.1f} {peer:12,.1f} {unit:>6} {ratio:6.2f}x  {target}: "
        f"{'ok' if ok else 'MISSED'}"
    )


ONE_LABEL = 'lint "hello" vs import typer'
JSON_FLOOR = (
    "import json, sys\n"
    "for line in open(sys.argv[1], encoding='utf-8'):\n"
    "    record = json.loads(line)\n"
    "    sys.stdout.write(json.dumps({'id': record['id'], 'ok': True}) + '\\n')\n"
)


def classifier_rates() -> tuple[float, float]:
    """Classifications per second, and the peer's (lower-case and split) per second."""
    import re

    from reasons_bench import classification_rate
    from reasons_confusion import load_examples

    texts = [(e.subject, e.body) for e in load_examples()]
    ours = classification_rate(texts)
    words = re.compile(r"\w+").findall
    rounds = 30
    start = time.perf_counter()
    for _ in range(rounds):
        for subject, body in texts:
            words(f"{subject} {body}".lower())
    peer = rounds * len(texts) / (time.perf_counter() - start)
    return ours, peer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, WISHDESK_HOME=tmp, WISHDESK_NOW="2025-11-26T12:00:00Z")
        for name in ("PYTHONDONTWRITEBYTECODE", "PYTHONUNBUFFERED"):  # as a user's shell
            env.pop(name, None)
        env["WISHDESK_CACHE_DIR"] = os.path.join(tmp, "cache")
        data = Path(tmp) / "batch.jsonl"
        generate(data, args.messages)
        batch = [*wishdesk(), "lint", "--batch", str(data)]
        subprocess.run([*wishdesk(), "lint", "hello"], env=env, capture_output=True)  # warm
        done = subprocess.run(batch, env=env, capture_output=True, text=True)
        lines = done.stdout.count("\n")
        if lines != args.messages:
            sys.exit(f"lint --batch wrote {lines} lines (exit {done.returncode}): {done.stderr}")
        n = args.messages
        wall, used = timed(batch, env, runs=2)
        floor_wall, floor_used = timed([sys.executable, "-c", JSON_FLOOR, str(data)], env, 3)
        one_wall, one_used = timed([*wishdesk(), "lint", "hello"], env)
        typer_wall, typer_used = timed([sys.executable, "-c", "import typer"], env)
        ours, peer = classifier_rates()
        print(f"{'figure (ratio: how many times the peer)':40} {'ours':>12} {'peer':>12}")
        for how, batch_s, floor_s, one_s, typer_s in (
            ("wall", wall, floor_wall, one_wall, typer_wall),
            ("CPU", used, floor_used, one_used, typer_used),
        ):
            rate = n / batch_s
            row(
                f"lint --batch, {n:,} messages ({how})",
                rate,
                n / floor_s,
                "msg/s",
                rate >= 10_000,
                ">= 10,000/s",
            )
            row(
                f"{ONE_LABEL} ({how})",
                one_s * 1000,
                typer_s * 1000,
                "ms",
                one_s / typer_s <= 1.3,
                "<= 1.30x",
            )
        row(
            "reason classifier (classifications/s)", ours, peer, "/s", ours >= 30_000, ">= 30,000/s"
        )


if __name__ == "__main__":
    main()
