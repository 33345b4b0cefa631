"""The inbox's queries on a PostgreSQL store read through their indexes, as on SQLite: the
default view stops after its 50 rows in index order, and `overdue` reads the tickets past
either clock instead of every ticket (bench/pg_bench.py measures them at 100k)."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import pytest

from wishdesk.services.inbox import ListRequest, OverdueRequest, list_query, overdue_query
from wishdesk.store.listing import list_sql
from wishdesk.store.pg import open_pg_store

NOW = datetime(2026, 11, 26, 7, 0, tzinfo=timezone.utc)
TICKETS = 20_000

# One ticket in three awaits the merchant; deadlines spread over 100 days around NOW, the
# escalation a day before the SLA's, so that about 1% of them are past each clock.
_FILL = """
INSERT INTO tickets (id, state, opened_at, updated_at, due_at, escalates_at, subject)
SELECT lpad(to_hex(n), 24, '0'),
       (ARRAY['AWAITING_MERCHANT', 'AWAITING_USER', 'CLOSED'])[1 + n %% 3],
       to_char(t - interval '5 days', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       to_char(t - interval '4 days', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       to_char(t, 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       to_char(t - interval '1 day', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       'subject ' || n
FROM (SELECT n, timestamp '2026-11-25 07:00' + (n * 432 || ' seconds')::interval AS t
      FROM generate_series(1, %s) AS n) AS s
"""


@pytest.fixture
def store(pg_url: str) -> Any:
    opened = open_pg_store(pg_url, create=True)
    opened.conn.raw.execute(_FILL, (TICKETS,))  # type: ignore[attr-defined]
    opened.conn.raw.execute("ANALYZE tickets")  # type: ignore[attr-defined]
    yield opened
    opened.close()


def _plan(store: Any, sql: str, params: list[Any]) -> str:
    rows = store.all("EXPLAIN " + sql, params)
    return "\n".join(str(row[0]) for row in rows)


def test_the_default_view_is_read_in_index_order_and_stops_at_its_limit(store: Any) -> None:
    plan = _plan(store, *list_sql(list_query(store, ListRequest(), NOW), text_cells_at="x"))
    assert "Index Scan using idx_tickets_state_due_at_opened_at_id" in plan, plan
    assert "Sort" not in plan and "Seq Scan on tickets t" not in plan, plan


def test_overdue_reads_the_tickets_past_either_clock_not_every_ticket(store: Any) -> None:
    sql, params = list_sql(overdue_query(store, OverdueRequest(), NOW), text_cells_at="x")
    plan = _plan(store, sql, params)
    assert "idx_tickets_state_escalates_at" in plan, plan
    assert "Seq Scan on tickets t" not in plan, plan
    late = store.all(sql, params)
    assert 0 < len(late) < TICKETS // 50  # a small part of the store, as the plan assumes
    everyone = store.all(
        "SELECT count(*) FROM tickets WHERE state = 'AWAITING_MERCHANT' "
        "AND (due_at < ? OR escalates_at < ?)",
        ["2026-11-26T07:00:00Z"] * 2,
    )
    assert len(late) == everyone[0][0]
