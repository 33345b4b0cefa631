"""The team store on PostgreSQL: `list`, `overdue` and `show` on a 100k-ticket PostgreSQL
store against `psql -c` running the same SQL, with the same commands on an SQLite store of
the same data beside them.

    python bench/pg_bench.py [--tickets 100000] [--repeat 9]

Both stores are made by `wishdesk import` of one file: every record `wishdesk demo --tickets
N --seed 1` would write (tickets and orders), as JSON Lines. They are cached in bench/.data:
the SQLite file named by the file's content hash, left as wishdesk made it; the PostgreSQL
store as a database named by that hash and the PostgreSQL schema's text, vacuumed and
analysed once made (as autovacuum leaves a live store), and a `pg_dump` of it, restored into
a new cluster (importing 100k tickets into PostgreSQL takes minutes). The cluster is
`$WISHDESK_TEST_PG`'s when set, else a throwaway one (testkit/pgserver.py) stopped at the end.

The peer is `psql -X -A -t -c SQL` as a subprocess, so both sides pay a process start-up and
a connection: the SQL is what the store sends for the command, recorded from the store's own
functions (parameters bound client-side, as the store binds them), `show` being all of its
statements, one `-c` each. "query" is the statements alone as psql's `\\timing` sees them
(sent, run, rows received), summed. Every command is run once untimed, then the variants
take turns; times (wall, and CPU of the client's processes) are medians of `--repeat` runs,
peak memory is the largest of our process (GNU time).
Python's start-up is paid by the wishdesk rows with the bytecode cache on (the bench clears
`PYTHONDONTWRITEBYTECODE` for its commands), as an installed wishdesk runs. The figures, and
what they say: docs/performance.md, "The team store on PostgreSQL".
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "testkit"))  # pgserver

import pgserver
from harness import DATA, NOW, Timing, measure, tool

MOMENT = datetime.fromisoformat(NOW.replace("Z", "+00:00")).astimezone(timezone.utc)
ENV = {"WISHDESK_NOW": NOW}


def with_database(url: str, name: str) -> str:
    from urllib.parse import urlsplit, urlunsplit

    return urlunsplit(urlsplit(url)._replace(path="/" + name))


# The data and the two stores ---------------------------------------------------------------
def records_file(tickets: int) -> Path:
    """Every record of the demo generator for ``tickets`` tickets, as JSON Lines (made once)."""
    from wishdesk.services.demo.records import generate

    DATA.mkdir(parents=True, exist_ok=True)
    path = DATA / f"records-{tickets}.jsonl"
    if not path.exists():
        print(f"writing {path.name} ...", flush=True)
        partial = path.with_suffix(".partial")
        with partial.open("w", encoding="utf-8") as out:
            for obj in generate(tickets, seed=1, now=MOMENT):
                out.write(json.dumps(obj, ensure_ascii=False) + "\n")
        partial.rename(path)
    return path


def content_hash(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()[:12]


def pg_schema_hash(data: str) -> str:
    """The data's hash with PostgreSQL's schema text: its steps are not released yet and may
    still change in place, which a cached store would not pick up on open."""
    from wishdesk.store.pg_schema import STEPS

    return hashlib.sha256((data + repr(sorted(STEPS.items()))).encode()).hexdigest()[:12]


def imported(db: str, source: Path) -> None:
    print(f"  wishdesk import into {db.split('?')[0]} ...", flush=True)
    start = time.perf_counter()
    subprocess.run(
        [tool("wishdesk"), "--db", db, "import", str(source)],
        check=True,
        stdout=subprocess.DEVNULL,
        env={**os.environ, **ENV},
    )
    print(f"  imported in {time.perf_counter() - start:.1f} s", flush=True)


def sqlite_store(source: Path, digest: str) -> Path:
    path = DATA / f"import-{digest}.db"
    if not path.exists():
        building = DATA / f"import-{digest}.building.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{building}{suffix}").unlink(missing_ok=True)
        imported(str(building), source)
        import sqlite3

        conn = sqlite3.connect(building)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        building.rename(path)
    return path


def pg_store(server: str, source: Path, digest: str) -> str:
    """The database ``wdbench_<hash>`` on the cluster: restored from the cached dump, or
    imported (and dumped) when there is none. Made under another name, renamed when whole."""
    import psycopg

    name, building = f"wdbench_{digest}", f"wdbench_{digest}_building"
    dump = DATA / f"pg-{digest}.dump"
    with psycopg.connect(server, autocommit=True) as admin:
        if admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            return with_database(server, name)
        admin.execute(f'DROP DATABASE IF EXISTS "{building}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{building}" TEMPLATE template0')
        url = with_database(server, building)
        if dump.exists():
            print(f"  restoring {dump.name} ...", flush=True)
            start = time.perf_counter()
            pg_tool = shutil.which("pg_restore") or "pg_restore"
            subprocess.run([pg_tool, "--no-owner", "-d", url, str(dump)], check=True)
            print(f"  restored in {time.perf_counter() - start:.1f} s", flush=True)
        else:
            imported(url, source)
            partial = dump.with_suffix(".partial")
            dumper = shutil.which("pg_dump") or "pg_dump"
            subprocess.run([dumper, "-Fc", "-f", str(partial), url], check=True)
            partial.rename(dump)
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("VACUUM ANALYZE")
        admin.execute(f'ALTER DATABASE "{building}" RENAME TO "{name}"')
    return with_database(server, name)


@contextlib.contextmanager
def cluster() -> Iterator[str]:
    """The maintenance URL of ``$WISHDESK_TEST_PG``'s cluster, or of a throwaway one."""
    given = os.environ.get(pgserver.ENV_URL)
    if given:
        yield given
        return
    print("starting a throwaway PostgreSQL cluster (testkit/pgserver.py) ...", flush=True)
    made = pgserver.start()
    try:
        yield made.url
    finally:
        pgserver.stop(made)


