"""Several real ``wishdesk`` processes on one store at once: nothing locked, lost or doubled."""

from __future__ import annotations

import json
from pathlib import Path

from reliutil import (
    SlowWish,
    assert_clean,
    assert_sound,
    counts,
    rows,
    scalar,
    start,
    wishdesk,
)
from wishdata import order, ticket, write_jsonl

OPENED = "2026-11-23T08:00:00Z"  # a Monday: with the default 2 business days, overdue by now


def tid(prefix: str, i: int) -> str:
    return f"{prefix}{i:022d}"


def oid(prefix: str, i: int) -> str:
    return f"{prefix}{i:023d}"


def test_everything_at_once(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    # Seed: orders to notify about, tickets with queued replies for push, one ticket to answer.
    notify_orders = [oid("b", i) for i in range(600)]
    push_tickets = [tid("5a", i) for i in range(8)]
    answer = tid("5b", 0)
    answer_order = oid("d", 0)
    seed = [order(o) for o in notify_orders]
    seed += [order(answer_order)]
    seed += [ticket(t, opened_at=OPENED) for t in push_tickets]
    seed += [ticket(answer, opened_at=OPENED, orders=[answer_order])]
    code, _, err = wishdesk(db, "import", str(write_jsonl(tmp_path / "seed.jsonl", seed)))
    assert code == 0, err
    for t in push_tickets:
        code, _, err = wishdesk(db, "reply", t, "-m", f"Hello, your parcel {t} is on its way.")
        assert code == 0, err
    (tmp_path / "ids.txt").write_text("\n".join(notify_orders) + "\n")

    # The file another process imports meanwhile.
    imported = [
        ticket(
            tid("6c", i),
            opened_at=OPENED,
            replies=[
                ("USER", OPENED, f"Where is parcel number {i}?"),
                ("MERCHANT", "2026-11-23T09:00:00Z", f"It left the warehouse, parcel {i}."),
                ("USER", "2026-11-24T10:00:00Z", f"Still nothing for parcel {i}."),
            ],
        )
        for i in range(300)
    ]
    import_file = write_jsonl(tmp_path / "import.jsonl", imported)

    # Wish holds the tickets with queued replies, the one to answer, and 1100 others (3 pages).
    wish = SlowWish().start()
    try:
        for t in [*push_tickets, answer]:
            wish.add_ticket(ticket(t, opened_at=OPENED, orders=[answer_order] * (t == answer)))
        wish.add_order(order(answer_order))
        remote = [tid("7d", i) for i in range(1100)]
        for i, t in enumerate(remote):
            at = f"2026-11-2{4 + i // 500}T{(i % 500) // 60:02d}:{i % 60:02d}:00Z"
            wish.add_ticket(ticket(t, opened_at=OPENED, updated_at=at))

        notify_cmd = (
            "notify",
            "--orders-file",
            str(tmp_path / "ids.txt"),
            "-m",
            "Order {order_id} is delayed at the carrier, sorry.",
            "--format",
            "jsonl",
        )
        procs = {
            "notify-1": start(db, *notify_cmd),
            "import": start(db, "import", str(import_file)),
            "sync": start(db, "sync", "--base-url", wish.url),
            "notify-2": start(db, *notify_cmd),
            "reply": start(db, "reply", answer, "-m", "Hello Ann, we shipped it yesterday."),
            "overdue": start(db, "overdue", "--format", "json"),
        }
        out: dict[str, tuple[int, str, str]] = {}
        for name, proc in procs.items():
            stdout, stderr = proc.communicate(timeout=120)
            out[name] = (proc.returncode, stdout, stderr)
    finally:
        wish.stop()

    expected_codes = {
        "notify-1": 0,
        "notify-2": 0,
        "import": 0,
        "sync": 0,
        "reply": 0,
        "overdue": 1,  # the seeded tickets are past their SLA
    }
    for name, (code, _, stderr) in out.items():
        assert code == expected_codes[name], f"{name} exited {code}:\n{stderr[-3000:]}"
        assert_clean(stderr, name)
    assert json.loads(out["overdue"][1])  # a list with the overdue tickets
    assert "tickets: 300 new" in out["import"][1]

    # notify: each order queued exactly once over the two runs
    statuses = [
        json.loads(line)["status"]
        for name in ("notify-1", "notify-2")
        for line in out[name][1].splitlines()
    ]
    assert statuses.count("queued") == 600 and statuses.count("skipped") == 600
    assert rows(
        db, "SELECT count(*), count(DISTINCT order_id) FROM outbox WHERE kind = 'notification'"
    ) == [(600, 600)]

    # exact counts: 9 seeded + 300 imported + 1100 pulled tickets
    c = counts(db)
    assert c["tickets"] == 9 + 300 + 1100
    # messages: 1 buyer message per seeded/pulled ticket, 3 per imported ticket, and the
    # merchant replies (8 seeded + the concurrent one), whether local or Wish's copy
    assert c["messages"] == 9 + 1100 + 3 * 300 + 8 + 1
    assert c["outbox"] == 600 + 8 + 1
    assert scalar(db, "SELECT count(*) FROM outbox WHERE kind = 'reply'") == 9
    assert scalar(db, "SELECT count(*) FROM orders") == 601

    # push: every reply marked sent reached Wish exactly once; nothing reached it unmarked
    posts = wish.posts()
    sent = rows(db, "SELECT ticket_id, body FROM outbox WHERE kind = 'reply' AND status = 'sent'")
    assert len(sent) >= 8  # the 8 queued before sync started
    assert sorted((t, [b]) for t, b in sent) == sorted(posts.items())
    assert_sound(db)


def test_racing_replies_to_one_ticket_queue_one(tmp_path: Path) -> None:
    """Three `reply` runs and a `notify` about its order at once: the ticket awaits the
    merchant for only one of them; the others are told so (exit 2), nothing is doubled."""
    db = tmp_path / "store.db"
    t, o = tid("5e", 1), oid("e", 1)
    seed = [order(o), ticket(t, opened_at=OPENED, orders=[o])]
    code, _, err = wishdesk(db, "import", str(write_jsonl(tmp_path / "seed.jsonl", seed)))
    assert code == 0, err
    procs = [start(db, "reply", t, "-m", f"Hello Ann, answer number {i}.") for i in range(3)]
    procs.append(start(db, "notify", o, "-m", "Hello Ann, order {order_id} ships soon."))
    results = []
    for p in procs:
        stdout, stderr = p.communicate(timeout=60)
        results.append((p.returncode, stdout, stderr))
    for code, _, err in results:
        assert code in (0, 2), err
        assert_clean(err)
    replies = rows(db, "SELECT ticket_id, dedup_key IS NOT NULL FROM outbox WHERE kind = 'reply'")
    # exactly one reply to the ticket, in the outbox and in the thread, from whichever got
    # there first; the losers exit 2 (`reply`) or queue a notification (`notify`)
    assert len(replies) == 1 and replies[0][0] == t, replies
    from_notify = bool(replies[0][1])
    assert sum(code == 0 for code, _, _ in results[:3]) == (0 if from_notify else 1), results
    assert scalar(db, "SELECT count(*) FROM messages WHERE sender = 'MERCHANT'") == 1
    assert_sound(db)
