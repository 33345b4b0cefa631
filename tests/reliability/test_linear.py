"""Nothing slow: the linter, the ETA parser, the classifier and import cost time linear in
what came in (issue 19, points 1 and 4), and any text gives a clean result or a clean record
error (point 3).

Linear is measured, not argued: ``fn`` on a phrase repeated to 100,000 characters may cost
at most about 12 times what it costs on 10,000 (``reliutil.assert_linear``: CPU time of this
process, the least of a few runs, checked twice). The phrases are the issue's own, every
word the linter's lexicon needs to match (its trigger literals, twenty to a phrase) and every
cue of the classifier's lexicon; hypothesis picks among them and adds arbitrary text.
"""

from __future__ import annotations

import io
import itertools
import json
import os
import re
from contextlib import nullcontext
from datetime import datetime, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reliutil import assert_grows_linearly, assert_linear, repeated
from wishdata import ticket

from wishdesk.domain.fields import MAX_IDS
from wishdesk.domain.policy import lint
from wishdesk.domain.policy.eta import promises
from wishdesk.domain.policy.lexicon import lexicon
from wishdesk.domain.policy.textview import TextView
from wishdesk.domain.reasons import classify
from wishdesk.domain.wish import RecordError, parse_record

NOW = datetime(2026, 11, 26, 7, tzinfo=timezone.utc)
ISSUE_PHRASES = [
    "arrive tomorrow ",
    "it will arrive within 3 days ",
    "llegará mañana ",
    "bis Freitag geliefert ",
    "三天内送达 ",
    "delivered by December 5 ",
    "expected 5/12 ",
    "a@b.co ",
    "track # ",
    "paypal ",
    "not ",
    "but ",
    "no. 5 ",
    "LZ123456789CN ",
    "{name} ",
    "A" * 30 + " ",
    "x (at) gmail (dot) com ",
]


def _linter_words() -> list[str]:
    """Every literal the linter's patterns need (what its triggers look for) and the entries
    of its word lists."""
    from wishdesk.domain.policy.plan import plan

    data = plan()
    words = set(data["literals"])
    for kind in ("terms", "allow"):
        words.update(term for term, _ in data["abuse_words"][kind])
    return sorted(words)


def _classifier_words() -> list[str]:
    """Every cue phrase of the classifier, its syntax (word*, a|b, ~ gaps) taken out."""
    from wishdesk.domain.languages import LANGUAGES
    from wishdesk.domain.reasons.data_files import load

    words = set()
    for lang in LANGUAGES:
        for cue in load(lang).get("cues", []):
            for phrase in cue.get("phrases", []):
                words.add(re.sub(r"~\d*|\*", "", phrase.split("|")[0]).strip())
    return sorted(w for w in words if w)


def _groups(words: list[str], size: int = 20) -> list[str]:
    return [" ".join(words[i : i + size]) + " " for i in range(0, len(words), size)]


