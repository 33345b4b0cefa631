"""The general forms of each request: every tense, register and noun for the order, informal
spellings, and what must not be taken for them (all written for these tests)."""

from __future__ import annotations

import pytest

from wishdesk.domain.reasons import classify


def reason(body: str) -> str:
    return classify("", body).reason


@pytest.mark.parametrize(
    "body",
    [
        "¿dónde anda mi paquete?",
        "¿Se envió mi pedido?",
        "llevo un mes esperando mi pedido",
        "no encuentro mi paquete",
        "el repartidor no vino nunca",
        "mi paquete no a llegado",  # "ha" without its h
        "sto ancora aspettando il pacco",
        "dove si trova la mia spedizione?",
        "non trovo il mio pacco",
        "il corriere non è mai passato",
        "xké non arriva il pacco",
        "onde está minha encomenda?",
        "até o momento nada",
        "estou aguardando a entrega até hoje",
        "o entregador não veio",
        "ainda n recebi",
        "je n'ai reçu aucune nouvelle de ma commande",
        "je ne trouve pas mon colis",
        "le facteur n'est pas passé",
        "ich warte immer noch auf mein Paket",
        "meine Lieferung ist nie gekommen",
        "ich finde meine Sendung nicht",
        "der Kurier war nicht da",
        "noch nich angekommen",
        "我的快递呢",
        "发出了吗？",
        "快递员没送到",
        "包裹被退回了",
        "物流停了好几天",
    ],
)
def test_where_is_it_and_nothing_came_is_order_status(body: str) -> None:
    assert reason(body) == "order-status"


@pytest.mark.parametrize(
    "body",
    [
        "Was my order placed?",
        "¿mi pedido se realizó correctamente?",
        "Ma commande est-elle bien enregistrée ?",
        "Ist meine Bestellung bei Ihnen eingegangen?",
        "Il mio ordine è stato confermato?",
        "Meu pedido foi confirmado?",
        "下单成功了吗",
    ],
)
def test_was_my_order_placed_is_order_status(body: str) -> None:
    assert reason(body) == "order-status"


@pytest.mark.parametrize(
    "body",
    [
        "¿cuánto se tarda el envío?",
        "¿para cuándo estará?",
        "quanto ci mette ad arrivare?",
        "qnd arriva?",
        "qdo chega?",
        "quand sera-t-elle livrée ?",
        "wann kann ich mit der Lieferung rechnen?",
        "几号发货",
    ],
)
def test_when_in_every_form_is_shipping_eta(body: str) -> None:
    assert reason(body) == "shipping-eta"


@pytest.mark.parametrize(
    "body",
    [
        "me quedó grande, necesito uno más chico",
        "lo quiero cambiar por otro color",
        "mi sta piccolo, posso avere una misura più grande?",
        "ficou pequeno, quero um número maior",
        "échanger contre une pointure plus grande",
        "kann ich das in einer anderen Farbe umtauschen?",
        "买小了，可以换吗",
        "可不可以换个颜色",  # an A-not-A question, not a negation
    ],
)
def test_size_and_colour_in_every_form_is_change_variant(body: str) -> None:
    assert reason(body) == "change-variant"


@pytest.mark.parametrize(
    "body",
    [
        "¿Cuánto tarda el reembolso?",
        "Quand vais-je recevoir mon remboursement ?",
        "Wie lange dauert die Rückerstattung?",
        "Quanto tempo demora o reembolso?",
        "meine Erstattung ist noch nicht da",
        "ainda não recebi o estorno",
    ],
)
def test_a_refund_late_or_not_received_is_return_refund(body: str) -> None:
    assert reason(body) == "return-refund"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("no quiero cambiar la talla, solo el reembolso", "return-refund"),
        ("não quero trocar o tamanho, quero o reembolso", "return-refund"),
        ("no quiero reembolso, ¿cuándo llega mi pedido?", "shipping-eta"),
        ("je ne veux pas de remboursement, quand arrive mon colis ?", "shipping-eta"),
        ("没有坏，很好", "other"),
        ("是不是坏了", "damaged-missing"),
        ("有没有发货", "order-status"),
    ],
)
def test_negated_and_questioned_forms(body: str, expected: str) -> None:
    assert reason(body) == expected


