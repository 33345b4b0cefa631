"""A fast pull: orders read a few at once, one at a time after a 429, every wait bounded."""

from __future__ import annotations

import pytest
from syncutil import sql
from wishdata import order, ticket
from wishfake import Scripted

NOW_EPOCH = 1_795_676_400  # 2026-11-26T07:00:00Z, the tests' WISHDESK_NOW


def tid(n: int) -> str:
    return f"5e{n:022x}"


def oid(n: int) -> str:
    return f"a1{n:022x}"


def fill(wish, n: int) -> None:
    for k in range(n):
        wish.add_order(order(oid(k), tracking=f"LZ{k:09d}CN"))
        wish.add_ticket(
            ticket(tid(k), updated_at=f"2026-11-25T10:{k // 60:02d}:{k % 60:02d}Z", orders=[oid(k)])
        )


def order_arrivals(wish) -> list[int]:
    return [n for path, n in wish.arrivals if path.startswith("/api/v3/orders/")]


STORE = "SELECT * FROM orders ORDER BY id"


def test_orders_are_read_a_few_at_once(sync, wish, db_path, tmp_path, run) -> None:
    fill(wish, 30)
    wish.latency = 0.03
    result = sync("--no-push")
    assert result.exit_code == 0, result.stderr
    assert "orders: 30 new" in result.stdout
    assert 2 <= max(order_arrivals(wish)) <= 8  # the default pool
    parallel_rows = sql(db_path, STORE)
    # One at a time, as before: the same store.
    wish.arrivals.clear()
    other = tmp_path / "one.db"
    serial = run("--db", str(other), "sync", "--no-push", "--base-url", wish.url,
                 "--concurrency", "1", WISH_ACCESS_TOKEN=wish.token)  # fmt: skip
    assert serial.exit_code == 0, serial.stderr
    assert max(order_arrivals(wish)) == 1
    assert sql(other, STORE) == parallel_rows


@pytest.mark.parametrize(
    ("reset", "waited"),
    [
        (str(NOW_EPOCH + 7), 7.0),  # epoch seconds
        ("2026-11-26T07:00:05Z", 5.0),  # ISO-8601
        ("3", 3.0),  # a delay in seconds
        ("when it is ready", 1.0),  # unreadable: backoff (0.5 .. 1 s at the first wait)
    ],
)
def test_a_429_shrinks_the_pool_to_one_and_waits(sync, wish, sleeps, reset, waited) -> None:
    fill(wish, 40)
    wish.latency = 0.02
    busy = Scripted(429, {"code": 1, "message": "too many"}, {"Wish-Rate-Limit-Reset": reset})
    wish.queue("GET", f"/api/v3/orders/{oid(3)}", busy)
    result = sync("--no-push")
    assert result.exit_code == 0, result.stderr
    assert "orders: 40 new" in result.stdout
    assert sleeps == [pytest.approx(waited, abs=0.3)]
    arrivals = order_arrivals(wish)
    assert max(arrivals[:8]) > 1  # a pool before the 429
    # Requests in flight (or admitted) when it came finish; the rest go one at a time.
    assert max(arrivals[-15:]) == 1


def test_an_unreadable_reset_never_keeps_sync_waiting_past_90_s(sync, wish, sleeps, db_path):
    wish.add_ticket(ticket(tid(1)))
    busy = Scripted(429, {"code": 1, "message": "slow down"}, {"Wish-Rate-Limit-Reset": "soon"})
    wish.queue("GET", "/api/v3/tickets", *[busy] * 30)
    result = sync("--no-push")
    assert result.exit_code == 2
    assert sum(sleeps) <= 90.0
    assert all(s <= 90.0 for s in sleeps)
    assert "still rate limited by Wish" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("bad", ["0", "9", "-1"])
def test_concurrency_is_checked(sync, wish, bad) -> None:
    result = sync("--concurrency", bad)
    assert result.exit_code == 2 and "--concurrency must be 1 to 8" in result.stderr
    assert wish.calls == []
