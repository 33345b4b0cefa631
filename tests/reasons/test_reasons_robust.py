"""classify never raises and always answers within its contract; the data files are sound."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wishdesk.domain.models import REASONS
from wishdesk.domain.reasons import Classification, classify
from wishdesk.domain.reasons.data_files import LANGUAGES
from wishdesk.domain.reasons.lexicon import build, parse_phrase
from wishdesk.domain.reasons.normalise import normalise

texts = st.text(alphabet=st.characters(codec="utf-8"), max_size=300)
labels = st.none() | st.text(max_size=40) | st.sampled_from(["ITEM_IS_DAMAGED", "Refund"])


def check(result: Classification) -> None:
    assert result.reason in REASONS
    assert 0.0 <= result.confidence <= 1.0
    assert result.source in ("wish", "text")


@settings(max_examples=300, deadline=None)
@given(texts, texts, labels, labels)
def test_never_raises(subject: str, body: str, sub_label: str | None, refund: str | None) -> None:
    check(classify(subject, body, sub_label=sub_label, refund_reason=refund))


def test_hostile_inputs() -> None:
    bad: Any = None
    for subject, body in [
        ("", ""),
        (bad, bad),
        (123, b"bytes"),
        ("\x00\x07\x1b[31m", "\u202e\ufeff\u200b"),
        ("refund " * 100_000, "broken " * 200_000),
        ("\ud800", "lone surrogate"),
    ]:
        check(classify(subject, body, sub_label=bad, refund_reason=bad))


def test_huge_text_still_finds_an_early_reason() -> None:
    assert classify("", "my package arrived broken. " + "blah " * 100_000).reason == (
        "damaged-missing"
    )


def test_every_language_file_builds_with_valid_reasons() -> None:
    for lang in LANGUAGES:
        lexicon = build((lang,))
        cues = [*lexicon.cues, *lexicon.cjk_cues]
        assert len(cues) >= 40, lang
        assert {c.reason for c in cues} == set(REASONS), lang
        assert all(-3 <= c.weight <= 3 and c.weight != 0 for c in cues)


def test_phrase_syntax() -> None:
    first, rest = parse_phrase("change ~ address|adress*")
    assert first.matches("change") and not first.matches("changes")
    assert len(rest) == 2
    assert rest[1].matches("adresses")  # type: ignore[union-attr]
    for broken in ("~ refund", "refund ~", ""):
        try:
            parse_phrase(broken)
        except ValueError:
            continue
        raise AssertionError(f"{broken!r} should be rejected")


def test_a_phrase_has_one_weight_per_reason() -> None:
    """The lexicon keeps one weight per (reason, phrase): a second one would be lost."""
    from wishdesk.domain.reasons.data_files import load
    from wishdesk.domain.reasons.normalise import normalise

    seen: dict[tuple[str, str], float] = {}
    for lang in LANGUAGES:
        for group in load(lang).get("cues", []):
            for phrase in group["phrases"]:
                key = (group["reason"], normalise(phrase))
                weight = float(group["weight"])
                assert seen.setdefault(key, weight) == weight, (lang, key)


@pytest.mark.parametrize(
    ("body", "plain"),
    [
        ("I ordered a shirt &amp; it never arrived", "I ordered a shirt & it never arrived"),
        ("I can&#39;t find my order &quot;tracking&quot;", 'I can\'t find my order "tracking"'),
    ],
)
def test_html_character_references_read_as_the_characters(body: str, plain: str) -> None:
    """Text copied from a web page or an e-mail keeps "&amp;": its ";" is not a clause mark."""
    assert normalise(body) == normalise(plain)
    assert classify("", body).reason == classify("", plain).reason


def test_an_ampersand_without_a_reference_is_kept() -> None:
    assert normalise("M&S; parcel") == "m&s; parcel"