@pytest.mark.parametrize(
    ("body", "not_expected"),
    [
        ("¿desde dónde envían los pedidos?", "order-status"),  # where the shop ships from
        ("da dove spedite gli ordini?", "order-status"),
        ("de onde vem os produtos?", "order-status"),
        ("d'où sont expédiés les colis ?", "order-status"),
        ("où sont fabriqués vos produits ?", "order-status"),
        ("¿hay que pagar impuestos de aduana?", "order-status"),
        ("quali sono le misure del tavolo?", "change-variant"),  # measurements, not a size
        ("quiero cambiar mi número de teléfono", "change-variant"),
        ("价格有点小贵", "change-variant"),
        ("不送人了自己用，很好", "order-status"),
        ("快递呢，也很快，好评", "order-status"),  # 呢 as a topic, not "where is it?"
        ("ho inviato una mail ieri", "order-status"),
        ("wenn ich nicht da bin, bitte beim Nachbarn abgeben", "order-status"),
    ],
)
def test_look_alikes_of_the_general_forms(body: str, not_expected: str) -> None:
    assert reason(body) != not_expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("pedi três e vieram apenas 2", "damaged-missing"),
        ("compré dos y llegó solo una", "damaged-missing"),
        ("ne ho presi due, arrivato solo uno", "damaged-missing"),
        ("mandaram outro produto no lugar", "return-refund"),
        ("no era lo que esperaba", "return-refund"),
        ("das ist nicht das, was ich erwartet habe", "return-refund"),
        ("取消以后钱多久到账", "return-refund"),
        ("la consegna è fallita due volte", "order-status"),
        ("zustellung fehlgeschlagen, was nun?", "order-status"),
        ("mi paquete lleva una semana en aduana", "order-status"),
        ("llegó en mal estado", "damaged-missing"),
    ],
)
def test_units_short_another_product_failed_delivery(body: str, expected: str) -> None:
    assert reason(body) == expected


@pytest.mark.parametrize(
    ("body", "not_expected"),
    [
        ("pedi apenas um, perfeito", "damaged-missing"),  # no "received only"
        ("eu queria o que pedi e foi o que veio", "return-refund"),
        ("estado de la cuenta", "order-status"),
    ],
)
def test_look_alikes_of_units_and_products(body: str, not_expected: str) -> None:
    assert reason(body) != not_expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("el paquete desapareció del seguimiento", "order-status"),
        ("o pacote sumiu", "order-status"),
        ("la spedizione è scomparsa", "order-status"),
        ("mon colis a disparu", "order-status"),
        ("die Sendung ist verschwunden", "order-status"),
        ("the parcel never turned up", "order-status"),
        ("la lampe ne s'allume plus", "damaged-missing"),  # "ne ... plus" is the cue itself
        ("chegou sem a tampa", "damaged-missing"),
        ("dejó de funcionar a la semana", "damaged-missing"),
        ("es funktioniert seit gestern nicht mehr", "damaged-missing"),
        ("on m'a livré un autre modèle", "return-refund"),
        ("mi è arrivato un altro prodotto", "return-refund"),
    ],
)
def test_vanished_parts_missing_stopped_working_another_model(body: str, expected: str) -> None:
    assert reason(body) == expected


@pytest.mark.parametrize(
    "body",
    ["chegou sem problemas, recomendo", "llegó sin problemas", "kam ohne Probleme an"],
)
def test_arrived_without_problems_is_not_a_missing_part(body: str) -> None:
    assert reason(body) != "damaged-missing"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("el rastreo sigue en camino desde hace dos semanas", "order-status"),
        ("il tracciamento è fermo da settimane", "order-status"),
        ("le suivi n'a pas bougé depuis lundi", "order-status"),
        ("in der Sendungsverfolgung gibt es nichts Neues", "order-status"),
        ("物流一直不动了", "order-status"),
        ("¿qué día llega más o menos?", "shipping-eta"),
        ("wie schnell liefern Sie?", "shipping-eta"),
        ("lo quería en verde", "change-variant"),
        ("je le voudrais plutôt en gris", "change-variant"),
        ("nella scatola c'era solo il manuale", "damaged-missing"),
        ("和描述差别太大", "return-refund"),
    ],
)
def test_stuck_tracking_which_day_colour_wanted_only_one_thing_inside(
    body: str, expected: str
) -> None:
    assert reason(body) == expected


@pytest.mark.parametrize(
    ("body", "not_expected"),
    [
        ("il pacco è passato in due giorni, ottimo", "order-status"),
        ("no tengo nada que objetar, perfecto", "order-status"),
    ],
)
def test_look_alikes_of_stuck_and_waiting(body: str, not_expected: str) -> None:
    assert reason(body) != not_expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("我還沒收到貨", "order-status"),  # traditional characters
        ("訂單甚麼時候發貨", "shipping-eta"),
        ("可以換顏色嗎", "change-variant"),
        ("ma commande est perdue", "order-status"),
        ("mon colis a été retourné à l'expéditeur", "order-status"),
        ("mi pedido fue devuelto al remitente", "order-status"),
        ("o pedido foi devolvido ao remetente", "order-status"),
        ("das Paket ging zurück an den Absender", "order-status"),
        ("quiero devolver el producto", "return-refund"),  # a return, not a returned parcel
    ],
)
def test_traditional_characters_lost_and_returned_to_sender(body: str, expected: str) -> None:
    assert reason(body) == expected
