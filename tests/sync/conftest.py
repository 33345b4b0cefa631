"""Fixtures for `wishdesk sync`: a fake Wish API on 127.0.0.1 and the real CLI against it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result
from wishfake import TOKEN, FakeWish, record_sleeps, running


@pytest.fixture
def wish(request: pytest.FixtureRequest) -> Iterator[FakeWish]:
    """The fake; ``@pytest.mark.parametrize("wish", syncutil.BOUNDS, indirect=True)`` picks how it
    reads ``updated_at_min/max`` (inclusive by default)."""
    with running(bounds=getattr(request, "param", "inclusive")) as fake:
        yield fake


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """What the client would have slept: nothing really sleeps."""
    return record_sleeps(monkeypatch)


@pytest.fixture
def sync(
    run: Any, wish: FakeWish, db_path: Path, sleeps: list[float], monkeypatch
) -> Callable[..., Result]:
    monkeypatch.delenv("WISH_ACCESS_TOKEN", raising=False)

    def invoke(*args: str, token: str | None = TOKEN, pre: tuple[str, ...] = ()) -> Result:
        env = {"WISH_ACCESS_TOKEN": token} if token else {}
        return run(*pre, "--db", str(db_path), "sync", "--base-url", wish.url, *args, **env)

    return invoke