# The SQL the store runs ----------------------------------------------------------------------
def recorded(conn: Any) -> list[str]:
    """Every statement the store's connection (``PgConnection``) is given from now on, as
    the server receives it: translated, its parameters bound client-side."""
    import psycopg

    from wishdesk.store import dialect

    statements: list[str] = []
    execute = conn.execute

    def recording(sql: str, params: Any = ()) -> Any:
        text = dialect.postgres(sql)
        statements.append(psycopg.ClientCursor(conn.raw).mogrify(text, params or ()))
        return execute(sql, params)

    conn.execute = recording
    return statements


def store_sql(url: str, ticket_id: str) -> dict[str, list[str]]:
    """The statements each command sends, past opening the store (two catalog reads)."""
    from wishdesk.services.inbox import (
        ListRequest,
        OverdueRequest,
        list_query,
        listing,
        overdue_query,
        view_ticket,
    )
    from wishdesk.store.pg import open_pg_store

    store = open_pg_store(url)
    statements = recorded(store.conn)
    listed = ListRequest()  # `list`: the default view, as `cli/inbox.py` asks for it
    late = OverdueRequest()
    runs = {
        "list": lambda: list(listing(store, list_query(store, listed, MOMENT), MOMENT).cells()),
        "overdue": lambda: list(listing(store, overdue_query(store, late, MOMENT), MOMENT).cells()),
        "show": lambda: view_ticket(store, ticket_id, MOMENT),
    }
    sql: dict[str, list[str]] = {}
    try:
        for name, run in runs.items():
            statements.clear()
            run()
            sql[name] = list(statements)
    finally:
        store.close()
    return sql


# Measuring ------------------------------------------------------------------------------------
def psql_command(url: str, statements: list[str], *, timing: bool = False) -> list[str]:
    psql = shutil.which("psql")
    if not psql:
        raise SystemExit("bench: psql not found (PostgreSQL's client)")
    cmd = [psql, "-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-d", url]
    for sql in ([r"\timing on"] if timing else []) + statements:
        cmd += ["-c", sql]
    return cmd


def query_ms(url: str, statements: list[str], repeat: int) -> float:
    """The median over ``repeat`` runs of psql's \\timing, summed over the statements."""
    totals = []
    for _ in range(repeat):
        out = subprocess.run(
            psql_command(url, statements, timing=True), capture_output=True, text=True, check=True
        ).stdout
        totals.append(sum(float(ms) for ms in re.findall(r"^Time: ([\d.]+) ms", out, re.M)))
    return statistics.median(totals)


def output_lines(cmd: list[str]) -> int:
    done = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, **ENV})
    if done.returncode not in (0, 1):
        raise SystemExit(f"bench: {cmd[:4]} failed ({done.returncode}): {done.stderr[-500:]}")
    return len(done.stdout.splitlines())


