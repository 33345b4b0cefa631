"""Payment cues of the third es/fr/en pass (lint-esfren3), read from bank and parcel smishing
kept outside the corpus: a bank named before "confirm your information" with an adverb
between, Latin American and other banks by name, the smishing "if this was not you" /
"si no eres tú" / "si vous n'êtes pas à l'origine" before a verify verb (not a negation of the
request), "you can no longer use your card" as a threat, shipping costs not paid (plural),
paying to release a parcel, a fee "to pay", a payment rejected then "update", and a phone
number given after "contactez le"; the gift-card script (scratch the back of the cards);
English slur spellings and "you're full retard" read from Davidson tweets outside the corpus;
Spanish "polla" and "venecos" (HatEval) and French "mongol" said of a person (MLMA) read from
the respect pool.
For each: the positive, the negated or reassuring form, and a harmless look-alike.
fa-esfren: the review's false alarms (rows 16-22 of its section 2, and "nous acceptons les
paiements par Lydia") are look-alikes here, next to the positive each cue was written for;
the respect cases deny with the word itself, and the KYC positive no longer says
"suspended" (which older cues already caught)."""

from __future__ import annotations

import pytest
from policy_helpers import error_rules as errors

OFF, ASKS = "payment.off-platform", "payment.account-request"
CONTACT, ABUSE = "contact.off-platform", "respect.abuse"

