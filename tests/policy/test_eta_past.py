"""``truth.eta-past``: a delivery date gone by, given as the expectation, in every language.

The clock is ``NOW`` (26 November 2025): 20 November has passed, 20 December has not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from policy_helpers import NOW
from typer.testing import CliRunner

from wishdesk.cli.app import app
from wishdesk.domain.policy import lint

CASES = [
    # lang, positive, negated / admitted late, look-alike (a future date or a past event)
    (
        "en",
        "Your parcel is expected to arrive by 20 November.",
        "It should have arrived by 20 November; it is late and we are checking with the carrier.",
        "Your parcel was delivered on 20 November.",
    ),
    (
        "es",
        "Su pedido llegará el 20 de noviembre.",
        "Debería haber llegado el 20 de noviembre: lleva retraso y lo revisamos.",
        "Su pedido llegará el 20 de diciembre.",
    ),
    (
        "fr",
        "Votre colis devrait arriver le 20 novembre.",
        "Il aurait dû arriver le 20 novembre : il a du retard, nous vérifions.",
        "Votre colis devrait arriver le 20 décembre.",
    ),
    (
        "de",
        "Ihr Paket wird voraussichtlich am 20. November zugestellt.",
        "Es hätte am 20. November ankommen sollen; es ist verspätet, wir fragen beim Versand nach.",
        "Ihr Paket wird voraussichtlich am 20. Dezember zugestellt.",
    ),
    (
        "pt",
        "A sua encomenda chegará em 20 de novembro.",
        "Deveria ter chegado em 20 de novembro: está atrasada e estamos a verificar.",
        "A sua encomenda foi entregue em 20 de novembro.",
    ),
    (
        "it",
        "Il pacco arriverà il 20 novembre.",
        "Sarebbe dovuto arrivare il 20 novembre: è in ritardo e stiamo verificando.",
        "Il pacco arriverà il 20 dicembre.",
    ),
    (
        "zh",
        "您的包裹预计11月20日送达。",
        "包裹原定11月20日送达，现在已经延误，我们正在联系物流。",
        "您的包裹预计12月20日送达。",
    ),
]


def rules_of(text: str) -> list[str]:
    return [f.rule for f in lint(text, now=NOW) if f.rule.startswith("truth.eta")]


@pytest.mark.parametrize(("lang", "positive", "negated", "lookalike"), CASES)
def test_eta_past_in_every_language(lang: str, positive: str, negated: str, lookalike: str) -> None:
    assert rules_of(positive) == ["truth.eta-past"], positive
    assert "truth.eta-past" not in rules_of(negated), negated
    assert "truth.eta-past" not in rules_of(lookalike), lookalike


@pytest.mark.parametrize(
    "text",
    [
        "If it is not expected by 20 November, tell us.",  # conditional
        "Your refund is expected by 20 November.",  # no delivery
        "We shipped it on 20 November and you will receive it soon.",  # a ship date
        "It was due on 20 November, so it is overdue now.",
        "The estimated delivery date was 20 November.",  # said in the past tense
        "La fecha estimada era el 20 de noviembre.",
    ],
)
def test_not_an_expectation(text: str) -> None:
    assert "truth.eta-past" not in rules_of(text)


def test_a_later_date_in_the_sentence_is_the_promise() -> None:
    findings = lint("It will arrive between 20 November and 5 December.", now=NOW)
    assert [(f.rule, f.match) for f in findings] == [("truth.eta-unverified", "5 December")]


def test_the_finding_names_the_date_and_can_be_overridden() -> None:
    (finding,) = lint("It is expected to arrive by 2025-11-20.", now=NOW)
    assert finding.rule == "truth.eta-past" and finding.severity == "error"
    assert finding.overridable and "2025-11-20" in finding.message


def test_lint_json_uses_the_frozen_clock(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WISHDESK_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("WISHDESK_DB", raising=False)
    text = "It is expected to arrive by 20 November."
    monkeypatch.setenv("WISHDESK_NOW", "2025-11-26T12:00:00Z")
    late = CliRunner().invoke(app, ["lint", "-F", "json", text])
    assert late.exit_code == 1, late.output
    (finding,) = json.loads(late.output)["findings"]
    assert finding["rule"] == "truth.eta-past" and finding["overridable"] is True
    monkeypatch.setenv("WISHDESK_NOW", "2025-11-10T12:00:00Z")
    early = CliRunner().invoke(app, ["lint", "-F", "json", text])
    assert early.exit_code == 0, early.output
