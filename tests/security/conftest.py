"""Fixtures for the security review tests: the fake Wish API from tests/sync, reused."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

SYNC_TESTS = str(Path(__file__).resolve().parent.parent / "sync")
if SYNC_TESTS not in sys.path:
    sys.path.insert(0, SYNC_TESTS)

from wishfake import FakeWish  # noqa: E402


@pytest.fixture
def wish() -> Iterator[FakeWish]:
    fake = FakeWish().start()
    try:
        yield fake
    finally:
        fake.stop()


@pytest.fixture
def no_sleep(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The client's retries and rate-limit waits, recorded instead of slept."""
    from wishdesk.services.sync import client

    waited: list[float] = []
    monkeypatch.setattr(client, "default_sleep", waited.append)
    monkeypatch.setattr(client, "default_random", lambda: 0.5)
    return waited
