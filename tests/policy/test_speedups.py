"""The speed-ups never cost a match: triggers, the cached plan, whole tracking tokens."""

from __future__ import annotations

import marshal
import re
from typing import Any

import pytest
from policy_helpers import NOW, corpus, order

from wishdesk.domain.policy import lexicon, lint
from wishdesk.domain.policy.gates import Gate
from wishdesk.domain.policy.plan import build_plan, cache_key, packaged_files, plan
from wishdesk.domain.policy.textview import TextView
from wishdesk.domain.policy.triggers import triggers

TEXTS = [row["text"] for row in corpus()] + [
    "ffuuuck you",
    "sh1t",
    "pay us via p a y p a l",
    "arrivera demain",
    "Your order will arrive within 3 business days.",
]


@pytest.mark.parametrize(
    ("pattern", "sample"),
    [
        (r"\bpay (?:us|me) directly", "please pay me directly"),
        (r"\bf+u+c+k+\w*", "ffuuck"),
        (r"(?:\d[ -]?){12,18}\d", "4539 1488 0343 6467"),
        (r"\bsh[i\*]+t+(?:ty|head|s)?\b", "sh**t"),
        (r"(?i)PayPal", "paypal"),
        (r"\bf[\*\.#]+c?k\w*", "f#*k"),
        (r"(?:ab)+c", "abababc"),
        (r"x(?:a|)+y", "xy"),
    ],
)
def test_triggers_occur_in_every_match(pattern: str, sample: str) -> None:
    found = triggers(pattern)
    assert re.search(pattern, sample)
    assert found is None or any(t in sample for t in found)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        # a repeat that occurs at least once joins the literals around it
        (r"\bf+u+c+k+\w*", {"fu"}),
        (r"\bf[\*\.#]+c?k\w*", {"f*", "f.", "f#"}),
        (r"(?:ab)+c", {"abc"}),
        (r"x(?:a|)+y", {"x"}),  # a body that may be empty joins nothing
        (r"a*b", {"b"}),  # nor does a repeat that may not occur
    ],
)
def test_repeats_join_their_neighbours(pattern: str, expected: set[str]) -> None:
    assert triggers(pattern) == expected


def test_triggers_avoid_the_commonest_letter_pairs_when_they_can() -> None:
    # "ll" is one literal, but "hello", "will" and "all" hold it; "ip" (or a starred
    # vowel before the p) is as long and rarer
    found = triggers(r"g+(?:i|[*#@])+l+(?:i|[*#@])+p+(?:o|[*#@])+l+l+(?:a|[*#@])+s+")
    assert found is not None and "ll" not in found
    assert re.search(r"g+(?:i|[*#@])+l+(?:i|[*#@])+p+(?:o|[*#@])+l+l+(?:a|[*#@])+s+", "gilipollas")
    assert any(t in "gilipollas" for t in found)
    assert triggers(r"\bhello\b") == {"hello"}  # a long literal is still the best


def test_gated_patterns_match_like_ungated_ones() -> None:
    lex = lexicon.lexicon()
    for text in TEXTS:
        view = TextView(text)
        for source in (view.norm, view.leet):
            present = lex.present(source)
            for rule in lex.dispatch.rules():
                gates = lex.dispatch.gates(rule)
                assert gates is not None
                for gate in gates.gates:
                    if gate.regex.search(source):
                        assert gate.live(present), (gate.source, text)


def _alternations(lex: lexicon.Lexicon) -> list[Gate]:
    gates = [g for g in lex if isinstance(g, Gate)]
    gates += [g for g in lex.eta if isinstance(g, Gate)]
    gates += lex.patterns.values()
    gates += lex.eta.duration.gates  # a template: the numerals are its branches
    return [g for g in gates if g.branches]


def test_narrowed_alternations_match_like_whole_ones() -> None:
    lex = lexicon.lexicon()
    alternations = _alternations(lex)
    assert {lex.negation_cues, lex.eta.conditional, lex.eta.delivery} <= set(alternations)
    assert lex.eta.duration.gates[0] in alternations
    samples = ["we will not ship it if it is late", "si no llega, pero no", "in two to three weeks"]
    for text in [*TEXTS, *samples, "entre cinq et dix jours", "三到五个工作日", "in 3-5 Werktagen"]:
        source = TextView(text).norm
        present = lex.present(source)
        for gate in alternations:
            whole = [m.span() for m in gate.regex.finditer(source)]
            assert [m.span() for m in gate.narrow(present).finditer(source)] == whole
            assert gate.narrow(None) is gate.regex


def test_a_text_with_few_cues_is_searched_with_their_branches_only() -> None:
    lex = lexicon.lexicon()
    source = TextView("We will never ask for it.").norm
    narrowed = lex.negation_cues.narrow(lex.present(source))
    assert narrowed is not lex.negation_cues.regex
    assert len(narrowed.pattern) < len(lex.negation_cues.source) / 4
    assert narrowed.search(source) is not None
    assert lex.negation_cues.narrow(lex.present("hello")).search("hello") is None


