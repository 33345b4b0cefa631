"""What must not be taken for a reason: look-alike words, typo folding's limits, praise,
a confirmation e-mail, a missing tracking number (all written for these tests)."""

from __future__ import annotations

import pytest

from wishdesk.domain.reasons import classify
from wishdesk.domain.reasons.fuzzy import TypoFolder
from wishdesk.domain.reasons.lexicon import lexicon


def reason(body: str, subject: str = "") -> str:
    return classify(subject, body).reason


@pytest.mark.parametrize(
    ("body", "not_expected"),
    [
        ("is there a cancellation fee?", "remove-item"),  # a question, not a cancel request
        ("how much does it cost to cancel?", "remove-item"),
        ("I need to update my email address", "change-address"),
        ("mi dirección de correo electrónico cambió", "change-address"),
        ("mon adresse e-mail a changé", "change-address"),
        ("I love shopping here", "shipping-eta"),  # one letter from "shipping"
        ("he is an expert", "shipping-eta"),
        ("the cancer charity shop", "remove-item"),
        ("arrived before the deadline, great seller", "shipping-eta"),
        ("chegou antes do prazo, recomendo", "shipping-eta"),
        ("Processo de compra tranquilo", "order-status"),
    ],
)
def test_look_alikes_are_not_taken_for_the_reason(body: str, not_expected: str) -> None:
    assert reason(body) != not_expected


@pytest.mark.parametrize(
    ("token", "read_as"),
    [
        ("cancdling", "canceling"),  # a letter changed
        ("casnceling", "canceling"),  # a letter added
        ("refnd", "refund"),  # a letter dropped
        ("refnud", "refund"),  # two letters swapped
        ("create", "create"),  # two edits from "rebate": not a typo of it
        ("cancer", "cancer"),  # a real word, kept
        ("parce", "parce"),  # French "parce que", not "parcel"
        ("shopping", "shopping"),  # "shipping" is not a key word
        ("arrives", "arrives"),  # a form the cues know (arriv*)
        ("trak", "trak"),  # too short to tell
    ],
)
def test_typo_folding(token: str, read_as: str) -> None:
    assert TypoFolder(lexicon()).fold(token) == read_as


@pytest.mark.parametrize(
    "body",
    [
        "great seller, highly recommend",
        "llegó antes de lo previsto, lo recomiendo",
        "arrivé rapidement, je recommande",
        "schnell geliefert, empfehlenswert",
        "chegou antes do prazo, recomendo",
        "ottimo venditore, consiglio",
        "东西不错，物流给力，点赞",
    ],
)
def test_praise_is_other(body: str) -> None:
    assert reason(body) == "other"


def test_praise_does_not_hide_a_request() -> None:
    assert reason("我很满意，但是请帮我改一下收货地址") == "change-address"
    assert reason("great seller, but please send it to my new address") == "change-address"
    assert reason("不满意，我要退货") == "return-refund"  # "not satisfied" is no praise


def test_wrong_address_is_not_a_wrong_item() -> None:
    assert reason("la dirección de entrega está equivocada") == "change-address"


@pytest.mark.parametrize("body", ["物流很快，包装完好", "发货快，好评"])
def test_praise_of_the_delivery_is_other(body: str) -> None:
    assert reason(body) == "other"


def test_a_delivery_question_is_still_one() -> None:
    assert reason("物流信息在哪里看") != "other"
    assert reason("查询物流") == "shipping-eta"


@pytest.mark.parametrize(
    "body",
    [
        "I didn't get a confirmation email",
        "No me llegó el correo de confirmación",
        "Je n'ai pas reçu le mail de confirmation",
        "Ich habe keine Bestellbestätigung erhalten",
        "não recebi o email de confirmação",
        "non ho ricevuto la mail di conferma",
    ],
)
def test_a_missing_confirmation_email_is_not_a_missing_parcel(body: str) -> None:
    assert reason(body) == "other"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Trackingnummer fehlt", "shipping-eta"),
        ("the tracking number is missing", "shipping-eta"),
        ("Rückerstattung noch nicht erhalten", "return-refund"),
        ("开机没反应", "damaged-missing"),
        ("东西是假的", "return-refund"),
        ("Die Schuhe sind zu klein, ich möchte eine größere Größe", "change-variant"),
    ],
)
def test_missing_tracking_refund_not_received_and_fakes(body: str, expected: str) -> None:
    assert reason(body) == expected
