"""Fixtures for the security review tests: the fake Wish API from tests/sync, reused."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

SYNC_TESTS = str(Path(__file__).resolve().parent.parent / "sync")
if SYNC_TESTS not in sys.path:
    sys.path.insert(0, SYNC_TESTS)

from wishfake import FakeWish, record_sleeps, running  # noqa: E402


@pytest.fixture
def wish() -> Iterator[FakeWish]:
    with running() as fake:
        yield fake


@pytest.fixture
def no_sleep(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The client's retries and rate-limit waits, recorded instead of slept."""
    return record_sleeps(monkeypatch)
