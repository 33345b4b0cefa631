"""Negation, subject-over-body weighting, typos, mixed languages and thresholds."""

from __future__ import annotations

import pytest

from wishdesk.domain.reasons import Classification, classify


def reason(subject: str, body: str) -> str:
    return classify(subject, body).reason


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("not damaged, just want to change the size", "change-variant"),
        ("No está dañado, solo quiero otra talla", "change-variant"),
        ("ce n'est pas cassé, je veux juste une autre couleur", "change-variant"),
        ("Nicht kaputt, ich möchte nur eine andere Größe", "change-variant"),
        ("没坏，就是想换个颜色", "change-variant"),
    ],
)
def test_negated_damage_does_not_count(body: str, expected: str) -> None:
    assert reason("", body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "I don't want a refund, where is my package?",
        "no quiero reembolso, dónde está mi pedido?",
        "je ne veux pas de remboursement, où est ma commande ?",
        "non voglio il rimborso, dov'è il mio ordine?",
        "我不要退款，我的订单在哪里",
    ],
)
def test_negated_refund_is_not_return_refund(body: str) -> None:
    assert reason("", body) == "order-status"


def test_without_the_negation_it_is_a_refund() -> None:
    assert reason("", "I want a refund") == "return-refund"
    assert reason("", "no he recibido mi reembolso") == "return-refund"  # "no" is blocked


def test_subject_outweighs_body() -> None:
    body = "send me the tracking number please"
    assert reason("", body) == "shipping-eta"
    assert reason("Refund", body) == "return-refund"
    assert reason("Wrong address", "when will it arrive?") == "change-address"


def test_generic_subject_adds_nothing() -> None:
    body = "the mug arrived broken"
    assert classify("Help", body) == classify("", body)
    assert classify("Order #1234", body).reason == "damaged-missing"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("i need to fix my adress", "change-address"),
        ("I want a refound", "return-refund"),
        ("trackin number pls", "shipping-eta"),
        ("never recieved my package", "order-status"),
        ("quiero otro tamano", "change-variant"),
        ("quiero otro tamaño", "change-variant"),
        ("ＲＥＦＵＮＤ please", "return-refund"),
        ("GRÖSSE ändern bitte", "change-variant"),
    ],
)
def test_typos_case_accents_and_width(body: str, expected: str) -> None:
    assert reason("", body) == expected


def test_languages_can_be_mixed() -> None:
    assert reason("Hola", "my package llegó roto") == "damaged-missing"
    assert reason("", "quiero cambiar la address") == "change-address"


def test_no_evidence_is_other_with_low_confidence() -> None:
    result = classify("", "ok")
    assert result == Classification("other", 0.3, "text")


def test_weak_lone_cue_falls_below_the_threshold() -> None:
    # "thanks" alone is weak evidence of "other"; a lone colour word is too weak to decide.
    assert reason("", "blue") == "other"


def test_confidence_grows_with_evidence() -> None:
    one = classify("", "refund")
    many = classify("Refund", "I want my money back, please refund me")
    assert one.reason == many.reason == "return-refund"
    assert 0 < one.confidence < many.confidence <= 1
