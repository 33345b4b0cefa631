"""Separators in the normalised view: an underscore between words ("AVISO_ITAU
Consta_irregularidade_na_conta") reads as a space, a run of spaces or tabs as one space, and the
marks a filter is dodged with between Chinese characters ("脑*残", "智-障") as nothing, so the
patterns find the words that smishing and abusive texts hide."""

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


def test_a_run_of_blanks_reads_as_one_space() -> None:
    view = TextView("ihr seid so  dumm\t!")
    assert view.norm == "ihr seid so dumm !"
    check_cue("respect.abuse", "ihr seid so  dumm", "ihr seid nicht  so dumm", "ihr seid so  nett")
    check_cue("respect.abuse", "CARO  cesso", "CARO  amico", "il  cesso chimico è in offerta")


def test_marks_between_chinese_characters_are_dropped() -> None:
    assert TextView("你这个智-障").norm == "你这个智障"
    check_cue("respect.abuse", "你就是个脑*残", "你不是脑*残", "北京-上海的快递已发出")
    check_cue("contact.off-platform", "加微·信聊", "不要加微·信", "微·波炉已发货")
