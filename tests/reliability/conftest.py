"""Stores the reliability tests share, built once per module (copy one with
``reliutil.fresh_copy`` before writing to it)."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from reliutil import wishdesk


@pytest.fixture(scope="module")
def workdir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="wishdesk-hostile-") as name:
        yield Path(name)


@pytest.fixture(scope="module")
def empty_store(workdir: Path) -> Path:
    db = workdir / "empty" / "store.db"
    db.parent.mkdir()
    code, _, err = wishdesk(db, "init")
    assert code == 0, err
    return db


@pytest.fixture(scope="module")
def demo_store(workdir: Path) -> Path:
    db = workdir / "demo" / "store.db"
    db.parent.mkdir()
    code, _, err = wishdesk(db, "demo", "--tickets", "40", "--seed", "7", "--quiet")
    assert code == 0, err
    return db
