"""Shared helpers of the policy linter tests."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from wishdesk.clock import parse_time
from wishdesk.domain.models import OrderFacts

NOW = datetime(2025, 11, 26, 12, 0, 0, tzinfo=timezone.utc)  # a Wednesday
CORPUS = Path(__file__).parent / "corpus"


def order(data: dict[str, Any]) -> OrderFacts:
    eta = data.get("expected_delivery_at")
    return OrderFacts(
        id=data["id"],
        state=data.get("state"),
        expected_delivery_at=parse_time(eta) if eta else None,
        tracking_numbers=tuple(data.get("tracking_numbers", ())),
    )


def corpus() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for path in sorted(CORPUS.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                row = json.loads(line)
                row["where"] = f"{path.name}:{number}"
                rows.append(row)
    return rows


def error_rules(text: str) -> set[str]:
    """The rules that ``lint`` reports as errors on ``text`` (no order, clock at ``NOW``)."""
    from wishdesk.domain.policy import lint

    return {f.rule for f in lint(text, now=NOW) if f.is_error}


def check_cue(rule: str, positive: str, negated: str, lookalike: str) -> None:
    """A cue's three unit cases: ``rule`` is an error on ``positive``, and not on its
    ``negated`` form nor on a harmless ``lookalike``."""
    assert rule in error_rules(positive), positive
    assert rule not in error_rules(negated), negated
    assert rule not in error_rules(lookalike), lookalike
