"""Wish's sub_label and refund_reason: decisive ones decide, hints can be outvoted."""

from __future__ import annotations

import pytest

from wishdesk.domain.models import REASONS, REFUND_REASONS
from wishdesk.domain.reasons import classify
from wishdesk.domain.reasons.wish import wish_mapping


@pytest.mark.parametrize(
    ("refund_reason", "expected"),
    [
        ("ITEM_IS_DAMAGED", "damaged-missing"),
        ("EMPTY_PACKAGE", "damaged-missing"),
        ("ITEM_DOES_NOT_WORK_AS_DESCRIBED", "damaged-missing"),
        ("ITEM_DOES_NOT_MATCH_LISTING", "return-refund"),
        ("ITEM_IS_COUNTERFEIT", "return-refund"),
    ],
)
def test_decisive_refund_reasons_override_the_text(refund_reason: str, expected: str) -> None:
    result = classify("Where is my order", "tracking?", refund_reason=refund_reason)
    assert (result.reason, result.source) == (expected, "wish")


@pytest.mark.parametrize(
    ("refund_reason", "expected"),
    [
        ("ITEM_DOES_NOT_FIT", "return-refund"),
        ("USER_NO_LONGER_WANTS_ITEM", "return-refund"),
        ("USER_PLACED_ORDER_BY_MISTAKE", "remove-item"),
        ("SHIPPING_TAKING_TOO_LONG", "shipping-eta"),
        ("ITEM_NEVER_ARRIVED", "order-status"),
    ],
)
def test_hints_decide_when_the_text_says_nothing(refund_reason: str, expected: str) -> None:
    result = classify("Help", "hello?", refund_reason=refund_reason)
    assert (result.reason, result.source) == (expected, "wish")


def test_text_outvotes_a_hint() -> None:
    result = classify("Size", "I need size L instead of M", refund_reason="ITEM_DOES_NOT_FIT")
    assert (result.reason, result.source) == ("change-variant", "text")


def test_a_hint_that_agrees_with_the_text_leaves_source_text() -> None:
    result = classify("", "I want a refund", refund_reason="USER_NO_LONGER_WANTS_ITEM")
    assert (result.reason, result.source) == ("return-refund", "text")


@pytest.mark.parametrize("refund_reason", ["OTHER", "RECEIVED_NOTE_FROM_MERCHANT", "BOGUS", ""])
def test_uninformative_refund_reasons_leave_the_text_to_decide(refund_reason: str) -> None:
    result = classify("", "where is my order", refund_reason=refund_reason)
    assert (result.reason, result.source) == ("order-status", "text")


@pytest.mark.parametrize(
    ("sub_label", "expected"),
    [
        ("Change shipping address", "change-address"),
        ("Cancel order", "remove-item"),
        ("Item damaged", "damaged-missing"),
        ("Missing items", "damaged-missing"),
        ("Wrong size / color", "change-variant"),
        ("Tracking information", "shipping-eta"),
        ("Order status", "order-status"),
        ("Item not received", "order-status"),
        ("Refund request", "return-refund"),
        ("RETURNS", "return-refund"),
    ],
)
def test_sub_label_mapping(sub_label: str, expected: str) -> None:
    result = classify("", "hello", sub_label=sub_label)
    assert (result.reason, result.source) == (expected, "wish")


@pytest.mark.parametrize("sub_label", ["Order details", "General question", "", "   "])
def test_unmapped_sub_labels_are_ignored(sub_label: str) -> None:
    result = classify("", "I want a refund", sub_label=sub_label)
    assert (result.reason, result.source) == ("return-refund", "text")


def test_sub_label_wins_over_refund_reason() -> None:
    result = classify("", "", sub_label="Change address", refund_reason="ITEM_IS_DAMAGED")
    assert result.reason == "change-address"


def test_mapping_only_names_known_values() -> None:
    mapping = wish_mapping()
    assert set(mapping.refund_reasons) <= set(REFUND_REASONS)
    signals = [*mapping.refund_reasons.values(), *(s for _, s in mapping.sub_labels)]
    assert {s.reason for s in signals} <= set(REASONS) - {"other"}
