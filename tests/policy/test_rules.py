"""One positive, one negated and one look-alike case per rule (and the engine's contract)."""

from __future__ import annotations

from datetime import datetime

import pytest
from policy_helpers import NOW, order

from wishdesk.domain.models import OrderFacts
from wishdesk.domain.policy import Finding, lint
from wishdesk.domain.policy.validators import iban_ok, looks_like_card, luhn_ok

SHIPPED = {
    "id": "5f1a2b3c4d5e6f7a8b9c0d1e",
    "state": "SHIPPED",
    "expected_delivery_at": "2025-12-15T00:00:00Z",
    "tracking_numbers": ["LX123456789CN"],
}
UNSHIPPED = {
    "id": "5f1a2b3c4d5e6f7a8b9c0d1f",
    "state": "APPROVED",
    "expected_delivery_at": "2025-12-15T00:00:00Z",
    "tracking_numbers": [],
}


def rules_of(text: str, orders: tuple[OrderFacts, ...] = (), now: datetime = NOW) -> set[str]:
    return {f.rule for f in lint(text, orders=orders, now=now)}


CASES = [
    # rule, positive, negated / reassurance, look-alike
    (
        "payment.account-request",
        "Kindly share your PayPal email with us.",
        "We will never ask for your PayPal email.",
        "Your refund goes back to your PayPal through Wish.",
    ),
    (
        "payment.off-platform",
        "Please pay the difference by bank transfer.",
        "Please do not pay anyone outside Wish.",
        "The payment was accepted by Wish.",
    ),
    (
        "payment.details-shared",
        "Card: 4539 1488 0343 6467",
        "Never share a card number.",
        "Order 4539 1488 0343 6468 is ready.",
    ),
    (
        "contact.off-platform",
        "Email me at shop.owner@gmail.com",
        "We cannot talk on WhatsApp, please keep writing here.",
        "Track it on https://www.usps.com",
    ),
    (
        "respect.abuse",
        "You are such an idiot.",
        "Shit happens, sorry!",
        "Scunthorpe class dumbbell",
    ),
    (
        "respect.tone",
        "As I already told you, read the description first.",
        "It's not your fault.",
        "We have already shipped the replacement.",
    ),
    ("format.placeholder", "Hello {{buyer_name}}!", "Hello <b>Anna</b>!", "Sizes {S, M, L}"),
]


@pytest.mark.parametrize(("rule", "positive", "negated", "lookalike"), CASES)
def test_rule_cases(rule: str, positive: str, negated: str, lookalike: str) -> None:
    assert rule in rules_of(positive)
    if rule != "respect.abuse":  # profanity is not cancelled by a negation
        assert rule not in rules_of(negated)
    assert rule not in rules_of(lookalike)


def test_format_empty_and_length() -> None:
    assert rules_of("") == {"format.empty"}
    assert rules_of(" \n\u200b ") == {"format.empty"}
    long = "Thank you for your order. " * 80
    found = [f for f in lint(long, now=NOW) if f.rule == "format.length"]
    assert found and found[0].span == (2000, len(long))
    assert "format.length" not in rules_of("x" * 2000)


def test_truth_eta_compares_with_the_order() -> None:
    orders = (order(SHIPPED),)
    assert "truth.eta" in rules_of("It will arrive tomorrow.", orders)
    assert "truth.eta" not in rules_of("It will arrive by December 20.", orders)
    assert "truth.eta" not in rules_of("It will arrive by December 15.", orders)  # equal is fine
    assert "truth.eta" in rules_of("It will arrive by December 14.", orders)
    assert "truth.eta" not in rules_of("If it has not arrived within 3 days, tell us.", orders)
    assert "truth.eta" not in rules_of("We shipped it 3 days ago.", orders)
    assert rules_of("It will arrive tomorrow.") == {"truth.eta-unverified"}
    finding = next(f for f in lint("Arrives in 2 days.", orders=orders, now=NOW))
    assert finding.overridable and finding.severity == "error"


