"""Opening a team store on PostgreSQL: the migrations from empty (once, whoever else opens
it at the same moment), the one-line failures, the password kept out of everything, and the
commands that do not run on PostgreSQL yet refusing before they touch it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from test_store import EXPECTED_COLUMNS

from wishdesk.errors import StoreError
from wishdesk.store import schema
from wishdesk.store.pg import open_pg_store

SECRET = "hunter2-Zq"


def _psql(url: str, sql: str) -> list[tuple[object, ...]]:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        cursor = conn.execute(sql)
        return cursor.fetchall() if cursor.description else []


def _columns(url: str, table: str) -> list[str]:
    rows = _psql(
        url,
        "SELECT column_name FROM information_schema.columns WHERE table_schema = "
        f"current_schema() AND table_name = '{table}' ORDER BY ordinal_position",
    )
    return [str(row[0]) for row in rows]


def _with_password(url: str) -> str:
    return url.replace("postgresql://wishdesk@", f"postgresql://wishdesk:{SECRET}@", 1)


def test_an_empty_database_gets_every_table_and_column_of_the_sqlite_store(pg_url: str) -> None:
    open_pg_store(pg_url, create=True).close()
    tables = {str(r[0]) for r in _psql(pg_url, "SELECT tablename FROM pg_tables "
                                                "WHERE schemaname = current_schema()")}  # fmt: skip
    assert tables == {*EXPECTED_COLUMNS, "_migrations"}  # full-text search is not here yet
    for table, columns in EXPECTED_COLUMNS.items():
        # m002/m003 add ticket_num as the last column here (SQLite rebuilt the table)
        assert sorted(_columns(pg_url, table)) == sorted(columns), table
    applied = _psql(pg_url, "SELECT name FROM _migrations ORDER BY name")
    assert [r[0] for r in applied] == list(schema.MIGRATION_NAMES)


def test_reopening_applies_nothing_twice(pg_url: str) -> None:
    open_pg_store(pg_url, create=True).close()
    first = _psql(pg_url, "SELECT name, applied_at FROM _migrations ORDER BY name")
    open_pg_store(pg_url).close()
    assert _psql(pg_url, "SELECT name, applied_at FROM _migrations ORDER BY name") == first


def test_an_empty_database_is_no_store_for_a_reading_command(run, pg_url: str) -> None:
    result = run("--db", pg_url, "config", "list")
    assert result.exit_code == 2
    assert result.stderr.startswith("wishdesk: no store at postgresql://")
    assert "wishdesk init" in result.stderr
    assert _psql(pg_url, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == [(0,)]


def test_processes_opening_an_empty_database_at_once_apply_the_migrations_once(
    pg_url: str, tmp_path: Path
) -> None:
    env = {**os.environ, "WISHDESK_HOME": str(tmp_path), "WISHDESK_NOW": "2026-11-26T07:00:00Z"}
    starts = [
        subprocess.Popen(
            [sys.executable, "-m", "wishdesk", "--db", pg_url, "init"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    for process in starts:
        out, err = process.communicate(timeout=60)
        assert process.returncode == 0, err
        assert out.startswith("store ready: postgresql://")
    rows = _psql(pg_url, "SELECT name, count(*) FROM _migrations GROUP BY name ORDER BY name")
    assert rows == [(name, 1) for name in schema.MIGRATION_NAMES]


def test_the_settings_commands_work_on_postgresql(run, pg_url: str) -> None:
    assert run("--db", pg_url, "init", "--timezone", "Europe/Paris").exit_code == 0
    assert run("--db", pg_url, "config", "set", "merchant.name", "Acme").exit_code == 0
    got = run("--db", pg_url, "config", "get", "merchant.name")
    assert (got.exit_code, got.stdout) == (0, "Acme\n")
    listed = run("--db", pg_url, "config", "list", "--format", "tsv")
    assert "calendar.timezone\tEurope/Paris" in listed.stdout


def test_the_url_in_wishdesk_db_selects_postgresql_too(run, pg_url: str) -> None:
    assert run("init", WISHDESK_DB=pg_url).exit_code == 0
    assert run("config", "path", WISHDESK_DB=pg_url).stdout == pg_url + "\n"
    assert _psql(pg_url, "SELECT count(*) FROM _migrations") == [(len(schema.MIGRATIONS),)]


def test_a_refused_connection_is_one_line_without_the_password(run, tmp_path: Path) -> None:
    url = f"postgresql://bob:{SECRET}@/shop?host={tmp_path}&password={SECRET}"
    result = run("--db", url, "config", "list", PGPASSWORD=SECRET)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(
        f"wishdesk: cannot connect to the store at postgresql://bob@/shop?host={tmp_path}:"
    )
    assert SECRET not in result.stderr + result.stdout


def test_the_password_reaches_neither_output_nor_the_store(run, pg_url: str) -> None:
    url = _with_password(pg_url)  # the cluster trusts the socket: the password is unused
    outputs = [
        run("--db", url, *args) for args in (["init"], ["config", "list"], ["config", "path"])
    ]
    assert all(r.exit_code == 0 for r in outputs)
    assert not any(SECRET in r.stdout + r.stderr for r in outputs)
    dumped = _psql(pg_url, "SELECT string_agg(value, ' ') FROM settings")
    dumped += _psql(pg_url, "SELECT string_agg(name || applied_at, ' ') FROM _migrations")
    assert SECRET not in repr(dumped)


def test_a_missing_driver_says_what_to_install(pg_url: str, tmp_path: Path) -> None:
    script = (
        "import sys; sys.modules['psycopg'] = None\n"
        "from wishdesk.cli.app import main\n"
        f"main(['--db', {pg_url!r}, 'config', 'list'])\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env={**os.environ, "WISHDESK_HOME": str(tmp_path)})  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "no PostgreSQL driver: pip install 'wishdesk[postgres]'" in done.stderr


def test_a_database_that_is_not_a_store_is_left_alone(pg_url: str) -> None:
    _psql(pg_url, "CREATE TABLE invoices (id int)")
    with pytest.raises(StoreError, match="a PostgreSQL database but not a wishdesk store"):
        open_pg_store(pg_url, create=True)
    assert _psql(pg_url, "SELECT to_regclass('_migrations') IS NULL") == [(True,)]


def test_a_store_from_a_newer_wishdesk_is_refused(pg_url: str) -> None:
    open_pg_store(pg_url, create=True).close()
    _psql(pg_url, "INSERT INTO _migrations VALUES ('wishdesk', 'm999_future', 'x')")
    with pytest.raises(StoreError, match=r"newer wishdesk .*m999_future"):
        open_pg_store(pg_url)


def test_text_compares_byte_by_byte_as_in_sqlite_whatever_the_locale(
    pg_server: str, pg_url: str
) -> None:
    """Every text column is COLLATE "C"; in a database whose locale sorts "a" before "B"
    (ICU, when the server has it) the store still orders as SQLite does."""
    from pgfixtures import with_database

    open_pg_store(pg_url, create=True).close()
    loose = _psql(
        pg_url,
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = "
        "current_schema() AND data_type = 'text' AND table_name <> '_migrations' "
        "AND collation_name IS DISTINCT FROM 'C'",
    )
    assert loose == []
    name = urlsplit(pg_url).path.lstrip("/") + "_icu"
    try:
        _psql(pg_server, f"CREATE DATABASE {name} TEMPLATE template0 LOCALE_PROVIDER icu "
                         "ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'")  # fmt: skip
    except Exception as exc:  # a server built without ICU
        pytest.skip(f"no ICU collation on this server: {exc}")
    try:
        icu = with_database(pg_url, name)
        assert _psql(icu, "SELECT min(x) FROM (VALUES ('a'), ('B')) v(x)") == [("a",)]
        store = open_pg_store(icu, create=True)
        from wishdesk.store import settings

        settings.save(store, {"a": "1", "B": "2"})
        assert store.all("SELECT key FROM settings ORDER BY key") == [("B",), ("a",)]
        store.close()
    finally:
        _psql(pg_server, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
