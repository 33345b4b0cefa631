"""The linter and the reason classifier on real text nobody here wrote: the held-out split.

The corpus (tests/corpus/, sources in its README) has a ``dev`` part that rules and cues are
tuned on and a ``test`` part that nobody tunes on; these tests score the shipped code on the
``test`` part.

Two sets of thresholds. The TARGETS are what docs/policy.md and docs/reasons.md promise to
reach; they are not reached yet (the figures are in those pages), so their tests are expected
to fail (``xfail(strict=True)``: the day they pass, the marker must go). The FLOORS are the
figures reached now, rounded down: a change that makes the linter or the classifier worse on
text nobody tuned on fails the suite.

A family or language is held to its own threshold only where the held-out part has at least
``MIN_POSITIVES`` messages that should block (reasons: ``MIN_MESSAGES`` messages): one or two
items say nothing about a recall. The overall figures count every sentence; bare word-list
entries are scored apart (see tests/corpus/scores.py) and held to the overall recall.
"""

from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path
from types import ModuleType

import pytest

TARGETS = {
    "precision": 0.97,
    "recall": 0.93,
    "part_recall": 0.90,  # every family and every language
    "accuracy": 0.92,
    "language_accuracy": 0.85,
}
# Held-out figures of 2026-12-03 (1,581 linter items and 905 reason messages, after the
# seventh pass grew both halves; tests/corpus/README.md), rounded down: linter precision
# 0.948, recall 0.836, lowest family payment 0.726, lowest language de 0.667. The floors are
# lower than the last ones because the pass added held-out items that are harder than the
# old ones (its 289 new held-out linter items score 0.899 / 0.767, its 168 new reason
# messages 0.732), not because the code got worse: on the items held out before it, the
# linter went from 0.956 / 0.847 to 0.956 / 0.848 and the classifier from 0.853 to 0.858.
FLOORS = {
    "precision": 0.94,
    "recall": 0.83,
    "part_recall": 0.65,
    # reasons: 0.835 on 905 held-out messages, lowest pt 0.756; 0.841 after the fifth pass,
    # which tuned on pools outside the corpus and added no message
    "accuracy": 0.84,
    "language_accuracy": 0.75,
}
MIN_POSITIVES = 10
MIN_MESSAGES = 15


def _scores_module() -> ModuleType:
    path = Path(__file__).parent / "corpus" / "scores.py"
    spec = importlib.util.spec_from_file_location("corpus_scores", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus() -> ModuleType:
    return _scores_module()


def linter_problems(corpus: ModuleType, bar: dict[str, float]) -> list[str]:
    s = corpus.linter_scores(corpus.load("linter.jsonl", "test"))
    assert s.messages >= 600
    problems = []
    if s.overall.precision < bar["precision"]:
        problems.append(f"precision {s.overall.precision:.3f} < {bar['precision']}")
    if s.overall.recall < bar["recall"]:
        problems.append(f"recall {s.overall.recall:.3f} < {bar['recall']}")
    parts = {**{f"family {k}": v for k, v in s.family.items()}}
    parts.update({f"language {k}": v for k, v in s.language.items()})
    for name, tally in sorted(parts.items()):
        if tally.positives >= MIN_POSITIVES and tally.recall < bar["part_recall"]:
            problems.append(f"{name}: recall {tally.recall:.3f} < {bar['part_recall']}")
    if s.word_list.positives and s.word_list.recall < bar["recall"]:
        problems.append(f"word-list entries: recall {s.word_list.recall:.3f} < {bar['recall']}")
    return problems


def reason_problems(corpus: ModuleType, bar: dict[str, float]) -> list[str]:
    s = corpus.reason_scores(corpus.load("reasons.jsonl", "test"))
    assert s.total >= 300
    problems = []
    if s.accuracy < bar["accuracy"]:
        problems.append(f"accuracy {s.accuracy:.3f} < {bar['accuracy']}")
    for code, (_, n) in sorted(s.language.items()):
        accuracy = s.language_accuracy(code)
        if n >= MIN_MESSAGES and not math.isnan(accuracy) and accuracy < bar["language_accuracy"]:
            problems.append(f"{code}: accuracy {accuracy:.3f} < {bar['language_accuracy']}")
    return problems


def test_block_decision_on_held_out_text_keeps_its_floor(corpus: ModuleType) -> None:
    problems = linter_problems(corpus, FLOORS)
    assert not problems, "; ".join(problems)


def test_reasons_on_held_out_text_keep_their_floor(corpus: ModuleType) -> None:
    problems = reason_problems(corpus, FLOORS)
    assert not problems, "; ".join(problems)


@pytest.mark.xfail(strict=True, reason="the targets of docs/policy.md are not reached yet")
def test_block_decision_on_held_out_text_reaches_the_target(corpus: ModuleType) -> None:
    problems = linter_problems(corpus, TARGETS)
    assert not problems, "; ".join(problems)


@pytest.mark.xfail(strict=True, reason="the targets of docs/reasons.md are not reached yet")
def test_reasons_on_held_out_text_reach_the_target(corpus: ModuleType) -> None:
    problems = reason_problems(corpus, TARGETS)
    assert not problems, "; ".join(problems)


def test_every_language_is_held_to_its_threshold(corpus: ModuleType) -> None:
    """The thresholds above must not be vacuous: every language has enough held-out text."""
    lint_s = corpus.linter_scores(corpus.load("linter.jsonl", "test"))
    reason_s = corpus.reason_scores(corpus.load("reasons.jsonl", "test"))
    for code in ("en", "es", "fr", "de", "pt", "it", "zh"):
        assert lint_s.language[code].positives >= MIN_POSITIVES, code
        assert reason_s.language[code][1] >= MIN_MESSAGES, code
