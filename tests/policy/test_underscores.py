"""An underscore between words ("AVISO_ITAU Consta_irregularidade_na_conta") reads as a space
in the normalised view, so the patterns find the word edges that smishing texts hide."""

from __future__ import annotations

from policy_helpers import NOW, check_cue, error_rules

from wishdesk.domain.policy import lint
from wishdesk.domain.policy.textview import TextView


def test_words_joined_by_underscores_are_read_apart() -> None:
    view = TextView("AVISO_ITAU Consta__irregularidade")
    assert view.norm == "aviso itau consta irregularidade"
    a, b = view.span(len("aviso itau "), len(view.norm))
    assert view.original[a:b] == "Consta__irregularidade"


def test_a_request_hidden_behind_underscores_is_found() -> None:
    check_cue(
        "payment.account-request",
        "AVISO_ITAU Consta_irregularidade_na_conta_evite_o_bloqueio_do_cartao_regularize_em "
        "itau-seguro.com",
        "Nunca_pedimos os dados do seu cartao",
        "Pedido_enviado: o reembolso do seu cartao sera feito pela Wish",
    )


def test_underscores_outside_words_keep_their_meaning() -> None:
    # a placeholder is still a placeholder, an address with an underscore still an address
    assert "format.placeholder" in error_rules("Hello __NAME__, your order has shipped")
    findings = [f for f in lint("Write to john_doe@gmail.com", now=NOW)]
    assert [f.rule for f in findings] == ["contact.off-platform"]
    assert findings[0].match == "john_doe@gmail.com"
