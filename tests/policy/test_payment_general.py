"""General payment patterns in every language: a request to verify, update or unblock near a
bank, card or PIN word (in either order); debts, bills and "pay now"; an unpaid fee said in
other words; contact through a masked number or a helpline. For each: the positive, the negated
or reassuring form, and a harmless look-alike. A generic account ("update your data", "your
account is suspended") is not a payment request."""

from __future__ import annotations

import pytest
from policy_helpers import error_rules

OFF = "payment.off-platform"
ASKS = "payment.account-request"


CASES = [
    # a bank or card word, then the request
    (
        ASKS,
        "Security alert from your bank: to keep using the card, unblock it today.",
        "Your bank will never ask you to unblock a card by message.",
        "The card holder colour is out of stock; we will update you next week.",
    ),
    (
        ASKS,
        "Hemos detectado cargos no autorizados en su tarjeta, debe verificarla hoy mismo.",
        "Nunca le pediremos que verifique su tarjeta por mensaje.",
        "La tarjeta de visita va con el pedido; verifique la talla.",
    ),
    (
        ASKS,
        "Des opérations suspectes ont eu lieu sur votre carte bancaire, merci de la débloquer.",
        "Nous ne vous demanderons jamais de débloquer votre carte bancaire.",
        "La carte postale est dans le colis ; vérifiez votre boîte aux lettres.",
    ),
    (
        ASKS,
        "Ihre Kreditkarte ist eingeschränkt. Bitte jetzt online entsperren.",
        "Wir werden Sie niemals bitten, Ihre Kreditkarte zu entsperren.",
        "Die Grußkarte liegt dem Paket bei; bitte Lieferadresse aktualisieren.",
    ),
    (
        ASKS,
        "O seu cartão de crédito foi bloqueado por segurança, desbloqueie já no portal.",
        "Nunca pedimos para desbloquear o seu cartão de crédito.",
        "O cartão de embarque foi enviado; atualize o endereço de entrega.",
    ),
    (
        ASKS,
        "Abbiamo notato addebiti sospetti sulla sua carta di credito: la riattivi subito.",
        "Non le chiederemo mai di riattivare la sua carta di credito.",
        "La carta d'imbarco è allegata; verifichi la taglia prima della spedizione.",
    ),
    (
        ASKS,
        "您的银行卡存在风险，请立即点击验证。",
        "我们不会要求您验证银行卡。",
        "商品已发货，请验证收货地址。",
    ),
    # the request, then the bank word
    (
        ASKS,
        "Please update the details of your online banking before Friday.",
        "We never ask you to update your online banking details.",
        "Please update us on the colour you prefer.",
    ),
    (
        ASKS,
        "Bitte aktualisieren Sie jetzt die Angaben zu Ihrem Girokonto.",
        "Wir fordern Sie niemals auf, Angaben zu Ihrem Girokonto zu aktualisieren.",
        "Bitte aktualisieren Sie die Lieferadresse Ihrer Bestellung.",
    ),
    # a generic account, no payment side: not a payment request
    (None, "Your streaming account is suspended, update your information here.", "", ""),
    (None, "Actualice sus datos personales para seguir usando la aplicación.", "", ""),
    (None, "Ihr Konto wurde aktualisiert.", "", ""),
    # a debt, a bill, an instalment to pay
    (
        OFF,
        "You still have an outstanding debt: pay it today to avoid a court order.",
        "You have no debt to pay: Wish has settled everything.",
        "We will pay the difference in shipping ourselves.",
    ),
    (
        OFF,
        "Tiene una deuda pendiente; pague ahora para evitar recargos.",
        "No tiene ninguna deuda pendiente.",
        "Le pagaremos el envío de vuelta.",
    ),
    (
        OFF,
        "Vous avez une facture impayée : réglez votre dette en ligne.",
        "Vous n'avez aucune dette à régler.",
        "Nous réglons les frais de retour.",
    ),
    (
        OFF,
        "Sie haben eine offene Rechnung. Zahlen Sie sofort, um Mahngebühren zu vermeiden.",
        "Sie müssen keine Rechnung bezahlen.",
        "Wir zahlen die Rücksendung.",
    ),
    (
        OFF,
        "A sua fatura em atraso precisa ser regularizada: pague agora pelo portal.",
        "Não há nenhuma fatura em atraso.",
        "Nós pagamos o frete de devolução.",
    ),
    (
        OFF,
        "Risulta una rata scaduta sul suo finanziamento: paghi subito online.",
        "Non risulta alcuna rata scaduta.",
        "Paghiamo noi la spedizione del reso.",
    ),
    (
        OFF,
        "您有一笔欠费未处理，请尽快缴费。",
        "您没有任何欠费，无需缴费。",
        "运费由我们承担。",
    ),
    # a payment still to make, or an imperative to pay an amount
    (
        OFF,
        "Your parcel is waiting: complete the pending payment to book a new slot.",
        "There is no pending payment: you do not need to complete anything.",
        "Your payment was received by Wish.",
    ),
    (
        OFF,
        "Su envío está pendiente de pago; abone 2,49 € para recibirlo.",
        "Su envío no está pendiente de pago.",
        "Le abonamos 2,49 € en su cuenta de Wish.",
    ),
    (
        OFF,
        "Votre colis est en attente de paiement : payez 1,99 € pour le recevoir.",
        "Votre colis n'est pas en attente de paiement.",
        "Votre colis est en attente de livraison.",
    ),
    (
        OFF,
        "Die Zahlung ist noch ausstehend, bitte überweisen Sie 3,50 EUR.",
        "Es ist keine Zahlung ausstehend.",
        "Wir überweisen Ihnen 3,50 EUR zurück.",
    ),
    (
        OFF,
        "A sua encomenda aguarda pagamento: pague 2,99 € para a receber.",
        "A sua encomenda não aguarda pagamento.",
        "Nós vamos pagar 2,99 € pelo reenvio.",
    ),
    (
        OFF,
        "Il pacco è in attesa di pagamento: paghi 1,99 € per la consegna.",
        "Il pacco non è in attesa di pagamento.",
        "Il pacco è in attesa di consegna.",
    ),
    (
        OFF,
        "您的包裹有待支付的费用，请支付15元。",
        "您的包裹没有待支付的费用。",
        "我们已支付15元运费。",
    ),
    # a word of paying followed by a link of the kind scams use
    (
        OFF,
        "Customs clearance for your parcel: http //parcel-check.info/abc",
        "There is no customs fee on this order: http //parcel-check.info/abc",
        "Customs cleared; track it at https://t.17track.net/en#nums=LX123456789CN",
    ),
    (
        OFF,
        "Zollgebühr für Ihre Sendung: bit.ly/3xYzAbc",
        "Für Ihre Sendung fällt keine Zollgebühr an.",
        "Ihre Sendung ist verzollt, Verfolgung unter https://www.dhl.de/de/privatkunden.html",
    ),
    # a fee said to be missing or pending, in other words
    (
        OFF,
        "Su envío está retenido: la tasa de importación sigue pendiente.",
        "",
        "Su envío está en camino.",
    ),
    (
        OFF,
        "A encomenda ficou retida no centro por taxas de envio em falta.",
        "Não há taxas de envio em falta.",
        "A encomenda ficou retida no centro por causa do feriado.",
    ),
    (
        OFF,
        "Ihr Paket ist in Zustellung, bitte jetzt bezahlen über den Link.",
        "Sie müssen nichts bezahlen.",
        "Ihr Paket ist in Zustellung.",
    ),
]


