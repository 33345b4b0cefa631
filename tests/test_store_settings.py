"""The settings table's contract (store/settings.py), on SQLite and on PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest

from wishdesk.store import settings


def test_saved_keys_are_loaded_back_and_a_second_save_replaces(backend: Any) -> None:
    assert settings.load(backend) == {}
    settings.save(backend, {"merchant.name": "Acme", "sla.business_days": "2"})
    settings.save(backend, {"merchant.name": "Acme 100% «Ltd»?"})
    assert settings.load(backend) == {"merchant.name": "Acme 100% «Ltd»?", "sla.business_days": "2"}


def test_the_watermark_never_moves_backwards(backend: Any) -> None:
    assert settings.watermark(backend) is None
    with backend.transaction():
        settings.advance_watermark(backend, "2026-11-20T10:00:00Z")
    with backend.transaction():
        settings.advance_watermark(backend, "2026-11-19T10:00:00Z")
    assert settings.watermark(backend) == "2026-11-20T10:00:00Z"
    with backend.transaction():
        settings.advance_watermark(backend, "2026-11-21T00:00:00Z")
    assert settings.watermark(backend) == "2026-11-21T00:00:00Z"


def test_a_failed_transaction_leaves_nothing_written(backend: Any) -> None:
    with pytest.raises(RuntimeError), backend.transaction():
        settings.save(backend, {"merchant.name": "half"})
        assert settings.load(backend) == {"merchant.name": "half"}  # seen inside
        raise RuntimeError("boom")
    assert settings.load(backend) == {}
    assert backend.transaction_number is None


def test_a_nested_transaction_is_the_callers(backend: Any) -> None:
    with backend.transaction():
        number = backend.transaction_number
        settings.save(backend, {"merchant.name": "inner"})  # opens none of its own
        assert backend.transaction_number == number
    assert backend.transaction_number is None
    assert settings.load(backend) == {"merchant.name": "inner"}
