"""Confidence bands: certain for Wish's decisive labels and manual tags, else by the number."""

from __future__ import annotations

import pytest

from wishdesk.domain.reasons import classify
from wishdesk.domain.reasons.bands import BANDS, band_of, reason_band


@pytest.mark.parametrize(
    ("confidence", "band"),
    [
        (1.0, "certain"),
        (0.99, "high"),
        (0.7, "high"),
        (0.69, "medium"),
        (0.45, "medium"),
        (0.44, "low"),
        (0.0, "low"),
    ],
)
def test_bands_of_a_number(confidence: float, band: str) -> None:
    assert band_of(confidence) == band
    assert band in BANDS


def test_text_bands_follow_the_evidence() -> None:
    assert classify("", "my parcel arrived broken, the screen is cracked").band == "high"
    assert classify("", "refund").band == "high"  # one strong cue, nothing against it
    assert classify("", "where is my parcel? refund").band == "low"  # two fit equally
    assert classify("", "ok").band == "low"  # nothing fits: other
    assert classify("", "the blue one please").band == "low"  # a lone weak cue


def test_text_is_never_certain_wish_is() -> None:
    many = classify("Refund", "refund my money, return it, I want a refund, money back")
    assert many.confidence < 1.0 and many.band == "high"
    assert classify("", "where is it", sub_label="Item damaged").band == "certain"
    assert classify("", "where is it", refund_reason="EMPTY_PACKAGE").band == "certain"
    assert classify("", "hello", refund_reason="ITEM_NEVER_ARRIVED").band != "certain"  # a hint


def test_stored_reasons() -> None:
    assert reason_band(0.2, "manual") == "certain"
    assert reason_band(0.95, "wish", "Item damaged", None) == "certain"  # an older store
    assert reason_band(0.9, "wish", None, "ITEM_IS_DAMAGED") == "certain"
    assert reason_band(0.9, "wish", None, "ITEM_NEVER_ARRIVED") == "high"  # a hint decided
    assert reason_band(0.39, "text", "Item damaged", None) == "low"  # the text decided
    assert reason_band(None, "text") is None