def _unpacked(dispatch: dict[str, Any]) -> dict[str, Any]:
    """A kept plan's rules (marshal bytes, ``plan.packed``) as the plan built them."""
    return {r: marshal.loads(g) if isinstance(g, bytes) else g for r, g in dispatch.items()}


def test_plan_cache_is_keyed_by_the_data() -> None:
    files = packaged_files()
    changed = dict(files, **{"en.toml": files["en.toml"] + b"\n# edited\n"})
    assert cache_key(files) != cache_key(changed)
    assert cache_key(files) == cache_key(dict(files))
    fresh = build_plan(files)
    assert fresh["dispatch"] == _unpacked(plan()["dispatch"])
    assert fresh["literals"] == plan()["literals"]
    assert fresh["abuse_words"] == plan()["abuse_words"]


USPS = "9400111899223197428490"


def _order(numbers: list[str], state: str = "SHIPPED") -> dict[str, object]:
    return {
        "id": "5f1a2b3c4d5e6f7a8b9c0d1e",
        "state": state,
        "expected_delivery_at": "2025-12-20T00:00:00Z",
        "tracking_numbers": numbers,
    }


def _rules(text: str, numbers: list[str]) -> set[str]:
    return {f.rule for f in lint(text, orders=(order(_order(numbers)),), now=NOW)}


@pytest.mark.parametrize(
    ("number", "text"),
    [
        (USPS, f"Your USPS tracking number is {USPS}."),
        (USPS, "Tracking: 9400 1118 9922 3197 4284 90 on usps.com"),
        (USPS, "Tracking 9400-1118-9922-3197-4284-90, it is on its way."),
        (USPS, f"Your parcel {USPS} is on its way."),
        ("9205590164917312751089", "USPS 9205 5901 6491 7312 7510 89"),
        ("9361289878700317633795", "tracking 9361289878700317633795"),
        ("1Z999AA10123456784", "UPS tracking 1Z999AA10123456784"),
        ("1z999aa10123456784", "UPS tracking 1Z999AA10123456784"),
        ("123456789012", "FedEx tracking number 1234 5678 9012"),
        ("020207021381215", "FedEx tracking 020207021381215"),
        ("1234567890", "DHL tracking: 1234567890"),
        ("LZ123456789CN", "China Post tracking LZ123456789CN"),
        ("YT2212345678901234", "YunExpress tracking YT2212345678901234"),
    ],
)
def test_the_orders_own_tracking_number_never_fires(number: str, text: str) -> None:
    found = _rules(text, [number])
    assert not found & {"truth.tracking", "contact.off-platform", "payment.details-shared"}
    assert "truth.tracking" in _rules(text, ["LX000000000CN"])


def test_a_usps_number_is_read_whole() -> None:
    findings = lint(f"Tracking number {USPS[:-1]}1", orders=(order(_order([USPS])),), now=NOW)
    tracking = [f for f in findings if f.rule == "truth.tracking"]
    assert [f.match for f in tracking] == [f"{USPS[:-1]}1"]


UNSHIPPED = _order([], state="APPROVED")


@pytest.mark.parametrize(
    "text",
    [
        "We can't ship today, but it will arrive in 20 days.",
        "No podemos enviarlo hoy, pero llegará en 10 días.",
        "Nous ne pouvons pas l'expédier aujourd'hui, mais il arrivera dans 10 jours.",
        "Wir können heute nicht versenden, aber es kommt in 10 Tagen an.",
        "Não podemos enviar hoje, mas chegará em 10 dias.",
        "Non possiamo spedire oggi, ma arriverà entro 10 giorni.",
        "我们今天不能发货，但是10天内送达。",
    ],
)
def test_negation_stops_at_but(text: str) -> None:
    assert "truth.eta" in {f.rule for f in lint(text, orders=(order(UNSHIPPED),), now=NOW)}


@pytest.mark.parametrize(
    "text",
    [
        "We cannot promise it will arrive by Friday.",
        "We can't ship today, but it will arrive in 30 days.",
        "No podemos garantizar que llegue en 2 días.",
    ],
)
def test_negated_or_later_promises_stay_clean(text: str) -> None:
    assert "truth.eta" not in {f.rule for f in lint(text, orders=(order(UNSHIPPED),), now=NOW)}


def test_business_days_jump_whole_weeks_like_a_walk_day_by_day() -> None:
    from datetime import date, timedelta

    from wishdesk.domain.policy.eta import _add_business_days

    def walk(start: date, days: int) -> date:
        current = start
        while days > 0:
            current += timedelta(days=1)
            if current.weekday() < 5:
                days -= 1
        return current

    for offset in range(7):  # every weekday to start from, a Saturday and a Sunday too
        start = date(2026, 11, 30) + timedelta(days=offset)
        for days in range(-1, 60):
            assert _add_business_days(start, days) == walk(start, days), (start, days)
