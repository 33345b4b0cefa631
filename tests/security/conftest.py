"""Fixtures for the security review tests: the fake Wish API from testkit/, reused."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from wishfake import FakeWish, record_sleeps, running


@pytest.fixture
def wish() -> Iterator[FakeWish]:
    with running() as fake:
        yield fake


@pytest.fixture
def no_sleep(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The client's retries and rate-limit waits, recorded instead of slept."""
    return record_sleeps(monkeypatch)