def medians(cmds: dict[str, list[str]], repeat: int) -> dict[str, Timing]:
    """Each command run once untimed, then all of them in turn, ``repeat`` times."""
    for cmd in cmds.values():
        measure(cmd, repeat=1, env=ENV)
    runs: dict[str, list[Timing]] = {key: [] for key in cmds}
    for _ in range(repeat):
        for key, cmd in cmds.items():
            runs[key].append(measure(cmd, repeat=1, env=ENV))
    return {
        key: Timing(
            statistics.median(t.seconds for t in got),
            max(t.peak_mb for t in got),
            statistics.median(t.cpu for t in got),
        )
        for key, got in runs.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # run wishdesk as it is installed
    wishdesk = tool("wishdesk")
    source = records_file(args.tickets)
    digest = content_hash(source)
    sqlite_db = str(sqlite_store(source, digest))
    with cluster() as server:
        pg_url = pg_store(server, source, pg_schema_hash(digest))
        ticket_id = subprocess.run(
            [wishdesk, "--db", sqlite_db, "list", "-n", "1", "--format", "tsv"],
            capture_output=True, text=True, check=True, env={**os.environ, **ENV},
        ).stdout.split("\t")[0]  # fmt: skip
        sql = store_sql(pg_url, ticket_id)
        print(f"\n{args.tickets:,} tickets, WISHDESK_NOW={NOW}, median of {args.repeat}, "
              f"load {os.getloadavg()[0]:.1f}\n")  # fmt: skip
        print(
            "| what | wishdesk PostgreSQL | psql -c | ratio | query (psql \\timing) "
            "| wishdesk SQLite | PostgreSQL / SQLite | CPU ms (PG / psql / SQLite) "
            "| peak MB (PG / SQLite) |"
        )
        print("|---|---|---|---|---|---|---|---|---|")
        commands = {
            "list": ["list", "--format", "tsv"],
            "overdue": ["overdue", "--format", "tsv"],
            "show": ["show", ticket_id, "--json"],
        }
        for label, argv in commands.items():
            cmds = {
                "pg": [wishdesk, "--db", pg_url, *argv],
                "psql": psql_command(pg_url, sql[label]),
                "sqlite": [wishdesk, "--db", sqlite_db, *argv],
            }
            if label != "show":  # the same rows from both (show's JSON is not psql's)
                rows = {key: output_lines(cmds[key]) for key in cmds}
                if len(set(rows.values())) != 1:
                    raise SystemExit(f"bench: {label} gave different rows: {rows}")
            got = medians(cmds, args.repeat)
            query = query_ms(pg_url, sql[label], args.repeat)
            pg, peer, lite = got["pg"], got["psql"], got["sqlite"]
            name = f"{label} ({len(sql[label])} statements)" if label == "show" else label
            print(f"| {name} | {pg.seconds * 1000:,.0f} ms | {peer.seconds * 1000:,.0f} ms | "
                  f"{pg.seconds / peer.seconds:.2f}x | {query:,.1f} ms | "
                  f"{lite.seconds * 1000:,.0f} ms | {pg.seconds / lite.seconds:.2f}x | "
                  f"{pg.cpu * 1000:.0f} / {peer.cpu * 1000:.0f} / {lite.cpu * 1000:.0f} | "
                  f"{pg.peak_mb:.0f} / {lite.peak_mb:.0f} |", flush=True)  # fmt: skip
        # the floor under every wishdesk row: Python, the CLI, and the driver's import
        print()
        floor = medians(
            {
                "version": [wishdesk, "--version"],
                "pass": [sys.executable, "-c", "pass"],
                "psycopg": [sys.executable, "-c", "import psycopg"],
            },
            args.repeat,
        )
        for what, ms in (
            ("wall", {key: timing.seconds * 1000 for key, timing in floor.items()}),
            ("CPU", {key: timing.cpu * 1000 for key, timing in floor.items()}),
        ):
            print(
                f"start-up ({what}): `wishdesk --version` {ms['version']:.0f} ms; `python -c "
                f"pass` {ms['pass']:.0f} ms, `python -c 'import psycopg'` {ms['psycopg']:.0f} "
                f"ms (the driver's import: {ms['psycopg'] - ms['pass']:.0f} ms)"
            )


if __name__ == "__main__":
    main()
