"""Random text never breaks the linter, and every span points into the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from policy_helpers import NOW

from wishdesk.domain.policy import lint

WORDS = st.sampled_from(
    [
        "paypal",
        "p a y",
        "(at)",
        "dot",
        "com",
        "+1",
        "555",
        "0199",
        "tomorrow",
        "明天",
        "不",
        "ｐａｙ",
        "é",
        "ß",
        "İ",
        "ﬁ",
        "{name}",
        "<x>",
        "\u200b",
        "\n",
        "IBAN",
        "DE89",
        "4539",
        "!",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=20), WORDS), max_size=30).map(" ".join))
def test_random_text(text: str) -> None:
    for finding in lint(text, now=NOW):
        start, end = finding.span
        assert 0 <= start <= end <= len(text)
        assert finding.match == text[start:end]
        assert finding.line >= 1 and finding.column >= 1
