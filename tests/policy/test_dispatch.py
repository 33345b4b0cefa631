"""Each rule's gates are built when a text first has one of the rule's triggers, from the
plan's lists or from a kept plan's marshal bytes, and match the same either way."""

from __future__ import annotations

from policy_helpers import corpus

from wishdesk.domain.policy import gates as gates_module
from wishdesk.domain.policy.gates import Dispatch, scan
from wishdesk.domain.policy.lexicon import lexicon
from wishdesk.domain.policy.plan import build_plan, packaged_files, packed

FRESH = build_plan(packaged_files())
KEPT = packed(FRESH)


def test_a_text_without_a_rules_triggers_builds_none_of_it() -> None:
    dispatch = Dispatch(KEPT["dispatch"], KEPT["dispatch_keys"])
    present = lexicon().present("hello")
    assert dispatch.gates("payment.off-platform", present) is None
    assert dispatch.gates("contact.off-platform", present) is None
    assert dispatch.gates("no.such-rule", present) is None
    assert "payment.off-platform" in dispatch and "no.such-rule" not in dispatch


def test_a_text_with_one_builds_the_rule_once() -> None:
    dispatch = Dispatch(KEPT["dispatch"], KEPT["dispatch_keys"])
    present = lexicon().present("please pay the difference by bank transfer")
    built = dispatch.gates("payment.off-platform", present)
    assert built is not None and len(built) == len(FRESH["dispatch"]["payment.off-platform"])
    assert dispatch.gates("payment.off-platform", frozenset()) is built  # kept from now on


def test_a_batch_builds_every_rule_after_a_few_texts() -> None:
    dispatch = Dispatch(KEPT["dispatch"], KEPT["dispatch_keys"])
    nothing = frozenset({"\x00not a trigger\x00"})
    for _ in range(gates_module._LOOKS):
        assert dispatch.gates("payment.details-shared", nothing) is None
    assert dispatch.gates("payment.details-shared", nothing) is not None


def test_kept_and_fresh_rules_match_the_same() -> None:
    fresh = Dispatch(FRESH["dispatch"], FRESH["dispatch_keys"])
    kept = Dispatch(KEPT["dispatch"], KEPT["dispatch_keys"])
    lex = lexicon()
    matched = 0
    for item in corpus()[:300]:
        text = item["text"].lower()
        present = lex.present(text)
        for rule in fresh.rules():
            a, b = fresh.gates(rule), kept.gates(rule)
            assert a is not None and b is not None
            spans = [(i, m.span()) for i, m in scan(a, text, present)]
            assert spans == [(i, m.span()) for i, m in scan(b, text, present)], (rule, text)
            matched += bool(spans)
    assert matched > 50  # the texts do match: the comparison is not of empty lists
