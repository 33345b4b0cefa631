"""The word-list automaton: word boundaries in mixed scripts, open ends, allowlists, the
packaged lists and their place in the plan cache."""

from __future__ import annotations

import pytest

from wishdesk.domain.languages import LANGUAGES
from wishdesk.domain.policy.plan import DATA_FILES, cache_key, packaged_files, plan
from wishdesk.domain.policy.wordlist import OPEN_END, OPEN_START, WordList, parse_entry

WORDS = WordList(
    [["bad", 0], ["worse", OPEN_END], ["hole", OPEN_START], ["坏蛋", 0], ["妈的", 0]],
    [["badminton", 0], ["妈妈的", 0]],
)


def found(text: str) -> list[str]:
    return [text[a:b] for a, b in WORDS.find(text)]


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
