"""Payment cues of the fifth pass (branch lint-pay5), written from the misses of SMS spam pools
(SpamHunter, the UCI SMS Spam Collection) read outside the corpus: a fee paid with its amount
inside a sentence, a fee "not paid" in the pools' lemmatised English, an amount due beside "click
here", confirming a transaction, a crypto wallet said to be suspended, a bill named as due
(es), a threat that the account can no longer be used (es, not a negation), a form to fill in
beside a bank (it), a missing postage fee with its amount and Home'Bank (fr), and a gift
card asked for rather than named (all seven languages: "Gift Card %1 was added" stays
clean). For each: the positive, the negated use, and the look-alike that must stay clean."""

from __future__ import annotations

import pytest
from policy_helpers import check_cue

OFF = "payment.off-platform"
ACC = "payment.account-request"

CASES = [
    # (rule, positive, negated, look-alike)
    (
        OFF,
        "Please book a redelivery and pay the fee £ 1.45 today.",
        "You do not have to pay the fee £ 1.45 again.",
        "We will pay the fee £ 1.45 for you.",
    ),
    (
        OFF,
        "The custom fee 4.22 QAR have not be pay.",
        "There is no custom fee to pay.",
        "The fee was paid by Wish.",
    ),
    (
        OFF,
        "Min amount due Rs 1974.00. Please click here to settle it.",
        "There is no amount due. Do not click here.",
        "The amount due was refunded to your original payment method.",
    ),
    (
        OFF,
        "A payment was made from a new location: confirm or cancel the transaction here.",
        "Do not confirm the transaction if you did not make it.",
        "The transaction was confirmed yesterday.",
    ),
    (
        ACC,
        "MetaMask: your wallet will be suspended unless you complete the SMS check.",
        "Your MetaMask wallet will never be suspended by us.",
        "The leather wallet will be shipped tomorrow.",
    ),
    (
        OFF,
        "Movistar informa la emisión de tu boleta por 8.991 que vence el 20 de agosto.",
        "Tu boleta no vence este mes.",
        "La boleta de tu compra está adjunta al pedido.",
    ),
    (
        ACC,
        "Abanca: no podrá utilizar su cuenta, tiene que activar el nuevo sistema.",
        "Abanca nunca le pedirá activar su tarjeta por SMS.",
        "No podrá utilizar el cupón dos veces.",
    ),
    (
        ACC,
        "Poste Italiane: per evitare il blocco compila il seguente modulo.",
        "Poste Italiane non ti chiederà mai di compilare moduli via SMS.",
        "Compila il modulo di reso per ricevere il rimborso.",
    ),
    (
        OFF,
        "Votre colis est en attente car il manque l'affranchissement 1,95 EUR.",
        "Il ne manque jamais de frais de port de 1,95 EUR chez nous.",
        "Il manque une pièce de 2,50 cm dans le colis.",
    ),
    (
        ACC,
        "Votre contrat Home'Bank a expiré, renouvelez ici.",
        "ING ne vous demandera jamais de renouveler votre contrat Home'Bank par SMS.",
        "Renouvelez votre abonnement ici.",
    ),
    (
        OFF,
        "Please buy a Steam gift card and send us the code.",
        "We never ask for gift cards as payment.",
        'Gift Card "%1" was added.',
    ),
    (
        OFF,
        "Bezahlen Sie mit Geschenkkarten.",
        "Bezahlen Sie niemals mit Geschenkkarten.",
        "Geschenkkarte hinzufügen",
    ),
    (
        OFF,
        "Compre una tarjeta de regalo de Google Play y envíenos el código.",
        "Nunca pague con tarjetas de regalo.",
        "Remitente de email de tarjeta de regalo",
    ),
    (
        OFF,
        "Payez avec des cartes cadeaux.",
        "Ne payez jamais avec des cartes cadeaux.",
        "La carte cadeau a été ajoutée.",
    ),
    (
        OFF,
        "Acquista una carta regalo e mandaci il codice.",
        "Non pagare mai con una carta regalo.",
        "Questo conto della carta regalo è già nel bilancio.",
    ),
    (
        OFF,
        "Compre um cartão presente e envie o código.",
        "Nunca pague com cartão presente.",
        "O cartão presente foi adicionado.",
    ),
    (
        OFF,
        "请购买礼品卡并发送卡号",
        "请不要用礼品卡付款",
        "礼品卡信息",
    ),
    (
        OFF,
        "请用礼品卡付款",
        "请不要用礼品卡付款",
        "在使用店铺积分后，您无法再应用礼品卡。",
    ),
]


@pytest.mark.parametrize(("rule", "positive", "negated", "lookalike"), CASES)
def test_payment_pool_positive_negated_lookalike(
    rule: str, positive: str, negated: str, lookalike: str
) -> None:
    check_cue(rule, positive, negated, lookalike)
