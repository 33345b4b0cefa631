"""respect.abuse: the cues taken from the respect tuning pool (tests/corpus/respect_pool.py):
German insult compounds and "ist er zu blöde" shapes, Portuguese spellings and insult shapes,
Spanish and Italian additions, and the allowlists that keep look-alikes clean (the FDP party,
French "s'attarder", "Neonazis"). For each: the positive, the denied or neutral use, and the
look-alike that must stay clean."""

from __future__ import annotations

import pytest
from policy_helpers import NOW

from wishdesk.domain.policy import lint


def abusive(text: str) -> bool:
    return any(f.rule == "respect.abuse" for f in lint(text, now=NOW))


CASES = [
    # (insult, denied or neutral use, look-alike)
    ("Ihr lügt doch alle, ihr Merkel-Vasallen!", "Du bist kein Vasall.", "Die Vase ist heil."),
    ("Diese Meldespacken nerven.", "Du bist kein Spacken.", "Beim Auspacken war alles heil."),
    ("Was für ein Sesselfurzer.", "Sie sind kein Sesselfurzer.", "Der Sessel ist unterwegs."),
    ("Du Taugenichts!", "Er ist kein Taugenichts.", "Das taugt nichts, wir ersetzen es."),
    ("Stimmt, aber dazu ist er zu blöde.", "Er ist nicht blöd.", "Zu blöd, dass es so lief."),
    ("Das sind richtig dumme Menschen.", "Das ist keine dumme Frage.", "Ein dummer Fehler, sorry."),
    ("Hoffentlich finden sie alle Schweine!", "Das ist kein Schwein.", "Das Sparschwein ist da."),
    ("Wie sagte die komische Kuh?", "Sie ist keine Kuh.", "Die Kuhmilch ist frisch."),
    ("Leute mit einem IQ von 50.", "Ein IQ-Test ist kein Spiel.", "Paket 50 ist unterwegs."),
    ("Verzieh dich!", "Wir verziehen Ihnen.", "Der Rahmen hat sich verzogen."),
    ("Du Depp!", "Du bist kein Depp.", "Der Film mit Johnny Depp kommt heute."),
    ("ruan é retardado cara", "você não é retardado", "o envio foi atrasado"),
    ("tem q ser muito burro", "ele não é burro", "o burrito chegou"),
    ("vc e maldito mlk", "ele não é maldito", "o maldito atraso acabou"),
    ("olha o interesse desse verme", "você não é um verme", "remédio para vermes do cão"),
    ("menina feia essa", "ela não é feia", "a feira abre amanhã"),
    ("aw carai que isso", "o caramelo chegou", "a caravana saiu"),
    ("sai piranha", "o peixe piranha do aquário", "a piranha de brinquedo"),
    ("Cállate, moromierda.", "No eres un moromierda.", "Los moros y cristianos."),
    ("Malditos espaldas mojadas.", "Las espaldas mojadas por la lluvia.", "La espalda duele."),
    ("Ridicole ed inutili.", "Non sono inutili.", "Un prezzo ridicolo!"),
    ("Questa marmaglia di non eletti.", "La maglia è arrivata.", "Gentile cliente."),
]


@pytest.mark.parametrize(("insult", "denied", "lookalike"), CASES)
def test_pool_cue_positive_denied_lookalike(insult: str, denied: str, lookalike: str) -> None:
    assert abusive(insult), insult
    assert not abusive(denied), denied
    assert not abusive(lookalike), lookalike


@pytest.mark.parametrize(
    "text",
    [
        "Die FDP hat heute abgestimmt.",
        "Wähler der FDP und der SPD.",
        "FDP-Stimmen zählen auch.",
        "Ne t'attarde pas sur les détails.",
        "C'est mieux que je ne m'attarde pas.",
        "Les Neonazis wurden verurteilt.",
        "Die Antifaschisten demonstrieren.",
    ],
)
def test_pool_lookalikes_stay_clean(text: str) -> None:
    assert not abusive(text), text


@pytest.mark.parametrize(
    "text",
    ["esse fdp mentiu", "Sale gauchiste !", "Espèce d'attardé.", "vai se fu de voce"],
)
def test_what_the_allowlists_leave_reported(text: str) -> None:
    assert abusive(text), text
