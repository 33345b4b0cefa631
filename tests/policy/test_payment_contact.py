"""Payment and contact patterns in every language: the positive, the negated or reassuring
form, and a harmless look-alike, one triple per pattern family."""

from __future__ import annotations

import pytest
from policy_helpers import error_rules

OFF = "payment.off-platform"
ASKS = "payment.account-request"
SHARED = "payment.details-shared"
CONTACT = "contact.off-platform"

CASES = [
    # fees or customs duties to pay through a link or a code
    (
        OFF,
        "Please pay the customs fee at the link below to release your parcel.",
        "You do not have to pay any customs fees: Wish covers them.",
        "We will pay the shipping fees for you.",
    ),
    (OFF, "Your parcel is on hold: there is an outstanding customs fee.", "", ""),
    (OFF, "Kindly pay the delivery fee of R1750.00 to release the prize.", "", ""),
    (
        OFF,
        "Pague las tasas de aduana en el siguiente enlace.",
        "No tiene que pagar tasas de aduana: Wish se encarga.",
        "Wish paga los gastos de envío.",
    ),
    (
        OFF,
        "Payez les frais de douane ici pour recevoir votre colis.",
        "Vous n'avez aucun frais de douane à payer.",
        "Les frais de livraison sont offerts.",
    ),
    (
        OFF,
        "Bitte bezahlen Sie die Zollgebühren über den folgenden Link.",
        "Sie müssen keine Zollgebühren bezahlen.",
        "Die Versandkosten sind im Preis enthalten.",
    ),
    (
        OFF,
        "Pague as taxas alfandegárias neste link para liberar a encomenda.",
        "Você não precisa pagar taxas de importação.",
        "As taxas estão incluídas no preço.",
    ),
    (
        OFF,
        "Paghi le tasse doganali tramite questo link.",
        "Non deve pagare nessuna tassa doganale.",
        "Le spese di spedizione sono incluse.",
    ),
    (OFF, "请支付关税后我们再发货。", "您无需另外付款，关税由我们承担。", "我们已支付运费。"),
    # a notice that fees were not paid is not a reassurance
    (OFF, "Su paquete está retenido porque no se han pagado las tasas de aduana.", "", ""),
    (OFF, "Die Zollgebühren wurden noch nicht bezahlt: bitte jetzt begleichen.", "", ""),
    # instant payment systems
    (
        OFF,
        "You can pay with Bizum or Pix if you prefer.",
        "We never accept Pix or Bizum: pay only on Wish.",
        "Send me pix of the damaged item please.",
    ),
    (OFF, "Faça o pagamento via Pix e enviamos hoje.", "Não aceitamos Pix, só a Wish.", ""),
    (OFF, "Puoi pagare con Satispay.", "Non usi Satispay: paghi solo su Wish.", ""),
    # bank transfers in Chinese
    (OFF, "请转账到以下账户。", "请不要转账给任何人。", "转账记录显示退款已到账。"),
    (OFF, "请您先转账，我们再发货。", "请不要向任何人转账。", ""),
    # crypto wallets
    (OFF, "Send USDT to this wallet address.", "We never ask for crypto.", ""),
    # "verify your account details"
    (
        ASKS,
        "Please verify your account details to receive the refund.",
        "Wish will never ask you to verify your account details.",
        "You can verify the delivery address in your Wish account.",
    ),
    (ASKS, "Verifique sus datos bancarios para el reembolso.", "", ""),
    (ASKS, "Veuillez confirmer vos coordonnées bancaires.", "", ""),
    (ASKS, "Bitte bestätigen Sie Ihre Kontodaten.", "", ""),
    (ASKS, "Confirme os seus dados bancários.", "", ""),
    (ASKS, "Verifichi i suoi dati di pagamento.", "", ""),
    (ASKS, "请您验证您的账户信息。", "我们不会要求您验证账户信息。", ""),
    # a request (the noun) to change a password is a notice, not an ask
    (ASKS, "Solicitamos su contraseña de pago.", "", "Hubo una solicitud de cambio de contraseña."),
    # accounts written out
    (SHARED, "支付宝账号：zhangsan_2024", "", "支付宝退款已经处理。"),
    (SHARED, "卡号：6222 0212 3456 7890 123", "", "订单号：123456789012345"),
    (SHARED, "Chave Pix: 11987654321", "", ""),
    (SHARED, "Account number: 12345678, sort code 12-34-56", "", ""),
    # a card or account said to be blocked: phishing for the payment account
    (
        ASKS,
        "Your card has been blocked: confirm it at the link we sent.",
        "Your card is not blocked, everything is fine.",
        "The card reader in the box is blocked by packaging foam.",
    ),
    (ASKS, "Su tarjeta ha sido bloqueada, reactívela aquí.", "Su tarjeta no está bloqueada.", ""),
    (
        ASKS,
        "Votre compte bancaire est suspendu, réactivez-le ici.",
        "Votre compte n'est pas suspendu.",
        "",
    ),
    (ASKS, "Ihr Bankkonto wurde gesperrt, klicken Sie hier.", "Ihr Konto ist nicht gesperrt.", ""),
    (ASKS, "La sua carta è stata bloccata, la riattivi qui.", "La sua carta non è bloccata.", ""),
    (ASKS, "O seu cartão foi bloqueado, clique aqui.", "O seu cartão não foi bloqueado.", ""),
    (ASKS, "您的银行卡已被冻结，请点击链接。", "您的银行卡没有被冻结。", "冻结的水果已经发货。"),
    # English phishing for the payment account, and prize fees
    (
        ASKS,
        "Please verify your credit card detail to receive your refund.",
        "We will never ask you to verify your card.",
        "You can update your payment method in the Wish app.",
    ),
    (
        ASKS,
        "Your bank account have be suspend, update now.",
        "Your account is not suspended.",
        "Your subscription box is on hold until the new stock arrives.",
    ),
    (
        ASKS,
        "We could not process your payment, please update your card.",
        "",
        "Please confirm your shipping address details.",
    ),
    (ASKS, "Your card has expired, update it at the link.", "", "Your card was charged by Wish."),
    (
        OFF,
        "Congratulations, you won a prize! Pay the delivery fee to claim it.",
        "",
        "We won't charge you anything extra.",
    ),
    # "confirm your card / bank details", not the address, the order or Wish
    (
        ASKS,
        "Confirme el pago de su tarjeta en este enlace.",
        "",
        "Confirmamos el pago de su pedido.",
    ),
    (ASKS, "Veuillez confirmer votre carte bancaire ici.", "", "Veuillez confirmer votre adresse."),
    (
        ASKS,
        "Bitte bestätigen Sie Ihre Bankverbindung hier.",
        "",
        "Bitte bestätigen Sie Ihre Lieferadresse.",
    ),
    (ASKS, "Verifichi la sua carta qui.", "", "Confermi il suo indirizzo di spedizione."),
    (ASKS, "Confirme o seu cartão neste link.", "", "Confirme o seu endereço de entrega."),
    (
        OFF,
        "Confirme el pago de los gastos de envío aquí.",
        "",
        "Puede confirmar el pago en la app de Wish.",
    ),
    # "refusé" (fr) and "no" (pt: "in the") are not negations
    (ASKS, "Votre paiement a été refusé : votre compte sera suspendu.", "", ""),
    (ASKS, "Falha no pagamento: o seu cartão foi bloqueado.", "", ""),
    (ASKS, "Cartão e PIN desactivados, aceda ao link.", "O cartão não foi desactivado.", ""),
    # an amount to pay now, decimals and all
    (
        OFF,
        "We could not deliver your parcel today: you must pay 1.99 EUR here.",
        "You must not pay 1.99 EUR to anyone.",
        "The parcel weighs 1.99 kg.",
    ),
    (OFF, "Vous devez payer 2.99 € de frais pour recevoir le colis.", "", ""),
    (OFF, "Sie müssen 2,99 EUR Zollgebühren bezahlen.", "", ""),
    (OFF, "Debe pagar 1,99 € de IVA.", "", ""),
    # handles written around filters
    (CONTACT, "加vx聊", "", "他的威信很高。"),
    (CONTACT, "请加微-信 abc123", "", "退款会退回微信零钱。"),
    (CONTACT, "薇信同号", "", ""),
    (CONTACT, "contact me on tele gram", "Please do not use tele gram.", "a 500 gram telescope"),
    (CONTACT, "add me on whats app", "We can't talk on whats app.", ""),
    (CONTACT, "WhatsApp: +1 415 555 0199", "", ""),
    (CONTACT, "Text STOP to 81303", "", "Text us here on Wish."),
    # asking the buyer for an e-mail, a phone number or a messenger id
    (
        CONTACT,
        "Send me your WhatsApp number.",
        "We will never ask for your phone number.",
        "Your phone will be delivered tomorrow.",
    ),
    (CONTACT, "Dame tu correo y te escribo.", "No necesitamos su teléfono.", ""),
    (
        CONTACT,
        "Pouvez-vous me donner votre numéro de téléphone ?",
        "Nous ne vous demanderons jamais votre numéro de téléphone.",
        "",
    ),
    (
        CONTACT,
        "Schicken Sie mir Ihre Telefonnummer.",
        "Wir fragen nie nach Ihrer Telefonnummer.",
        "",
    ),
    (CONTACT, "Mande o seu WhatsApp.", "Não precisamos do seu telefone.", ""),
    (CONTACT, "Mi dica il suo numero di telefono.", "Non ci serve il suo telefono.", ""),
    (CONTACT, "请留个电话。", "我们不会要您的电话。", "电话壳已经发货了。"),
    # "contact us at ..." (an address or a placeholder for one)
    (
        CONTACT,
        "If this was not you, contact us at support@example.com",
        "",
        "Contact us here on Wish: we answer within a day.",
    ),
    (CONTACT, "Si tiene dudas, contáctenos en %1", "", ""),
    (CONTACT, "Pour toute question, contactez-nous au %1", "", ""),
    (CONTACT, "Kontaktieren Sie uns bitte unter %1", "", ""),
    (CONTACT, "Per domande, contattaci a %1", "", ""),
    (CONTACT, "Em caso de dúvida, contacte-nos em %1", "", ""),
    # a link or a website to go to, in Chinese
    (CONTACT, "请点击下方链接领取奖品。", "请不要点击陌生链接。", "请点击下方链接查看物流。"),
    (CONTACT, "请于3月5日前至网站完善信息。", "", "物流信息可以在Wish上查看。"),
    # a reply off Wish
    (
        CONTACT,
        "Please reply to this email.",
        "",
        "If you did not ask for this, ignore this e-mail.",
    ),
    (CONTACT, "Si tiene dudas, responda a este correo electrónico.", "", ""),
]


