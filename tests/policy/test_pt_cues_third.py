"""Portuguese cues of the third pass (branch lint-pt3): respect.abuse words and shapes read from
the respect tuning pool (ToLD-Br, OffComBR: glued "fdp" and "se foda", "c u", "burra",
"jumento", "rola" as a noun, "chupa" as a taunt), bank SMS that say a security module expired
or an account was blocked, a fine that "remains open", an order to send money, and a directive
to follow the message's link. For each: the positive, the negated or neutral use, and the
look-alike that must stay clean."""

from __future__ import annotations

import pytest
from policy_helpers import NOW

from wishdesk.domain.policy import lint


def rules(text: str) -> set[str]:
    return {f.rule for f in lint(text, now=NOW) if f.severity == "error"}


RESPECT = [
    # (insult, denied or neutral use, look-alike)
    ("o investigador investiga isso vcefdpta", "o investigador é honesto", "o pdf da fatura"),
    ("QueseFODAesseFDP e quem gosta dele", "que se foi embora cedo", "o sefaz emitiu a nota"),
    ("Hahahahahaha jumento", "você não é um jumento", "o jumentinho de pelúcia chegou"),
    ("Lurdinha burra", "você não é uma burra", "o burrito chegou quente"),
    ("o encantador de burros pegou mais dois", "o encantador de serpentes", "a burrata é fresca"),
    ("pau na xerecaaaa", "a xícara chegou", "o xerife de brinquedo"),
    ("mas o apressado come C u", "o C U B O mágico", "c u m p r i m e n t o s"),
    (
        "Socado na sua mae kkkkkk",
        "enviamos o presente para a sua mae",
        "a sua mãe recebeu o pacote",
    ),
    ("vai procurar uma pra mamar", "a almofada para o bebê mamar", "a mamadeira chegou"),
    ("bela rola quero uma dessa", "a bola rola pelo chão", "o rolo de papel chegou"),
    ("chupa, trouxa.", "chupar um picolé", "a chupeta do bebê"),
    ("o idolo do fudinense caiu", "o Fluminense ganhou", "o fundo da caixa"),
    ("a servico dos petebas", "o PT votou contra", "o pet shop enviou"),
    ("o juizeco mandou soltar", "o juiz mandou soltar", "o juizado de pequenas causas"),
    ("quem é burro é ele!", "Esse burro de pelúcia é muito fofo.", "pane e burro"),
    ("bom dia piranha", "a piranha do aquário", "uma piranha de brinquedo"),
    ("oq eu fiz sua feia", "a cor não é feia", "a feira abre cedo"),
]


@pytest.mark.parametrize(("insult", "denied", "lookalike"), RESPECT)
def test_respect_positive_denied_lookalike(insult: str, denied: str, lookalike: str) -> None:
    assert "respect.abuse" in rules(insult), insult
    assert "respect.abuse" not in rules(denied), denied
    assert "respect.abuse" not in rules(lookalike), lookalike


PAYMENT = [
    # (rule, positive, negated, look-alike)
    (
        "payment.account-request",
        "BANCO DO BRASIL informa Modulo de seguranca encontra se expirado, evite o bloqueio",
        "O banco nunca diz que o seu módulo de segurança está expirado por SMS",
        "O módulo de segurança da porta chegou e a fechadura está instalada",
    ),
    (
        "payment.account-request",
        "CAIXA Apelido pendente, efetue o procedimento de seguranca e evite bloqueio",
        "Nunca efetue o procedimento de segurança por um link de SMS",
        "Realizamos o processo de verificação do produto antes do envio.",
    ),
    (
        "payment.account-request",
        "CAIXA AVISA Urgente: foi bloqueado a sua conta",
        "A CAIXA avisa: nunca bloqueamos a sua conta por SMS",
        "A caixa chegou amassada e o produto está bom",
    ),
    (
        "payment.account-request",
        "BB-INFORMA Regularize seu cadastro acessando o site",
        "O BB informa: nunca pedimos para regularizar o cadastro por SMS",
        "O bebê informa que o cadastro da escola foi regularizado",
    ),
    (
        "payment.account-request",
        "CAIXA ECONOMICA informamos que o DISPOSITIVO nao esta ATUALIZADO, clique aqui",
        "A CAIXA nunca diz por SMS que o dispositivo não está atualizado",
        "A conta de cartão de oferta não está ativada.",
    ),
    (
        "payment.account-request",
        "SMS_CAIXA FOI NECESSARIO BLOQUEAR SUA CONTA, REGULARIZE",
        "O banco nunca vai bloquear a sua conta por SMS",
        "Foi necessário trocar a caixa da encomenda",
    ),
    (
        "payment.off-platform",
        "Uma multa de estacionamento de 150,00€ permanece em aberto.",
        "A multa não permanece em aberto: foi anulada",
        "A isenção da taxa de envio permanece válida até domingo.",
    ),
    (
        "payment.off-platform",
        "Aceita enviar o dinheiro para a sua conta?",
        "Não envie o dinheiro para ninguém fora da Wish",
        "Vamos enviar o dinheiro de volta para a sua conta pela Wish.",
    ),
    (
        "contact.off-platform",
        "Detectamos atividade suspeita. Se não foi você, acesse agora o link para se proteger.",
        "Nunca acesse o link de uma mensagem suspeita",
        "Acesse o link de rastreamento: https://t.17track.net/pt#nums=LX123456789CN",
    ),
    (
        "payment.off-platform",
        "Você pode me emprestar que eu te devolvo no final do dia?",
        "Nunca empreste dinheiro a quem pede por WhatsApp",
        "Pode me emprestar a sua atenção um minuto?",
    ),
    (
        "contact.off-platform",
        "Compra aprovada no cartão, no valor de R$ 2.799. Ligue para contestar",
        "Não ligue para contestar compras que não fez: use a app do banco",
        "O cliente ligou para a transportadora",
    ),
    (
        "contact.off-platform",
        "Entre em contato com nosso atendimento XXXX-XXXX",
        "Não ligue para nenhum atendimento XXXX-XXXX",
        "O tamanho XXL está disponível",
    ),
]