@pytest.mark.parametrize(("rule", "positive", "negated", "lookalike"), CASES)
def test_pattern(rule: str | None, positive: str, negated: str, lookalike: str) -> None:
    found = error_rules(positive)
    if rule is None:
        assert not found & {ASKS, OFF}, positive
        return
    assert rule in found, positive
    for clean in (negated, lookalike):
        if clean:
            assert not error_rules(clean) & {ASKS, OFF}, clean


@pytest.mark.parametrize(
    "text",
    [
        # "no" as Portuguese "in the", "não registado" as a state: not negations
        "O seu cartão foi desativado, telemóvel não registado no sistema, ative agora o cartão.",
        # a fee that "nobody paid" in other words
        "Su paquete no pudo entregarse porque no se pagaron las tasas aduaneras.",
        "Nous avons essayé de livrer le colis mais il n'y a aucun affranchissement : payez ici.",
    ],
)
def test_phrases_that_are_not_negations(text: str) -> None:
    assert error_rules(text) & {ASKS, OFF}, text


@pytest.mark.parametrize(
    "text",
    [
        "Si no solicitaste restablecer tu contraseña, ignora este correo.",
        "Si vous n'avez pas demandé à changer votre mot de passe, ignorez ce message.",
        "最近有一个请求要更改您的帐户密码。",
        "We will keep you updated about your refund to the card.",
    ],
)
def test_reassurances_stay_clean(text: str) -> None:
    assert not error_rules(text) & {ASKS, OFF}, text


CONTACT = "contact.off-platform"


@pytest.mark.parametrize(
    ("positive", "negated", "lookalike"),
    [
        # a number the sender masked: the directive to call remains
        (
            "For the prize, call us on XXXXXXXXXX today.",
            "Never call anyone on XXXXXXXXXX about your order.",
            "The size XXL is back in stock.",
        ),
        (
            "Contact our helpline for the refund.",
            "You do not need to contact any helpline.",
            "The help page explains the refund.",
        ),
        ("您已中奖，请速来联系领取。", "请勿联系陌生人领取奖品。", "识别码已更新，请查收。"),
        # "that's not all" and "we could not reach you" are not negations of the call
        ("Y eso no es todo: llama gratis al XXX.", "", ""),
        ("Wir konnten Sie nicht erreichen. Bitte rufen Sie uns an unter XXX XXX XX XX.", "", ""),
    ],
)
def test_contact_pattern(positive: str, negated: str, lookalike: str) -> None:
    assert CONTACT in error_rules(positive), positive
    for clean in (negated, lookalike):
        if clean:
            assert CONTACT not in error_rules(clean), clean


def test_a_condition_on_authorising_is_not_a_negation_of_the_contact() -> None:
    for text in (
        "Si usted no ha autorizado esta operación, contáctenos inmediatamente por teléfono.",
        "Se não autorizou esta operação, contacte-nos imediatamente através do email da loja.",
        "Wenn Sie diese Zahlung nicht veranlasst haben, kontaktieren Sie uns sofort unter unserer "
        "Telefonnummer.",
    ):
        assert CONTACT in error_rules(text), text


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Please send me your PayPal email, YOU NEVER READ THE LISTING", "payment.account-request"),
        ("add me on WhatsApp: shopdeals88, you never read the listing", "contact.off-platform"),
        ("Envíame tu cuenta de PayPal, no leíste la descripción", "payment.account-request"),
    ],
)
def test_a_negation_after_a_comma_belongs_to_another_clause(text: str, rule: str) -> None:
    assert rule in error_rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "Payment by PayPal is not possible",  # the negation right after, in the same clause
        "We will never ask for your PayPal email, so please ignore such messages",  # before
        "遇到索要验证码或银行卡号的短信,一律视为诈骗。",  # a Chinese comma-less warning
    ],
)
def test_a_negation_in_the_same_clause_still_reaches_the_match(text: str) -> None:
    assert not {r for r in error_rules(text) if r.startswith(("payment", "contact"))}