CASES = [
    # a bank named, then "confirm quickly your information"
    (
        ASKS,
        "Santander: le invitamos a confirmar rápidamente su información para evitar la suspensión.",
        "Santander nunca le pedirá que confirme su información por SMS.",
        "Le invitamos a confirmar rápidamente la talla que prefiere.",
    ),
    # banks by name (es)
    (
        ASKS,
        "DAVIVIENDA INFORMA: verifique sus datos para evitar el bloqueo de su cuenta.",
        "Davivienda nunca le pedirá que verifique sus datos por mensaje.",
        "Verifique sus datos de envío antes de confirmar el pedido.",
    ),
    # a bank name between "su cuenta bancaria" and "está limitada"; Bancomer run together
    (
        ASKS,
        "Su cuenta bancaria CaixaBank está limitada por actividades inusuales.",
        "Su cuenta bancaria nunca ha sido limitada por nosotros.",
        "Su tarjeta regalo ha sido bloqueada por error, ya la hemos reactivado en Wish.",
    ),
    # "si no eres tú" before a verify verb is not a negation of the request
    (
        ASKS,
        (
            "Banco Santander: hay un intento de ingreso a tu cuenta. "
            "Si no eres tú, valida tu identidad aquí."
        ),
        "Si no eres tú, no hagas nada: nunca te pediremos que verifiques tu tarjeta.",
        "Si no eres tú quien hizo el pedido, avísanos por este chat de Wish.",
    ),
    # "you can no longer use your card, activate the new system": a threat
    (
        ASKS,
        (
            "ING: a partir del 03/06 no puede utilizar su tarjeta, tiene "
            "que activar el nuevo sistema de seguridad."
        ),
        "Nunca le pediremos que active su tarjeta fuera de Wish.",
        "No puede utilizar este cupón dos veces.",
    ),
    # shipping payments not made (plural)
    (
        OFF,
        "Su paquete está en nuestro almacén porque no se han realizado los pagos del envío.",
        "Nunca le pediremos pagos por el envío: ya está pagado en Wish.",
        "No se han realizado cambios en su pedido.",
    ),
    # "if this was not you" before a verify verb (en)
    (
        ASKS,
        "Your bank card was used abroad. If this was not you, verify your card details here.",
        (
            "If this was not you, you do not need to do anything: we "
            "will never ask you to verify your card."
        ),
        "If this was not you, please tell us here on Wish and we will cancel the order.",
    ),
    # banks by name (en)
    (
        ASKS,
        (
            "From DBS: we noticed suspicious activity, please "
            "verify your identity to resume normal use."
        ),
        "DBS will never ask you to verify your identity by text message.",
        "Please verify the size chart to resume your order.",
    ),
    # pay to release a parcel
    (
        OFF,
        "Delivery due: please pay the amount to release your package.",
        "You never need to pay to release your package: shipping is included.",
        "We will release your package to the courier tomorrow.",
    ),
    # a fee "to pay"
    (
        OFF,
        "Your parcel has a 1.45 GBP shipping fee to pay this now.",
        "There are no customs fees to pay.",
        "The customs fee to be paid is included in the price you paid on Wish.",
    ),
    # a payment rejected, then "update" (fr)
    (
        ASKS,
        (
            "Votre compte a été restreint en raison d'un rejet de "
            "paiement. Veuillez mettre à jour vos informations."
        ),
        "Nous n'avons jamais refusé votre paiement, vous n'avez rien à mettre à jour.",
        "En raison d'un rejet de colis par la douane, nous mettrons à jour le suivi.",
    ),
    # KYC to complete, and logging in to one's online banking with a link between (en)
    (
        ASKS,
        "Please complete your KYC here to keep using your HDFC card.",
        "We will never ask you to update your KYC by text message.",
        "Please complete your order here on Wish.",
    ),
    (
        ASKS,
        "SBI: please log in cutt.ly/abc to your online banking and follow the instructions.",
        "Never log in to your online banking from a link in a message.",
        "Log in to your Wish account to follow the order.",
    ),
    # a surcharge to pay; "to pay to avoid a fine"; dues not paid; an instalment to pay (en)
    (
        OFF,
        "We missed your delivery today, book a redelivery and pay the subcharge of 1.45 GBP.",
        "There is no surcharge to pay: your order is paid on Wish.",
        "The redelivery is booked for tomorrow.",
    ),
    (
        OFF,
        "The toll payment failed: download the app to pay to avoid a fine of 50 SGD.",
        "To avoid a fine, never pay a toll from a link in a text.",
        "Download the app to follow your parcel.",
    ),
    (
        OFF,
        "You failed to pay the dues, we will have to proceed legally.",
        "You did not fail anything: there are no dues to pay.",
        "The parcel failed to arrive on time, we are sorry.",
    ),
    (
        OFF,
        "Dear customer, you need to pay the installment amount of INR 5185 before Friday.",
        "You do not need to pay anything else: the order is paid on Wish.",
        "If you cancel after shipping, you will need to pay a cancellation fee.",
    ),
    (
        OFF,
        (
            "Your electricity will be disconnected tonight because "
            "your previous month bill was not updated."
        ),
        "We never send electricity bills.",
        "Your previous month order was updated with the new address.",
    ),
    # a bill bounced, then "update your information"; "to avoid losing service" is no negation
    (
        ASKS,
        (
            "Your bill for this month has bounced. To avoid an "
            "interrupted service update your information."
        ),
        "Your payment was declined. We will never ask you to update your card by message.",
        "Your payment failed on Wish, please update your card in the Wish app.",
    ),
    (
        ASKS,
        (
            "We have not received payment for your bill. To avoid losing "
            "service update your Direct Debit details."
        ),
        "Please do not update your bank details by text.",
        "To avoid losing your parcel, update your delivery address in the app.",
    ),
    # the gift-card script: scratch the label on the back of the cards (payment by gift card)
    (
        OFF,
        "Scratch the silver strip on the back of the cards and send me the codes.",
        "Never scratch the strip on the back of a gift card for someone you do not know.",
        "Peel the protective film off the back of the phone case.",
    ),
    # "full retard", "you're a retard" (en), not French "retard" (a delay)
    (
        ABUSE,
        "If you haven't caught on, you're full retard.",
        "You are not a retard, nobody said that.",
        "Le colis a du retard, désolé pour ce retard.",
    ),
    # slur spellings (word list); a garden tool stays clean
    (
        ABUSE,
        "Ima make you a sick entrance song my nig",
        "We do not ship to Niger, sorry.",
        "Remember Dad running a rotary hoe over the corn.",
    ),
    # "polla" as profanity (es); a laying hen stays clean
    (
        ABUSE,
        "Adaptas los delitos como os sale de la polla.",
        "No hubo polla este año en la oficina.",
        "La polla de Navidad ya está en camino.",
    ),
    (
        ABUSE,
        "Me suda la polla lo que digas.",
        "No hicimos polla para el Mundial este año.",
        "La polla del Mundial ya está abierta en la oficina.",
    ),
    (
        ABUSE,
        "Tu jefe es la polla, siempre llega tarde.",
        "Esta es la polla de la oficina: no se juega con dinero.",
        "El ganador de la polla.",
    ),
    (
        ABUSE,
        "No aguanto más a los vecinos de la polla.",
        "No hay noticias de la polla este año.",
        "Vendemos los huevos de la polla.",
    ),
    (
        ABUSE,
        "Por enseñar unas tetas o una polla no pasa nada, pero tú sí das asco.",
        "No vendemos pollas ni gallos este mes.",
        "Las pollas y los gallos llegan en la misma jaula.",
    ),
    # "perra" the insult, not the reader's or the writer's dog
    (
        ABUSE,
        "Cállate, perra.",
        "No eres una perra, nadie ha dicho eso.",
        "¿Es que solo sabes subir historias de tu perra? Le tengo que enseñar eso a mi perra.",
    ),
    # "mongol" said of a person (fr), not the people, the language or the dish
    (
        ABUSE,
        "Mds tu é mongol ou quoi ?",
        "Tu n'es pas mongol, personne n'a dit ça.",
        "Le grand mongol de l'histoire est Gengis Khan.",
    ),
    (
        ABUSE,
        "Regarde-moi ce gros mongol qui crie dans le magasin.",
        "Il n'est pas mongol, il est juste timide.",
        "Le barbecue mongol est délicieux, et les grands mongols de l'histoire aussi.",
    ),
    # "si vous n'êtes pas à l'origine ..., contactez le <number>"
    (
        CONTACT,
        (
            "Si vous n'êtes pas à l'origine de cette transaction, "
            "contactez immédiatement le 09 70 12 34 56."
        ),
        "Si vous n'êtes pas à l'origine de cette demande, veuillez ignorer ce message.",
        "Contactez le service client de Wish depuis votre commande.",
    ),
    (
        CONTACT,
        "Contactez vite le +33 6 12 34 56 78 pour débloquer votre colis.",
        "Ne contactez jamais le numéro d'un SMS inconnu.",
        "Vous pouvez appeler La Poste au 3631 ou contactez le 3631 pour le suivi.",
    ),
    # review rows 16-19: a payment approved, the only fee at checkout, the amount on Wish, and
    # Wish or the shop speaking after a payment refused; "we accept payments by Lydia"
    (
        OFF,
        "Please make a payment of 1.99 USD to receive your parcel.",
        "You never need to make a payment to receive your parcel.",
        "Your payment was approved, please allow 10 days to receive the parcel.",
    ),
    (
        OFF,
        "Your parcel has a 1.45 GBP shipping fee to pay this now.",
        "There are no customs fees to pay.",
        "The shipping fee shown at checkout is the only fee to pay.",
    ),
    (
        OFF,
        "Dear customer, you need to pay the installment amount of INR 5185 before Friday.",
        "You do not need to pay the full amount again.",
        "You need to pay the full amount at checkout on Wish.",
    ),
    (
        OFF,
        "Dear customer, you need to pay the installment amount of INR 5185 before Friday.",
        "You do not need to pay the full amount again.",
        "If you want the bigger size, you need to pay the amount of the new listing on Wish.",
    ),
    (
        ASKS,
        "Suite au rejet de votre paiement, veuillez vérifier vos coordonnées bancaires.",
        "Nous n'avons jamais refusé votre paiement, vous n'avez rien à vérifier.",
        "En cas d'échec du paiement, la commande est annulée, nous vérifions ensuite le stock.",
    ),
    (
        ASKS,
        "Suite au rejet de votre paiement, vérifiez vos coordonnées bancaires ici.",
        "Nous n'avons jamais refusé votre paiement, vous n'avez rien à vérifier.",
        "Suite au refus de paiement, Wish confirme l'annulation de la commande.",
    ),
    (
        ASKS,
        (
            "Suite au rejet de votre paiement, cliquez sur le lien pour "
            "mettre à jour vos informations."
        ),
        "Après un rejet de paiement, ne cliquez jamais sur un lien pour mettre à jour vos données.",
        "En cas de refus de paiement, nous vérifions la commande puis cliquons pour confirmer.",
    ),
    (
        OFF,
        "Payez par Lydia avant l'envoi du colis.",
        "Ne payez jamais par Lydia.",
        "Nous acceptons les paiements par Lydia.",
    ),
    (
        OFF,
        "Merci de régler par Lydia au 06 12 34 56 78.",
        "Ne réglez jamais par Lydia un vendeur de Wish.",
        "Nous acceptons les paiements par Lydia et PayPal en boutique.",
    ),
]


@pytest.mark.parametrize(("rule", "positive", "negated", "lookalike"), CASES)
def test_positive_is_flagged(rule: str, positive: str, negated: str, lookalike: str) -> None:
    assert rule in errors(positive)


@pytest.mark.parametrize(("rule", "positive", "negated", "lookalike"), CASES)
def test_negated_stays_clean(rule: str, positive: str, negated: str, lookalike: str) -> None:
    assert rule not in errors(negated)


@pytest.mark.parametrize(("rule", "positive", "negated", "lookalike"), CASES)
def test_lookalike_stays_clean(rule: str, positive: str, negated: str, lookalike: str) -> None:
    assert rule not in errors(lookalike)
