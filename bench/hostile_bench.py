"""Hostile sizes through the real CLI (issue 19; not part of the test run).

    python bench/hostile_bench.py

Three lines, each the best wall time of a few runs of one command, with the size of its
input, next to the same command on an ordinary input (the peer) measured in the same run:

- ``lint`` of a 100,000-character message ("arrive tomorrow " repeated: quadratic once);
- ``reply --template --dry-run`` to a buyer whose name has 100,000 characters;
- ``import`` of one ticket about the most orders a ticket may name (``MAX_IDS``).

Each must stay under a second.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from harness import Timing, measure, tool

from wishdesk.domain.fields import MAX_IDS

SIZE = 100_000
LIMIT = 1.0  # seconds
TICKET = "5f0000000000000000000001"
ORDER = "a00000000000000000000001"


def ticket(name: str, orders: list[str]) -> dict[str, object]:
    return {
        "id": TICKET,
        "state": "AWAITING_MERCHANT",
        "subject": "Where is my order?",
        "opened_at": "2026-11-23T08:00:00Z",
        "updated_at": "2026-11-23T08:00:00Z",
        "buyer_info": {"name": name, "locale": "en-US"},
        "orders": [{"id": o} for o in orders],
        "replies": [
            {"sender": "USER", "replied_at": "2026-11-23T08:00:00Z", "message": "Where is it?"}
        ],
    }


def order() -> dict[str, object]:
    return {
        "id": ORDER,
        "state": "SHIPPED",
        "updated_at": "2026-11-20T10:00:00Z",
        "product_information": {"name": "LED strip 5m"},
        "fulfillment_requirements": {"expected_delivery_time": "2026-12-10T00:00:00Z"},
        "tracking_information": [
            {"tracking_number": "LZ123456789CN", "shipping_provider": {"name": "China Post"}}
        ],
    }


def row(label: str, size: str, ours: Timing, peer_label: str, peer: Timing) -> bool:
    ok = ours.seconds < LIMIT
    print(
        f"  {label:<34} {size:>22}  {ours.seconds * 1000:7.0f} ms  {peer_label:<30} "
        f"{peer.seconds * 1000:7.0f} ms  {'under' if ok else 'OVER'} {LIMIT:.0f} s",
        flush=True,
    )
    return ok


def store_with(work: Path, name: str, buyer: str, env: dict[str, str]) -> Path:
    db = work / f"{name}.db"
    data = work / f"{name}.jsonl"
    data.write_text(json.dumps(ticket(buyer, [ORDER])) + "\n" + json.dumps(order()) + "\n")
    for args in (["import", str(data)], ["config", "set", "merchant.name", "Lumen"]):
        measure([tool("wishdesk"), "--db", str(db), *args], repeat=1, env=env)
    return db


def main() -> int:
    wishdesk = tool("wishdesk")
    with tempfile.TemporaryDirectory(prefix="wishdesk-hostile-bench-") as name:
        work = Path(name)
        env = {"WISHDESK_HOME": str(work / "home"), "WISHDESK_CACHE_DIR": str(work / "cache")}
        message = work / "message.txt"
        message.write_text(("arrive tomorrow " * (SIZE // 16 + 1))[:SIZE])
        hello = work / "hello.txt"
        hello.write_text("Your parcel will arrive tomorrow.")
        lint = [wishdesk, "lint", "-", "--format", "json"]
        measure(lint, repeat=1, env=env, stdin=hello)  # the linter's plan cached first
        results = [
            row(
                "lint",
                f"{SIZE:,} characters",
                measure(lint, env=env, stdin=message),
                "lint of 33 characters",
                measure(lint, env=env, stdin=hello),
            )
        ]
        huge = store_with(work, "huge", ("arrive tomorrow " * (SIZE // 16 + 1))[:SIZE], env)
        plain = store_with(work, "plain", "Ann Lee", env)
        reply = ["reply", TICKET, "--template", "order-status", "--dry-run"]
        results.append(
            row(
                "reply --template --dry-run",
                f"name of {SIZE:,} characters",
                measure([wishdesk, "--db", str(huge), *reply], env=env),
                "the same to Ann Lee",
                measure([wishdesk, "--db", str(plain), *reply], env=env),
            )
        )
        many = work / "many.json"
        many.write_text(json.dumps(ticket("Ann Lee", [f"{i:024x}" for i in range(MAX_IDS)])))
        one = work / "one.json"
        one.write_text(json.dumps(ticket("Ann Lee", [ORDER])))

        def imported(path: Path) -> Timing:
            db = work / "import.db"
            best = None
            for _ in range(3):
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{db}{suffix}").unlink(missing_ok=True)
                took = measure([wishdesk, "--db", str(db), "import", str(path)], repeat=1, env=env)
                best = took if best is None or took.seconds < best.seconds else best
            assert best is not None
            return best

        results.append(
            row(
                "import of one ticket",
                f"{MAX_IDS:,} order ids",
                imported(many),
                "one ticket of one order id",
                imported(one),
            )
        )
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
