"""format.placeholder across the template syntaxes shops use: each slot left unfilled is an
error, and the look-alikes (percentages, braces in prose) stay clean."""

from __future__ import annotations

import pytest
from policy_helpers import NOW

from wishdesk.domain.policy import lint


def placeholder(text: str) -> bool:
    return "format.placeholder" in {f.rule for f in lint(text, now=NOW)}


@pytest.mark.parametrize(
    "text",
    [
        "Vielen Dank für Ihre Bestellung bei %store_name.",  # Magento named slot
        "Vous avez ajouté %1 à votre panier.",  # Magento / Qt positional slot
        "Querido %customer_name%, gracias.",  # %name% slot
        "Il tuo codice è {$GIFT_CODE}.",  # Smarty
        "Seu pedido {} foi enviado.",  # an empty format slot
        "退款将在[数字x]个工作日内到账",  # an anonymised slot pasted from a template
    ],
)
def test_an_unfilled_slot_is_an_error(text: str) -> None:
    assert placeholder(text)


@pytest.mark.parametrize(
    "text",
    [
        "Get 10% off your next order, 100% cotton.",
        "We refund 50 % of the price, or 15%-20% as a coupon.",
        "Sizes { S, M } are back in stock.",
        "订单[已发货]，请查收",  # brackets in prose, no slot marker
        "Use code SAVE20%OFF at checkout",
    ],
)
def test_percentages_and_braces_in_prose_are_not_slots(text: str) -> None:
    assert not placeholder(text)
