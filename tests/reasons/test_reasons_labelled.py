"""Accuracy on the hand-labelled buyer messages in labelled.jsonl."""

from __future__ import annotations

from collections import Counter

import pytest
from reasons_confusion import (
    Example,
    Outcome,
    accuracy,
    accuracy_by_language,
    confusion_table,
    load_examples,
    run,
)

from wishdesk.domain.models import REASONS

LANGS = ("en", "es", "fr", "de", "pt", "it", "zh")


@pytest.fixture(scope="module")
def outcomes() -> list[Outcome]:
    return run(load_examples())


def test_labelled_set_is_big_and_balanced() -> None:
    examples = load_examples()
    by_reason = Counter(e.reason for e in examples)
    by_lang = Counter(e.lang for e in examples)
    assert set(by_reason) == set(REASONS)
    assert min(by_reason.values()) >= 25, by_reason
    assert set(by_lang) == set(LANGS)
    assert min(by_lang.values()) >= 25, by_lang
    assert len(examples) >= 200


def test_overall_accuracy(outcomes: list[Outcome]) -> None:
    misses = [(o.example, o.predicted) for o in outcomes if o.predicted != o.example.reason]
    assert accuracy(outcomes) >= 0.92, "\n" + confusion_table(outcomes) + f"\n{misses}"


@pytest.mark.parametrize("lang", LANGS)
def test_accuracy_per_language(outcomes: list[Outcome], lang: str) -> None:
    assert accuracy_by_language(outcomes)[lang] >= 0.85


def test_the_helpers_can_fail() -> None:
    wrong = Outcome(Example("en", "", "where is my order", "return-refund"), "order-status")
    right = Outcome(Example("en", "", "refund", "return-refund"), "return-refund")
    assert accuracy([wrong, right]) == 0.5
    assert accuracy_by_language([wrong]) == {"en": 0.0}
    table = confusion_table([wrong, right])
    assert "return-refund" in table and "0.50" in table
