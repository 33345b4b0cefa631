"""Everyday phrasings of each reason in every language, and the negated forms that must not
count (all written for these tests; look-alikes are in test_reasons_lookalikes.py)."""

from __future__ import annotations

import pytest

from wishdesk.domain.reasons import classify


def reason(body: str, subject: str = "") -> str:
    return classify(subject, body).reason


@pytest.mark.parametrize(
    "body",
    [
        "Nothing has arrived yet and it's been a month",
        "my parcel still hasn't arrived",
        "I am yet to receive the package",
        "i never got my package",
        "aún no me llega nada",
        "todavía no ha llegado mi paquete",
        "je n'ai toujours rien reçu",
        "mon colis n'est jamais arrivé",
        "je suis en colère parce que rien n'est arrivé",
        "mon colis est bloqué depuis une semaine",
        "das Paket ist noch nicht angekommen",
        "meine Sendung hängt seit Tagen fest",
        "ainda não chegou nada",
        "nada de chegar a encomenda",
        "il pacco non è ancora arrivato",
        "il pacco è bloccato in dogana",
        "快一个月了还没发货",
        "包裹一直没消息",
    ],
)
def test_nothing_has_arrived_is_order_status(body: str) -> None:
    assert reason(body) == "order-status"


@pytest.mark.parametrize(
    "body",
    [
        "when will you ship my order?",
        "how soon can I expect the parcel",
        "when is it going to arrive, roughly?",
        "¿cuándo envían mi pedido?",
        "¿cuántos días tarda el envío?",
        "quand allez-vous expédier ma commande ?",
        "dans combien de temps vais-je recevoir le colis ?",
        "wann wird meine Bestellung verschickt?",
        "bis wann kommt das Paket?",
        "quando vocês vão enviar?",
        "qual o prazo de entrega?",
        "quando spedite il mio ordine?",
        "quanti giorni ci vogliono?",
        "什么时候发货？",
        "大概多久能到",
    ],
)
def test_when_will_it_ship_or_arrive_is_shipping_eta(body: str) -> None:
    assert reason(body) == "shipping-eta"


@pytest.mark.parametrize(
    "body",
    [
        "My order was cancelled but I never got my money",
        "the order got canceled and still no refund",
        "me cancelaron el pedido y no me han devuelto el dinero",
        "commande annulée mais toujours pas remboursée",
        "Bestellung storniert, aber keine Erstattung erhalten",
        "pedido cancelado e o estorno não caiu",
        "ordine annullato ma nessun rimborso",
        "订单已取消，但是没有退款",
    ],
)
def test_cancelled_but_not_refunded_is_return_refund(body: str) -> None:
    assert reason(body) == "return-refund"


@pytest.mark.parametrize(
    "body",
    [
        "my order was cancelled, why?",
        "mi pedido fue cancelado, ¿por qué?",
        "pourquoi ma commande a été annulée ?",
        "warum wurde meine Bestellung storniert?",
        "por que meu pedido foi cancelado?",
        "perché il mio ordine è stato annullato?",
        "为什么订单被取消了",
    ],
)
def test_already_cancelled_is_not_a_request_to_remove(body: str) -> None:
    assert reason(body) != "remove-item"


@pytest.mark.parametrize(
    "body",
    [
        "please cancel my order",
        "i want to cancle the order",
        "can you cancell it",
        "help me cancelng the purchase",
        "quiero cancelar mi pedido",
        "annulez ma commande svp",
        "bitte Bestellung stornieren",
        "quero cancelar o pedido",
        "annullate il mio ordine",
        "为什么不能取消订单",
    ],
)
def test_cancel_requests_and_their_typos_are_remove_item(body: str) -> None:
    assert reason(body) == "remove-item"


@pytest.mark.parametrize(
    "body",
    [
        "I want a refnud",
        "I need a reimbursment for this",
        "where is my compensation for the late parcel",
        "quiero un reenbolso",
        "je veux un remboursment",
        "ich möchte eine Rückerstatung",
        "quero o reembolço",
        "voglio un rimborzo",
    ],
)
def test_refund_typos_and_synonyms_are_return_refund(body: str) -> None:
    assert reason(body) == "return-refund"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("I don't want a refund, just tell me when it ships", "shipping-eta"),
        ("no quiero reembolso, ¿cuándo llega?", "shipping-eta"),
        ("je ne veux pas de remboursement, quand arrive le colis ?", "shipping-eta"),
        ("ich möchte keine Erstattung, wann kommt das Paket?", "shipping-eta"),
        ("não quero reembolso, quando chega?", "shipping-eta"),
        ("non voglio il rimborso, quando arriva?", "shipping-eta"),
        ("不要退款，什么时候到？", "shipping-eta"),
        ("it arrived, no need to refund", "other"),
    ],
)
def test_not_wanting_a_refund_is_not_a_refund(body: str, expected: str) -> None:
    assert reason(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "I only received one of the two lamps",
        "the charger was not included in the box",
        "solo recibí uno de los dos",
        "je n'ai reçu qu'une seule chaussure",
        "ich habe nur einen Schuh erhalten",
        "só recebi uma unidade",
        "ho ricevuto solo uno dei due",
        "只收到一个，少发了一个",
    ],
)
def test_part_of_the_order_missing_is_damaged_missing(body: str) -> None:
    assert reason(body) == "damaged-missing"


