"""``truth.tracking``: shipping claims on an order with no tracking, and tracking numbers that
are not the order's, in every language and the common carrier formats."""

from __future__ import annotations

import pytest
from policy_helpers import NOW

from wishdesk.domain.models import OrderFacts
from wishdesk.domain.policy import lint

UNSHIPPED = OrderFacts(id="5f1a2b3c4d5e6f7a8b9c0d1f", state="APPROVED", tracking_numbers=())
SHIPPED = OrderFacts(
    id="5f1a2b3c4d5e6f7a8b9c0d1e", state="SHIPPED", tracking_numbers=("LX123456789CN",)
)


def rules_of(text: str, order: OrderFacts) -> set[str]:
    return {f.rule for f in lint(text, orders=[order], now=NOW) if f.is_error}


CLAIMS = [
    # claim on an order with no tracking, negated, look-alike (future or condition)
    (
        "Your order shipped today.",
        "Your order has not shipped yet.",
        "Once your order has shipped, you will get a tracking number.",
    ),
    ("Good news, it's out for delivery!", "It is not out for delivery yet.", ""),
    ("您的订单已发货。", "您的订单还没有发货。", "订单发货后我们会通知您。"),
    ("包裹已经出库了。", "包裹还没有出库。", "一旦发货，我们会通知您。"),
    ("您的訂單已發貨。", "您的訂單還沒有發貨。", "訂單發貨後我們會通知您。"),
    ("您的包裹正在運輸中。", "您的包裹還沒有出庫。", ""),
    (
        "Votre commande est expédiée.",
        "Votre commande n'a pas encore été expédiée.",
        "Votre commande est expédiée sous 48 heures.",
    ),
    (
        "Wir haben Ihr Paket gestern verschickt.",
        "Wir haben Ihr Paket noch nicht verschickt.",
        "Sobald Ihr Paket versandt wurde, schreiben wir Ihnen.",
    ),
    (
        "Ya enviamos su pedido.",
        "Su pedido aún no ha sido enviado.",
        "Le avisaremos en cuanto se haya enviado su pedido.",
    ),
    ("Su pedido está en reparto.", "Su pedido no está en reparto todavía.", ""),
    (
        "A encomenda saiu para entrega.",
        "A encomenda ainda não saiu para entrega.",
        "Assim que o pedido for enviado, avisaremos.",
    ),
    (
        "Il pacco è partito ieri.",
        "Il pacco non è ancora partito.",
        "Appena il pacco sarà spedito, le scriveremo.",
    ),
]


@pytest.mark.parametrize(("claim", "negated", "lookalike"), CLAIMS)
def test_shipping_claims(claim: str, negated: str, lookalike: str) -> None:
    assert rules_of(claim, UNSHIPPED) == {"truth.tracking"}, claim
    assert not rules_of(claim, SHIPPED), claim  # true of a shipped order
    for clean in (negated, lookalike):
        if clean:
            assert not rules_of(clean, UNSHIPPED), clean


@pytest.mark.parametrize(
    "text",
    [
        "Tracking: 1Z999AA10123456784",  # UPS
        "Tracking: 9400111899223197428490",  # USPS
        "Tracking: LP00123456789012",  # Cainiao
        "Tracking: UJ123456789YP",  # UPU S10
        "Tracking number 4PX3001234567890CN",  # 4PX
        "Su envío YW123456789CN va bien.",  # Yanwen, no keyword needed
        "Sendung CNGZS12345678901 unterwegs.",  # Cainiao CN...
        "运单号：YT2433112345678901",  # YunExpress
        "Número de seguimiento: RR123456789ES",
        "Numéro de suivi : 1234567890",  # digits after a keyword (DHL)
    ],
)
def test_tracking_numbers_that_are_not_the_orders(text: str) -> None:
    assert "truth.tracking" in rules_of(text, SHIPPED), text
    assert "truth.tracking" in rules_of(text, UNSHIPPED), text


@pytest.mark.parametrize(
    "text",
    [
        "Your tracking number is LX123456789CN.",
        "Tracking: lx 123 456 789 cn",
        "Order 12345678901 confirmed.",  # a number without a tracking keyword
        "The price is 45.00 EUR for 2 items.",
    ],
)
def test_the_orders_own_number_and_look_alikes(text: str) -> None:
    assert not rules_of(text, SHIPPED), text