LEXICON_PHRASES = _groups(_linter_words()) + _groups(_classifier_words())
PHRASES = ISSUE_PHRASES + LEXICON_PHRASES
SLOW = settings(
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# Arbitrary text: every character category (lone surrogates and controls included).
ANY_TEXT = st.one_of(
    st.text(st.characters(exclude_categories=()), max_size=300),
    st.builds(repeated, st.sampled_from(PHRASES), st.integers(500, 3000)),
)


def lint_text(text: str) -> object:
    return lint(text, now=NOW)


def eta_promises(text: str) -> object:
    lex = lexicon()
    norm = TextView(text).norm
    return promises(norm, lex, NOW.date(), lex.present(norm))


def classify_text(text: str) -> object:
    return classify(text[:200], text)


# linear time ---------------------------------------------------------------------------------
@pytest.mark.parametrize("phrase", ISSUE_PHRASES[:3])
def test_the_issues_phrases_lint_in_linear_time(phrase: str) -> None:
    assert_linear(lint_text, phrase)


# Each rewrite of the normalised view (textview) on a token it rewrites, repeated with and
# without blanks between: "insta_" once took 100 times longer at 100,000 characters.
VIEW_PHRASES = [
    "insta_",
    "a_b/",
    "john_doe@x_y",
    "so  dumm\t",
    "脑*残·",
    "w h a t s ",
    "a (at) b dot ",
]


@pytest.mark.parametrize("phrase", VIEW_PHRASES)
def test_the_normalised_view_is_linear_in_the_message(phrase: str) -> None:
    assert_linear(lint_text, phrase)


@settings(SLOW, max_examples=10)
@given(phrase=st.sampled_from(PHRASES) | st.text(st.characters(exclude_categories=()), min_size=1))
def test_the_linter_is_linear_in_the_message(phrase: str) -> None:
    assert_linear(lint_text, phrase)


@settings(SLOW, max_examples=10)
@given(phrase=st.sampled_from(PHRASES))
def test_the_eta_parser_is_linear_in_the_message(phrase: str) -> None:
    assert_linear(eta_promises, phrase)


@settings(SLOW, max_examples=10)
@given(phrase=st.sampled_from(PHRASES))
def test_the_classifier_is_linear_in_the_message(phrase: str) -> None:
    assert_linear(classify_text, phrase)


@pytest.mark.skipif(
    not os.environ.get("WISHDESK_SLOW_TESTS"),
    reason="every lexicon phrase, one by one (about a minute): set WISHDESK_SLOW_TESTS=1",
)
@pytest.mark.parametrize("phrase", LEXICON_PHRASES)
def test_every_lexicon_phrase_lints_in_linear_time(phrase: str) -> None:
    assert_linear(lint_text, phrase)
    assert_linear(eta_promises, phrase)


def _importer(store):  # type: ignore[no-untyped-def]
    """Import, through the real import service, one ticket whose subject, buyer name and
    message are the text (a new ticket each call)."""
    from wishdesk.services.ingest import Source, import_sources

    numbers = itertools.count(1)

    def run(text: str) -> object:
        record = ticket(
            f"{next(numbers):024x}",
            subject=text[:2000],
            buyer=text,
            replies=[("USER", "2026-11-23T08:00:00Z", text)],
        )
        data = json.dumps(record).encode()
        result = import_sources(store, [Source("t.json", lambda: nullcontext(io.BytesIO(data)))])
        assert not result.failed, result.files[0].bad
        return result

    return run


@settings(SLOW, max_examples=4)
@given(phrase=st.sampled_from(PHRASES))
def test_import_is_linear_in_the_text(phrase: str, tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    from wishdesk.store.db import open_store

    store = open_store(tmp_path_factory.mktemp("linear") / "store.db", create=True)
    try:
        assert_linear(_importer(store), phrase)
    finally:
        store.close()


def _ids_ticket(count: int, i: int = 0) -> dict[str, object]:
    """A ticket about ``count`` orders, each named twice (de-duplicated on the way in)."""
    ids = [f"{i:06x}{n:018x}" for n in range(count // 2)]
    return ticket(orders=ids * 2)


def test_order_ids_parse_in_linear_time_up_to_the_limit() -> None:
    small = [_ids_ticket(MAX_IDS // 10, i) for i in range(20)]
    large = [_ids_ticket(MAX_IDS, i) for i in range(20)]
    assert len(parse_record(large[0]).order_ids) == MAX_IDS // 2  # type: ignore[union-attr]
    assert_grows_linearly(
        lambda: [parse_record(t) for t in small],
        lambda: [parse_record(t) for t in large],
        f"tickets of {MAX_IDS // 10} -> {MAX_IDS} order ids",
    )


def test_more_order_ids_than_the_limit_is_a_quick_record_error() -> None:
    import time

    began = time.monotonic()
    with pytest.raises(RecordError, match=f"100000 entries: at most {MAX_IDS}"):
        parse_record(ticket(orders=[f"{i:024x}" for i in range(100_000)]))
    assert time.monotonic() - began < 2


# any text: a clean result or a clean record error -------------------------------------------
@settings(SLOW, max_examples=60)
@given(text=ANY_TEXT)
def test_any_text_through_the_linter_eta_parser_and_classifier(text: str) -> None:
    for finding in lint(text, now=NOW):
        start, end = finding.span
        assert 0 <= start <= end <= len(text)
        assert finding.severity in ("error", "warning")
    eta_promises(text)
    found = classify(text, text)
    assert 0.0 <= found.confidence <= 1.0


@settings(SLOW, max_examples=40)
@given(text=ANY_TEXT)
def test_any_text_imports_whole_or_is_a_record_error(
    text: str, empty_store, tmp_path_factory
) -> None:  # type: ignore[no-untyped-def]
    import shutil

    from reliutil import assert_no_crash, counts, invoke

    db = tmp_path_factory.mktemp("t") / "store.db"
    shutil.copy(empty_store, db)
    odd = ticket("5f00000000000000000000aa", subject=text[:1000], buyer=text,
                 replies=[("USER", "2026-11-23T08:00:00Z", text)])  # fmt: skip
    plain = ticket("5f00000000000000000000bb")
    path = db.parent / "in.jsonl"
    path.write_text(json.dumps(odd) + "\n" + json.dumps(plain) + "\n")  # surrogates escaped
    result = invoke(db, ["import", "--skip-invalid", str(path)])
    assert_no_crash(result, {0})
    if "skipped 1 invalid record" in result.stderr:
        assert f"{path}, line 1: " in result.stderr  # named by file, line and field
        assert counts(db)["tickets"] == 1
        return
    assert counts(db)["tickets"] == 2
    shown = json.loads(invoke(db, ["show", odd["id"], "--json"]).stdout)  # type: ignore[arg-type]
    assert shown["subject"] == text[:1000]


def test_an_endless_stream_of_garbage_fails_at_once(tmp_path: Path) -> None:
    import time

    from reliutil import assert_no_crash, invoke

    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    began = time.monotonic()
    result = invoke(tmp_path / "store.db", ["import", "/dev/zero"])
    assert_no_crash(result, {2})
    assert "line 1: invalid JSON" in result.stderr
    assert time.monotonic() - began < 10
