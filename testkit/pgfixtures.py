"""pytest fixtures for PostgreSQL (a plugin of tests/conftest.py): one cluster for the run
(``$WISHDESK_TEST_PG`` when CI started one, else a throwaway one from ``pgserver``), and a
fresh, empty database for each test that asks for ``pg_url``, dropped after it."""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pgserver
import pytest


def with_database(url: str, name: str) -> str:
    """``url`` naming the database ``name`` instead of its own."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """The URL of the run's cluster's maintenance database."""
    given = os.environ.get(pgserver.ENV_URL)
    if given:
        yield given
        return
    if not pgserver.available():
        pytest.skip("PostgreSQL is not installed (no initdb) and $WISHDESK_TEST_PG is unset")
    cluster = pgserver.start()
    try:
        yield cluster.url
    finally:
        pgserver.stop(cluster)


@contextlib.contextmanager
def new_database(pg_server: str) -> Iterator[str]:
    """The URL of a new empty database (from template0) on the cluster, dropped after."""
    import psycopg

    name = f"wdtest_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
    try:
        yield with_database(pg_server, name)
    finally:
        with psycopg.connect(pg_server, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A new empty database (from template0) for this test only."""
    with new_database(pg_server) as url:
        yield url


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[Any]:
    """A new, empty, migrated ``Store`` on each backend in turn: the store modules'
    contract tests take it to hold on both."""
    if request.param == "sqlite":
        from wishdesk.store.db import open_store

        store: Any = open_store(tmp_path / "store.db", create=True)
    else:
        from wishdesk.store.pg import open_pg_store

        store = open_pg_store(request.getfixturevalue("pg_url"), create=True)
    try:
        yield store
    finally:
        store.close()
