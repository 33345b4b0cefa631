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
    (
        "payment.off-platform",
        "Evite o protesto do seu nome, quite sua dívida agora.",
        "Nunca quite dívidas por links de SMS.",
        "O protesto dos trabalhadores atrasou a entrega.",
    ),
    (
        "payment.off-platform",
        "Para liberar sua encomenda, é necessário o pagamento de R$ 39,90.",
        "Não é necessário pagamento adicional.",
        "É necessário o número do pedido para abrir a reclamação.",
    ),
    (
        "payment.off-platform",
        "Faça um Pix de R$ 50 para confirmar a compra.",
        "Não é preciso fazer um Pix: o pagamento é feito na Wish.",
        "O Pix é um meio de pagamento do Banco Central.",
    ),
    (
        "payment.off-platform",
        "O valor do frete deve ser pago por fora.",
        "O pagamento não é feito por fora, só na Wish.",
        "A caixa é pintada por fora.",
    ),
    (
        "payment.off-platform",
        "Gere o boleto e pague até amanhã para evitar juros.",
        "Nunca pague boletos recebidos por mensagem.",
        "O pedido chega até amanhã.",
    ),
    (
        "payment.off-platform",
        "O valor manda neste nr 857000001, vem em nome de Maria.",
        "Nunca transfira dinheiro para este número.",
        "Envie uma mensagem para este número de pedido na Wish.",
    ),
    (
        "payment.off-platform",
        "Transfere nesta conta M-Pesa 853000001.",
        "Não transfira nada para esta conta.",
        "Transfere-se o pedido para a transportadora amanhã.",
    ),
    (
        "payment.account-request",
        "Atualize seu cartão para não perder seus pontos.",
        "Nunca atualize o seu cartão por um link.",
        "Atualize o seu endereço para não perder a entrega.",
    ),
    (
        "payment.account-request",
        "Envie uma foto do cartão frente e verso.",
        "Nunca envie uma foto do seu cartão.",
        "Envie uma foto do cartão-presente que veio na caixa.",
    ),
    (
        "respect.abuse",
        "o retardado que diz que o nazismo criou a aspirina",
        "o envio foi retardado pela greve",
        "o efeito retardado do remédio",
    ),
    (
        "respect.abuse",
        "Vc é muito cara de pau, escreve o que quer",
        "a máscara de pau chegou pintada",
        "a cara da boneca de pau é bonita",
    ),
    (
        "respect.abuse",
        "e vc um salafrário que só quer o brinquedo",
        "o salário foi pago",
        "a salada de frutas chegou",
    ),
    (
        "respect.abuse",
        "vocês são muito mau caráter mesmo",
        "o personagem mau caráter do filme",
        "o caráter da peça é clássico",
    ),
    (
        "respect.abuse",
        "essa vaca não merece nada do que ele fez",
        "essa vaca de pelúcia é macia",
        "a vaca da fazenda dá leite",
    ),
    (
        "respect.abuse",
        "Burro é você, ô padrezinho",
        "você não é burro",
        "o burrito é você que escolhe",
    ),
    (
        "respect.abuse",
        "nada surpresa kk lixo d pessoa",
        "o lixo de casa sai amanhã",
        "o caixote do lixo chegou",
    ),
    (
        "respect.abuse",
        "és mesmo parvo, não sabes ler?",
        "não és parvo nenhum",
        "o parvovírus do cão foi tratado",
    ),
    (
        "respect.abuse",
        "seu anormal, devolve o dinheiro",
        "um valor anormal na fatura",
        "o anormal aumento de preços",
    ),
    (
        "respect.abuse",
        "vai-te lixar com essa encomenda",
        "a lixa de unhas chegou",
        "vai lixar a madeira antes de pintar",
    ),
    (
        "respect.abuse",
        "és um atrasado mental",
        "a encomenda está atrasada",
        "o atraso mental não é culpa de ninguém",
    ),
]


@pytest.mark.parametrize(("rule", "positive", "negated", "lookalike"), CASES)
def test_positive_negated_lookalike(rule: str, positive: str, negated: str, lookalike: str) -> None:
    assert rule in rules(positive), positive
    assert rule not in rules(negated), negated
    assert rule not in rules(lookalike), lookalike


@pytest.mark.parametrize(
    "text",
    [
        "O valor do reembolso foi enviado para o seu cartão.",
        "Enviaremos o reembolso para o seu cartão em 5 dias.",
        "A diferença de cor é desprezível.",
    ],
)
def test_refund_and_merchant_sentences_stay_clean(text: str) -> None:
    assert not rules(text), text