@pytest.mark.parametrize(("rule", "positive", "negated", "lookalike"), PAYMENT)
def test_payment_contact_positive_negated_lookalike(
    rule: str, positive: str, negated: str, lookalike: str
) -> None:
    assert rule in rules(positive), positive
    assert rule not in rules(negated), negated
    assert rule not in rules(lookalike), lookalike


def test_fdp_party_and_accepting_payments_stay_clean() -> None:
    assert not rules("Die FDP hat gewonnen.")
    assert "payment.off-platform" not in rules("Nós processamos o pagamento pela Wish.")


def test_portuguese_no_is_not_the_english_negation() -> None:
    # "no final do dia" is "at the end of the day"; English "no final payment" stays a negation
    assert "payment.off-platform" in rules("Pode me emprestar que eu te devolvo no final do dia?")
    assert "payment.off-platform" not in rules("There is no final payment required.")


# fa-pt: the review's false alarms (briefs/review-report.md section 2, rows 43-47, and two
# older ones). Each look-alike shares the cue's words; each positive is what the cue is for.
REVIEW_CLEAN = [
    # 43: a tracking link or the order's page in the Wish app is not a link away from Wish
    "Acesse o link de rastreamento: https://t.17track.net/pt#nums=LX123456789CN",
    "Acesse o link para acompanhar a entrega.",
    "Os nossos produtos não têm taxa; acesse o link do pedido no app da Wish.",
    # 44: "comigo", "comida" are not "comi"; "foi entregue a sua mãe" is a delivery
    "Pode falar comigo ou com a sua mãe, tanto faz.",
    "A comida foi entregue a sua mãe ontem.",
    "Comi bolo na casa da sua mãe.",
    # 45: a toy donkey, a pretty donkey
    "Esse burro de pelúcia é muito fofo.",
    "Que burro lindo!",
    "O seu burro de pelúcia chegou!",
    # 46: Spanish donkeys and ironing boards ("burros" is not a Portuguese-only word)
    "Los burros de peluche llegan la próxima semana.",
    "Tenemos burros de planchar en dos tamaños.",
    # 47: the turtle dove
    "Uma rola-brava de cerâmica para o jardim.",
    # the chat of Wish is on Wish; accepting MB WAY or Pix is no request to pay by it
    "Obrigado pela compra! Qualquer dúvida, entre em contato conosco pelo chat da Wish.",
    "Aceitamos os pagamentos por MB WAY.",
    "Aceitamos os pagamentos por MB WAY e Pix.",
    "Aceitamos pagamento via MB WAY, Multibanco ou cartão.",
    "A loja aceita pagamentos por MB WAY e cartão; o reembolso é feito pela Wish.",
]


@pytest.mark.parametrize("text", REVIEW_CLEAN)
def test_review_false_alarms_are_clean(text: str) -> None:
    assert not rules(text), text


REVIEW_POSITIVE = [
    # what the changed cues are for, still caught
    (
        "contact.off-platform",
        "Detectamos atividade suspeita. Acesse agora o link para se proteger.",
    ),
    ("contact.off-platform", "Acesse o link para evitar o bloqueio da sua conta."),
    ("contact.off-platform", "Entre em contato conosco pelo WhatsApp."),
    ("respect.abuse", "Socado na sua mae kkkkkk"),
    ("respect.abuse", "comi a sua mae"),
    ("respect.abuse", "enfiei o pau na sua mae"),
    ("respect.abuse", "que burro!"),
    ("respect.abuse", "seu burro!"),
    ("respect.abuse", "seus burros"),
    ("respect.abuse", "o encantador de burros pegou mais dois"),
    ("respect.abuse", "bela rola quero uma dessa"),
    ("payment.off-platform", "Pode pagar por MB WAY para o número 912345678"),
    ("payment.off-platform", "Pague por Pix para a nossa conta"),
    ("payment.off-platform", "Aceitamos pagamento via Pix fora da Wish"),
    ("payment.off-platform", "Aceitamos pagamentos por MB WAY: envie para o 912345678."),
    ("payment.off-platform", "Aceitamos MB WAY para o número 912345678"),
    ("payment.account-request", "CAIXA: efetue o procedimento de segurança e evite o bloqueio"),
]


@pytest.mark.parametrize(("rule", "text"), REVIEW_POSITIVE)
def test_review_rows_keep_their_positive(rule: str, text: str) -> None:
    assert rule in rules(text), text
