"""Payment cues of the fourth es/fr/en pass (lint-esfren4), made on the misses of dev fold a:
a telecom's "link de pagos" (es), the smishing "if this be not you, please follow our secure
link and unlock your account" (en: the "not you" is no negation of the request, also when a
link directive stands between it and the verb), "vérifiez que les coordonnées de votre carte
ont été saisies correctement" (fr: checking one's own entry, not giving data), "nous acceptons
aussi / également les paiements par Lydia" (fr: a statement of accepted methods; the guard of
common.toml knew only "nous acceptons les paiements par"), and a directive to visit a bare
address the link finder does not read ("para cancelar visite byt.lat/ ax.php").
For each: the positive, the negated or reassuring form, and a harmless look-alike."""

from __future__ import annotations

import pytest
from policy_helpers import check_cue

OFF, ASKS = "payment.off-platform", "payment.account-request"
CONTACT = "contact.off-platform"

CASES = [
    # a payment link named as such ("link de pagos", beside "enlace de pago")
    (
        OFF,
        "Ahora puedes pagar tus servicios en nuestro nuevo link de pagos de forma fácil.",
        "Nunca te enviaremos un link de pagos: el pago solo se hace en Wish.",
        "El link de seguimiento de su pedido está en la página del pedido.",
    ),
    # "if this be not you, please follow our secure link and unlock your account"
    (
        ASKS,
        (
            "PayPal: a new device signed into your account. If this was not you, please "
            "follow our secure link and unlock your account now."
        ),
        "PayPal will never ask you to follow a link and unlock your account.",
        "If this was not you, please follow the tracking link and check the order on Wish.",
    ),
    # fr: checking that one's own card details were typed correctly asks for no data
    (
        ASKS,
        "Vérifiez les coordonnées de votre carte bancaire en cliquant ici.",
        "Nous ne vous demanderons jamais de vérifier votre carte bancaire.",
        "Vérifiez que les coordonnées de votre carte ont été saisies correctement.",
    ),
    # fr: a statement of accepted methods with "aussi" / "également"
    (
        OFF,
        "Envoyez le paiement par Lydia à mon numéro.",
        "N'envoyez jamais de paiement par Lydia : tout se règle sur Wish.",
        "Nous acceptons aussi les paiements par Lydia.",
    ),
    (
        OFF,
        (
            "Nous acceptons aussi les paiements par Lydia, "
            "envoyez le paiement par virement sur ce lien."
        ),
        "Nous ne demandons jamais de paiement par virement.",
        "Bonjour, nous acceptons également les paiements par Lydia et PayPal.",
    ),
    # es: "visite <bare address>/" the link finder does not read
    (
        CONTACT,
        "Para cancelar el cargo a su tarjeta visite byt.lat/ ax.php",
        "Nunca visite byt.lat/ ax.php: es una estafa.",
        "Visita wish.com/ para ver tu pedido.",
    ),
]


@pytest.mark.parametrize(("rule", "positive", "negated", "lookalike"), CASES)
def test_es_fr_en_cue_fourth(rule: str, positive: str, negated: str, lookalike: str) -> None:
    check_cue(rule, positive, negated, lookalike)