@pytest.mark.parametrize(("rule", "positive", "negated", "lookalike"), CASES)
def test_pattern(rule: str, positive: str, negated: str, lookalike: str) -> None:
    assert rule in error_rules(positive), positive
    for clean in (negated, lookalike):
        if clean:
            assert not error_rules(clean), clean


def test_payment_account_is_not_a_contact_request() -> None:
    """Asking for the PayPal e-mail is a payment request, not (also) a contact one."""
    assert error_rules("Envíenos su correo de PayPal.") == {ASKS}
    assert error_rules("Send us your PayPal email.") == {ASKS}


def test_links_written_around_filters() -> None:
    assert CONTACT in error_rules("Track your order at http //bit.ly/abc")
    assert CONTACT in error_rules("hxxps://shop-outlet.example.com/pay")
    assert not error_rules("Track it at http //www.17track.net")


def test_avoiding_a_suspension_is_not_a_negation() -> None:
    assert error_rules("Pour éviter la suspension, payez les frais ici.") == {OFF}
    assert error_rules("Para evitar la suspensión, pague las tasas aquí.") == {OFF}
    assert not error_rules("Pour éviter la suspension, ne payez rien en dehors de Wish.")
    assert not error_rules("Para evitar la suspensión de su cuenta, no pague fuera de Wish.")