@pytest.mark.parametrize(
    "body",
    [
        "please change the size to M",
        "can I exchange the colour for black",
        "quiero cambiar la talla",
        "je voudrais changer la taille",
        "kann ich die Größe tauschen?",
        "quero trocar o tamanho",
        "vorrei cambiare la taglia",
        "我想换尺码",
    ],
)
def test_change_of_size_or_colour_is_change_variant(body: str) -> None:
    assert reason(body) == "change-variant"


@pytest.mark.parametrize(
    "body",
    [
        "the tracking says delivered but there is nothing at my door",
        "el seguimiento dice entregado pero no tengo nada",
        "le suivi indique livré mais je n'ai rien",
        "laut Sendungsverfolgung als zugestellt, aber nichts da",
        "o rastreio diz entregue mas não recebi",
        "il tracciamento risulta consegnato ma non ho niente",
        "物流显示已签收，但是我没收到",
    ],
)
def test_tracking_says_delivered_is_order_status(body: str) -> None:
    assert reason(body) == "order-status"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("when will it be delivered?", "shipping-eta"),
        ("it was delivered but the screen is cracked", "damaged-missing"),
        ("¿cuándo será entregado?", "shipping-eta"),
    ],
)
def test_delivered_alone_is_not_a_missing_parcel(body: str, expected: str) -> None:
    assert reason(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "my order has not been shipped yet",
        "it still hasn't shipped",
        "mi pedido todavía no fue enviado",
        "ma commande n'est toujours pas expédiée",
        "die Bestellung ist noch nicht versendet",
        "meu pedido ainda não foi enviado",
        "il mio ordine non è ancora stato spedito",
        "订单还没发货",
    ],
)
def test_not_shipped_yet_is_order_status(body: str) -> None:
    assert reason(body) == "order-status"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Was ist mit meiner Bestellung passiert?", "order-status"),
        ("Die Sendung wurde nie zugestellt", "order-status"),
        ("Ist die Bestellung schon unterwegs?", "order-status"),
        ("Bestellung storniert, ich habe kein Geld zurückbekommen", "return-refund"),
        ("Der Artikel sieht anders aus als auf dem Bild", "return-refund"),
        ("Ma commande a-t-elle bien été envoyée ?", "order-status"),
        ("Ça ne marche pas", "damaged-missing"),
        ("Le produit ne correspond pas à la description", "return-refund"),
        ("is my order on its way?", "order-status"),
        ("快递到哪了", "order-status"),
        ("订单取消了，钱什么时候退回来", "return-refund"),
        ("El pedido fue cancelado pero no me devolvieron el dinero", "return-refund"),
    ],
)
def test_more_everyday_sentences(body: str, expected: str) -> None:
    assert reason(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "the tracking has not updated in ten days",
        "el seguimiento no se actualiza",
        "le suivi n'est pas mis à jour depuis une semaine",
        "die Sendungsverfolgung wurde seit Tagen nicht aktualisiert",
        "o rastreio não atualiza",
        "il tracciamento non si aggiorna",
        "物流信息一直不更新",
        "the delivery date has passed",
        "o prazo de entrega já passou e nada",
        "la date de livraison est dépassée",
    ],
)
def test_tracking_that_does_not_move_is_order_status(body: str) -> None:
    assert reason(body) == "order-status"


@pytest.mark.parametrize(
    "body",
    [
        "you sent me the wrong product",
        "recibí un artículo equivocado",
        "ce n'est pas le bon article",
        "ich habe den falschen Artikel bekommen",
        "veio o produto errado",
        "ho ricevuto un articolo sbagliato",
    ],
)
def test_wrong_item_is_return_refund(body: str) -> None:
    assert reason(body) == "return-refund"


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("Colis non reçu", "order-status"),
        ("Commande non livrée", "order-status"),
        ("Lieferzeiten", "shipping-eta"),
        ("Wie kann ich meine Sendung verfolgen?", "shipping-eta"),
        ("Rücksendung", "return-refund"),
        ("Come traccio il mio ordine?", "shipping-eta"),
        ("Tiempos de envío", "shipping-eta"),
        ("Troca de tamanho", "change-variant"),
        ("配送时间", "shipping-eta"),
        ("多久发货", "shipping-eta"),
        ("少件", "damaged-missing"),
        ("Versandkosten", "other"),
        ("运费多少", "other"),
    ],
)
def test_help_centre_headings(heading: str, expected: str) -> None:
    assert reason(heading) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Come posso seguire la mia spedizione?", "shipping-eta"),
        ("¿Cómo puedo seguir mi pedido?", "shipping-eta"),
        ("Como acompanhar meu pedido?", "shipping-eta"),
        ("Il pacco è in giacenza", "order-status"),
        ("¿Por qué se canceló mi pedido?", "other"),
    ],
)
def test_following_a_parcel_and_a_cancelled_order(body: str, expected: str) -> None:
    assert reason(body) == expected
