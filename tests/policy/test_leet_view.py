"""The leetspeak reading of a message (``TextView.leet``), which the respect patterns also run
on: "!" is a letter inside a word or at its start, and the mark after one."""

from __future__ import annotations

import pytest
from policy_helpers import NOW

from wishdesk.domain.policy import lint
from wishdesk.domain.policy.textview import TextView


def abusive(text: str) -> bool:
    return any(f.rule == "respect.abuse" for f in lint(text, now=NOW))


@pytest.mark.parametrize("text", ["What a sh!t service", "you are an !diot", "b!tch"])
def test_a_bang_inside_or_before_a_word_reads_as_i(text: str) -> None:
    assert abusive(text)


@pytest.mark.parametrize(
    "text",
    [
        "Your parcel is at the depot in Reno!",  # "renoi" is a slur of the French list
        "Ship it to Reno!!",
        "Merci, à bientôt à Reno!",
    ],
)
def test_a_bang_after_a_word_is_the_mark(text: str) -> None:
    assert not abusive(text)


def test_the_reading_keeps_the_marks_after_words_and_the_length() -> None:
    view = TextView("Thanks! Gr3at sh!t !diot")
    assert view.leet == "thanks! great shit idiot"
    assert len(view.leet) == len(view.norm)
