"""The store's SQL as PostgreSQL takes it (store/dialect.py)."""

from __future__ import annotations

from wishdesk.store.dialect import postgres


def test_parameters_become_psycopg_ones_outside_quotes_only() -> None:
    sql = "SELECT '?', \"a?\" FROM t WHERE x = ? AND y LIKE '%?' || ?"
    assert postgres(sql) == "SELECT '?', \"a?\" FROM t WHERE x = %s AND y LIKE '%%?' || %s"


def test_a_literal_percent_is_doubled() -> None:
    assert postgres("SELECT 100 % 7, 'a%b'") == "SELECT 100 %% 7, 'a%%b'"


def test_insert_or_ignore_becomes_on_conflict_do_nothing() -> None:
    assert postgres("INSERT OR IGNORE INTO t (a) VALUES (?)") == (
        "INSERT INTO t (a) VALUES (%s) ON CONFLICT DO NOTHING"
    )
    assert postgres("insert or ignore into t (a) VALUES (?) RETURNING id") == (
        "INSERT INTO t (a) VALUES (%s) ON CONFLICT DO NOTHING RETURNING id"
    )


def test_upserts_and_plain_statements_are_kept_as_they_are() -> None:
    upsert = (
        "INSERT INTO settings (key, value) VALUES (%s, %s) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value"
    )
    assert postgres(upsert.replace("%s", "?")) == upsert


def test_each_statement_text_is_translated_once() -> None:
    postgres.cache_clear()
    for _ in range(3):
        postgres("SELECT ? -- cached")
    assert postgres.cache_info().hits == 2


def test_a_cross_join_with_on_becomes_a_join_and_a_real_cross_join_stays() -> None:
    assert postgres("SELECT 1 FROM a l CROSS JOIN tickets t ON t.num = l.n") == (
        "SELECT 1 FROM a l JOIN tickets t ON t.num = l.n"
    )
    assert postgres("SELECT 1 FROM a CROSS JOIN b WHERE a.x = b.y") == (
        "SELECT 1 FROM a CROSS JOIN b WHERE a.x = b.y"
    )
