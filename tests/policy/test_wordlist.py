"""The word-list automaton: word boundaries in mixed scripts, open ends, allowlists, the
packaged lists and their place in the plan cache."""

from __future__ import annotations

import re

import pytest

from wishdesk.domain.languages import LANGUAGES
from wishdesk.domain.policy.gates import is_start
from wishdesk.domain.policy.lexicon import lexicon
from wishdesk.domain.policy.plan import DATA_FILES, cache_key, packaged_files, plan
from wishdesk.domain.policy.wordlist import (
    OPEN_END,
    OPEN_START,
    Matcher,
    WordList,
    find_each,
    find_substrings,
    parse_entry,
)

TERMS = [["bad", 0], ["worse", OPEN_END], ["hole", OPEN_START], ["坏蛋", 0], ["妈的", 0]]
ALLOW = [["badminton", 0], ["妈妈的", 0]]
WORDS = WordList(TERMS, ALLOW)


def found(text: str) -> list[str]:
    """The matches of a fresh list, read with str.find, and the same with the automata."""
    fresh, built = WordList(TERMS, ALLOW), WordList(TERMS, ALLOW)
    built.terms.automaton(), built.allow.automaton()
    by_find = [text[a:b] for a, b in fresh.find(text)]
    assert [text[a:b] for a, b in built.find(text)] == by_find
    return by_find


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a bad day", ["bad"]),
        ("badge and abad", []),  # inside a Latin word: no
        ("badminton", []),  # an allowlisted word
        ("你是bad人", ["bad"]),  # CJK around a Latin word is a boundary
        ("bad坏蛋bad", ["bad", "坏蛋", "bad"]),
        ("他是坏蛋吗", ["坏蛋"]),  # CJK needs no boundary
        ("妈妈的生日", []),  # allowlisted: 妈的 inside 妈妈的
        ("妈的，又错了", ["妈的"]),
        ("worsening things", ["worsening"]),  # an open end takes the rest of the word
        ("a rathole, a mousehole", ["rathole", "mousehole"]),
        ("holes", []),  # *hole is open at the start only
        ("café-bad, bad.", ["bad", "bad"]),
        ("", []),
    ],
)
def test_boundaries_in_mixed_scripts(text: str, expected: list[str]) -> None:
    assert found(text) == expected


def test_an_open_match_is_extended_only_so_far() -> None:
    text = "worse" + "x" * 10_000
    ((start, end),) = WORDS.find(text)
    assert start == 0 and end < 100


def test_entry_syntax() -> None:
    assert parse_entry("  # a comment") is None
    assert parse_entry("") is None
    assert parse_entry("*") is None
    assert parse_entry("fuck*") == ("fuck", OPEN_END)
    assert parse_entry("*arschloch*") == ("arschloch", OPEN_START | OPEN_END)
    assert parse_entry("piece of shit") == ("piece of shit", 0)


def test_every_language_has_a_list_and_an_allowlist() -> None:
    for code in LANGUAGES:
        assert f"abuse/{code}.txt" in DATA_FILES
        assert f"abuse/{code}.allow.txt" in DATA_FILES
    terms = {term for term, _ in plan()["abuse_words"]["terms"]}
    assert {"scheisse", "connard", "gilipollas", "vaffanculo", "caralho", "傻逼"} <= terms
    assert all(term == term.lower() and "*" not in term for term in terms)


def test_an_edited_list_is_a_new_plan() -> None:
    files = packaged_files()
    edited = dict(files, **{"abuse/de.txt": files["abuse/de.txt"] + b"\nneuwort\n"})
    assert cache_key(edited) != cache_key(files)


STARTS = re.compile(
    r"(?<![^\W_])[^\W_]|(?<!\d)\d|[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]"
)
ALPHABET = "aZé_ 7٣²-'.是かカ한ⅷ\u0301\u200b"


def test_pattern_starts_agree_with_their_regex() -> None:
    for a in ALPHABET:
        assert is_start(a, 0) == bool(STARTS.match(a, 0)), a
        for b in ALPHABET:
            text = a + b
            assert is_start(text, 1) == bool(STARTS.match(text, 1)), text


MIXED = [
    "You IDIOT, 你是个傻逼 und ein Arschloch!",
    "妈妈的生日礼物 with a cocktail for the assistant",
    "scheisse-scheisse, merda; 操你妈 vaffanculo",
    "puta computadora con el cono, pede um reembolso",
    "a" * 50 + " fuckfuck 滚蛋滚蛋 " + "z" * 50,
]


@pytest.mark.parametrize("text", MIXED)
def test_find_and_the_automaton_agree(text: str) -> None:
    for matcher in (lexicon().abuse_words.terms, lexicon().abuse_words.allow):
        expected = sorted(matcher.automaton().iter(text.lower()))
        assert sorted(find_each(matcher.words, text.lower())) == expected


@pytest.mark.parametrize("text", [*MIXED, "hello", "", "x", "请加我微信 或 WhatsApp +1 415"])
def test_substring_lookup_and_the_automaton_agree(text: str) -> None:
    matchers = (
        lexicon().abuse_words.terms,
        lexicon().abuse_words.allow,
        lexicon().literals._matcher,
    )
    for matcher in matchers:
        lengths = sorted(set(map(len, matcher.words)))
        expected = sorted(matcher.automaton().iter(text.lower()))
        assert sorted(find_substrings(matcher.words, lengths, text.lower())) == expected


def test_the_automaton_is_built_for_long_texts_and_after_a_few() -> None:
    matcher = Matcher({"ab": 1})
    assert list(matcher.iter("xab")) == [(2, 1)] and matcher._automaton is None
    assert list(matcher.iter("ab" * 300)) and matcher._automaton is not None
    short = Matcher({"ab": 1})
    for _ in range(9):
        assert list(short.iter("ab")) == [(1, 1)]
    assert short._automaton is not None