@pytest.mark.parametrize(
    "text",
    [
        "It will be delivered by December 5.",
        "It arrives within 3 days.",
        "It arrives tomorrow.",
        "You will receive it next week.",
        "Llegará en 2 días.",
        "Il arrivera demain.",
        "三天内送达。",
        "Es wird bis Freitag zugestellt.",
        "Arriverà entro 3 giorni.",
        "Chegará em 5 dias úteis.",
        "Delivered by Friday.",
        "It arrives on 12/03.",
    ],
)
def test_eta_phrases_in_every_language(text: str) -> None:
    assert "truth.eta-unverified" in rules_of(text)


def test_truth_tracking() -> None:
    assert "truth.tracking" in rules_of("Your order has been shipped.", (order(UNSHIPPED),))
    assert "truth.tracking" not in rules_of("Your order has been shipped.", (order(SHIPPED),))
    assert "truth.tracking" not in rules_of(
        "Your order has not been shipped yet.", (order(UNSHIPPED),)
    )
    assert "truth.tracking" in rules_of("Tracking number: LX999999999CN", (order(SHIPPED),))
    assert "truth.tracking" not in rules_of("Tracking number: LX123456789CN", (order(SHIPPED),))
    assert "truth.tracking" not in rules_of("Your order has been shipped.")  # no context


def test_spans_point_into_the_original_text() -> None:
    text = "Ｗｅ　ｌｏｖｅ　ｙｏｕ，ｐａｙ　ｕｓ　ｖｉａ　ＰａｙＰａｌ"
    finding = next(f for f in lint(text, now=NOW) if f.rule == "payment.off-platform")
    assert text[finding.span[0] : finding.span[1]] == finding.match
    assert finding.match.endswith("ＰａｙＰａｌ")
    text = "Hi!\nWrite to john (at) gmail (dot) com today"
    finding = next(f for f in lint(text, now=NOW) if f.rule == "contact.off-platform")
    assert finding.match == "john (at) gmail (dot) com"
    assert (finding.line, finding.column) == (2, 10)


def test_obfuscations() -> None:
    assert "payment.off-platform" in rules_of("pay us via p a y p a l")
    assert "payment.details-shared" in rules_of("send it to paypal dot me/shop88")
    assert "contact.off-platform" in rules_of("call 4 1 5 5 5 5 0 1 9 9")
    assert "respect.abuse" in rules_of("you are a f*cking 1d10t")


@pytest.mark.parametrize(
    "text",
    [
        "Order 5f1a2b3c4d5e6f7a8b9c0d1e",
        "Tracking 9400111899223817392044 on usps.com",
        "Delivered on 2025-11-20",
        "Price: $1,299.00",
        "Size EU 42",
        "Call 20.11.2025",
        "Sizes 38 40 42 44 46",
    ],
)
def test_numbers_that_are_not_phones(text: str) -> None:
    assert "contact.off-platform" not in rules_of(text)


def test_validators() -> None:
    assert luhn_ok("4539148803436467") and not luhn_ok("4539148803436468")
    assert looks_like_card("4539148803436467") and not looks_like_card("0000000000000000")
    lengths = {"DE": 22, "GB": 22}
    assert iban_ok("DE89370400440532013000", lengths)
    assert not iban_ok("DE89370400440532013001", lengths)
    assert "payment.details-shared" in rules_of("IBAN GB82 WEST 1234 5698 7654 32")
    assert "payment.details-shared" not in rules_of("IBAN GB82 WEST 1234 5698 7654 33")


def test_finding_to_dict() -> None:
    finding = lint("Message me on WhatsApp", now=NOW)[0]
    data = finding.to_dict()
    assert data["span"] == [0, 22] and data["rule"] == "contact.off-platform"
    assert set(data) == {
        "rule",
        "severity",
        "message",
        "explanation",
        "match",
        "span",
        "line",
        "column",
        "suggestion",
        "overridable",
    }
    bare = Finding("x.y", "warning", "m", "e", "a", (0, 1), 1, 1)
    assert "suggestion" not in bare.to_dict()


def test_findings_sorted_by_span() -> None:
    found = lint("Idiot! Call +44 7700 900123 or WhatsApp. {name}", now=NOW)
    assert [f.span for f in found] == sorted(f.span for f in found)
    assert len(found) >= 4
