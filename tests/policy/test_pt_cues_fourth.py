"""Portuguese cues of the fourth pass (branch lint-pt4), read from the dev fold a misses of the
new Portuguese items and from the respect tuning pool: the negation exceptions "nao so" / "nao
e so" held no word boundary (so "não solicita" was not a negation), "renove" / "refaça" as
account verbs beside a bank, pt-PT "aceda ao link", short links on ".is" (Brazilian bank SMS
use "oi.is/..."), "clique no link" next to a demand to pay or settle, a fine's notice asking to
settle it, "mais / tão retardado" and "seu desqualificado". For each: the positive, the negated
or neutral use, and the look-alike that must stay clean."""

from __future__ import annotations

import pytest
from policy_helpers import NOW

from wishdesk.domain.policy import lint


def rules(text: str) -> set[str]:
    return {f.rule for f in lint(text, now=NOW) if f.severity == "error"}


CASES = [
    # (rule, positive, negated or neutral, look-alike)
    (
        "payment.off-platform",
        "Pague a taxa de 9,90 reais por Pix para liberar o pedido.",
        "A loja não solicita pagamento por Pix nem por boleto enviado por mensagem.",
        "Não somente o Pix: o pagamento é feito na Wish.",
    ),
    (
        "payment.account-request",
        "Banco do Brasil: renove a adesão ao serviço via celular e evite o cancelamento.",
        "O banco nunca pede que renove a adesão por SMS.",
        "Renove a sua assinatura da revista quando quiser.",
    ),
    (
        "payment.account-request",
        "CAIXA: refaça o cadastro do seu cartão para continuar a usar a conta.",
        "A Caixa não pede que refaça o cadastro por mensagem.",
        "Refaça o pedido com o tamanho certo na Wish.",
    ),
    (
        "contact.off-platform",
        "O seu acesso expira hoje. Aceda ao link e regularize a situação.",
        "Nunca aceda ao link de uma mensagem destas.",
        "Pode acompanhar a entrega no rastreio da Wish.",
    ),
    (
        "contact.off-platform",
        "BANCO informa: tentativa de acesso, fique seguro em Oi.is/protege12",
        "O banco não envia links por SMS.",
        "Isto é o que o site diz: o pedido is ready.",
    ),
    (
        "contact.off-platform",
        "Sua multa vence hoje. Regularize sua situação: clique no link.",
        "Não clique no link de mensagens que falam de multas.",
        "Clique no link para ignorar esta notificação.",
    ),
    (
        "payment.off-platform",
        "Notificação de Multa. Veículo placa XXX-1234. Regularize sua situação hoje.",
        "O Detran não envia notificação de multa por SMS nem pede que regularize por mensagem.",
        "A notificação de envio foi atualizada; o pedido segue a caminho.",
    ),
    (
        "respect.abuse",
        "n sei oq é mais retardado quem assiste ou quem faz",
        "o envio não é retardado pela alfândega",
        "o efeito retardado do remédio",
    ),
    (
        "respect.abuse",
        "toma vergonha nessa cara, seu desqualificado",
        "o candidato foi desqualificado do concurso",
        "a qualificação do produto é boa",
    ),
]


@pytest.mark.parametrize(("rule", "positive", "negated", "lookalike"), CASES)
def test_positive_negated_lookalike(rule: str, positive: str, negated: str, lookalike: str) -> None:
    assert rule in rules(positive), positive
    assert rule not in rules(negated), negated
    assert rule not in rules(lookalike), lookalike