def test_a_negation_reaches_only_its_neighbourhood() -> None:
    """A negation after a request reaches it only from a few words away; before it, from a
    long sentence away, but not from the far end of an unpunctuated text."""
    assert error_rules(
        "Pay the customs fee here so that the courier brings the parcel with no delay"
    ) == {OFF}
    assert not error_rules("Paying by PayPal is not possible, please use Wish.")
    long_reassurance = (
        "Wir werden Sie niemals, weder telefonisch noch per SMS oder E-Mail, auch wenn die "
        "Nachricht dringend wirkt, bitten, Ihre Bankverbindung zu bestätigen."
    )
    assert not error_rules(long_reassurance)
    far = "We could not reach the courier " + "about the parcel left at the wrong door " * 5
    assert error_rules(far + "and to get it you pay the customs fee here") == {OFF}


@pytest.mark.parametrize(
    "text",
    [
        "We sent the tracking link by e-mail.",
        "Track it here: https://www.yuntrack.com/parcelTracking?id=YT2433112345678901",
        "Please do not pay anyone outside Wish.",
        "Don't hesitate to write to us here.",
        "The parcel could not be delivered yesterday; the courier will try again.",
    ],
)
def test_existing_decisions_stay_clean(text: str) -> None:
    assert not error_rules(text)
