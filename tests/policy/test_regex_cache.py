"""Compiled regexes kept between runs (``domain/regex_codes.py``, ``services/regex_cache.py``):
a regex compiled from a kept code is the same regex, a code that is wrong or not the user's is
never used, and the real CLI writes the codes once and then reads them."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from wishdesk.domain import regex_codes
from wishdesk.services import regex_cache

SOURCES = [
    r"(?:s(?<!\w.)end|g(?<!\w.)ive) (?:your|the) (?P<what>card|iban)\b",
    r"[A-ZÀ-ÖØ-ÞΑ-ΩА-Я][A-ZÀ-ÖØ-ÞΑ-ΩА-Я'’]",
    r"(?<![\d.,])([1-9]\d{0,2})\.(\d{1,3})(?:/\S*)?|微信[:：]\s*\w+",
]
TEXTS = ["send your card now", "Give the IBAN", "ÀB hello", "at 10.20/x or 微信：abc", ""]


@pytest.fixture
def table() -> Iterator[dict[str, Any]]:
    kept: dict[str, Any] = {}
    regex_codes.install(kept.get)
    yield kept
    regex_codes.install(None)


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> None:
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (
        b.pattern,
        b.flags,
        b.groups,
        b.groupindex,
    )
    for text in TEXTS:
        assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)]
        assert [m.groups() for m in a.finditer(text)] == [m.groups() for m in b.finditer(text)]


def test_without_a_loader_it_is_re_compile() -> None:
    regex_codes.install(None)
    for source in SOURCES:
        _same(regex_codes.compile(source), re.compile(source))
    assert regex_codes.new_codes() == {}


def test_a_kept_code_gives_the_same_regex_without_compiling(
    table: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    for source in SOURCES:
        _same(regex_codes.compile(source), re.compile(source))
    fresh = regex_codes.new_codes()
    assert sorted(fresh) == sorted(SOURCES)
    table.update(fresh)  # the next run
    regex_codes.install(table.get)

    def no_compiling(source: str) -> re.Pattern[str]:
        raise AssertionError(f"compiled {source!r} again")

    monkeypatch.setattr(regex_codes, "_compile_new", no_compiling)
    for source in SOURCES:
        _same(regex_codes.compile(source), re.compile(source))


def test_a_code_the_engine_refuses_is_compiled_again(table: dict[str, Any]) -> None:
    source = SOURCES[0]
    table[source] = (32, [1, 2, 3], 0, {}, (None,))  # not a program of this engine
    _same(regex_codes.compile(source), re.compile(source))
    assert source in regex_codes.new_codes()  # and the good code replaces it next time


def test_what_is_remembered_for_keeping_is_bounded(
    table: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(regex_codes, "NEW_LIMIT", 3)
    for n in range(10):
        assert regex_codes.compile(f"x{n}(?:y|z)").search(f"ax{n}z") is not None
    assert sorted(regex_codes.new_codes()) == ["x0(?:y|z)", "x1(?:y|z)", "x2(?:y|z)"]


def test_flags_are_compiled_the_ordinary_way(table: dict[str, Any]) -> None:
    regex = regex_codes.compile("abc", re.IGNORECASE)
    assert regex.search("xABCx") is not None
    assert regex_codes.new_codes() == {}


def _lint(texts: list[str], cache: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    batch = tmp_path / "batch.jsonl"
    batch.write_text(
        "".join(json.dumps({"id": str(i), "text": t}) + "\n" for i, t in enumerate(texts))
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["WISHDESK_CACHE_DIR"] = str(cache)
    return subprocess.run(
        [sys.executable, "-m", "wishdesk", "lint", "--batch", str(batch), "--format", "jsonl"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


MESSAGES = [
    "Please send us your PayPal email so we can refund you.",
    "您好，请加微信：abc123，预计12月22日前送达。",
    "Hallo, überweisen Sie bitte an IBAN DE89 3704 0044 0532 0130 00.",
    "YOU ARE ALL IDIOTS, READ THE LISTING",
]


def test_the_cli_keeps_the_codes_and_reads_them_back(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = _lint(MESSAGES, cache, tmp_path)
    assert first.returncode == 1, first.stderr
    [directory] = cache.glob("regex-codes-*")
    files = sorted(directory.iterdir())
    assert files, "nothing kept"
    assert all(f.stat().st_mode & 0o777 == 0o600 for f in files)
    stamps = {f: f.stat().st_mtime_ns for f in files}
    second = _lint(MESSAGES, cache, tmp_path)
    assert second.stdout == first.stdout
    assert {f: f.stat().st_mtime_ns for f in sorted(directory.iterdir())} == stamps  # read only


def test_a_file_of_another_source_or_not_the_users_is_not_used(tmp_path: Path) -> None:
    source = SOURCES[0]
    kept: dict[str, Any] = {}
    regex_codes.install(kept.get)
    try:
        regex_codes.compile(source)
        code = regex_codes.new_codes()[source]
    finally:
        regex_codes.install(None)
    import marshal

    path = tmp_path / regex_cache._name(source)
    path.write_bytes(marshal.dumps((source, code)))
    path.chmod(0o600)
    assert regex_cache.load(str(tmp_path), source) == code
    path.write_bytes(marshal.dumps(("another source", code)))
    assert regex_cache.load(str(tmp_path), source) is None
    path.write_bytes(marshal.dumps((source, code)))
    path.chmod(0o666)  # others may write it: not trusted
    assert regex_cache.load(str(tmp_path), source) is None
    path.write_bytes(b"not marshal at all")
    path.chmod(0o600)
    assert regex_cache.load(str(tmp_path), source) is None


def test_keeping_never_fails_on_an_unwritable_directory(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the directory should be")
    regex_codes.install(lambda source: None)
    try:
        regex_codes.compile(r"x(?:y|z)+")
        regex_cache.keep(str(blocker / "codes"))  # must not raise
    finally:
        regex_codes.install(None)
