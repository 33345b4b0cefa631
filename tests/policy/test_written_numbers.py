"""The scan that finds an order's tracking number as written agrees with the regex it
replaced: the number's characters in order, at most one space or hyphen between two of
them, not inside a longer token."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from wishdesk.domain.policy.detect_truth import _written

ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789"


def by_regex(text: str, number: str) -> list[tuple[int, int]]:
    body = r"[\s-]?".join(re.escape(ch) for ch in number)
    return [m.span() for m in re.finditer(rf"(?<![a-z0-9]){body}(?![a-z0-9])", text)]


numbers = st.text(alphabet="lz0123456789", min_size=6, max_size=12)
noise = st.text(alphabet="lz0189 -.,", max_size=30)


@given(numbers, noise, noise, st.lists(st.sampled_from(["", " ", "-", "  "]), max_size=12))
def test_scan_agrees_with_the_regex(number: str, before: str, after: str, seps: list[str]) -> None:
    written = "".join(
        ch + (seps[i] if i < len(seps) and i < len(number) - 1 else "")
        for i, ch in enumerate(number)
    )
    text = before + written + after
    assert _written(text, number) == by_regex(text, number)


def test_usps_number_in_groups() -> None:
    text = "tracking 9400 1118 9922 3197 4284 90 via usps"
    assert _written(text, "9400111899223197428490") == [(9, 36)]
    assert _written("x9400111899223197428490", "9400111899223197428490") == []
