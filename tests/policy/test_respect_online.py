"""respect.abuse on the language of online abuse: slurs, vocatives ("seu bando de ..."),
"you are a ..." in its plural and informal forms, group insults ("bande de ...", "quelle due
..."), calls to violence. For each language: insults, the negated or neutral sentence, and the
look-alikes (ordinary words that contain, continue or sit next to an entry)."""

from __future__ import annotations

import pytest
from policy_helpers import NOW

from wishdesk.domain.policy import lint


def abuse(text: str) -> list[str]:
    return [f.match for f in lint(text, now=NOW) if f.rule == "respect.abuse"]


CASES = [
    # language, insults, negated or neutral sentences, look-alikes
    (
        "en",
        [
            "You lazy slob, read the page.",
            "Whatever, you dumb hoe.",
            "Shut it, you pussy.",
            "You are nothing but a parasite.",
            "Such a white trash excuse.",
        ],
        ["You are not a clown and we never said so.", "Thank you dirty-laundry fans!"],
        [
            "A garden hoe and a chink in the armour plate.",
            "The homogeneous mix in a Moronene dictionary.",
        ],
    ),
    (
        "es",
        [
            "Sois unos inútiles y unos sinvergüenzas.",
            "So imbécil, lea la ficha.",
            "Pedazo de inútil.",
            "Ojalá te mueras.",
            "Vaya feminazi.",
        ],
        ["No eres un inútil: el fallo fue nuestro.", "La opción es inútil sin el adaptador."],
        ["El cepillo de cerdas y el culote de ciclismo.", "Moros y cristianos, un plato típico."],
    ),
    (
        "fr",
        [
            "Bande de tocards, relisez la fiche.",
            "Sale gauchiste.",
            "Tu n'es qu'un minable.",
            "Grosse vache.",
            "Arrête de faire le mongol.",
            "T'es mort si tu reviens.",
        ],
        ["Vous n'êtes pas des nuls, la fiche était fausse.", "Une espèce de tissu épais."],
        [
            "Un gros porc-épic en peluche et une tapette à souris.",
            "Le mongol est dans la liste des langues.",
        ],
    ),
    (
        "de",
        [
            "Du elender Versager.",
            "Ihr Lappen!",
            "Linkes verlogenes Pack.",
            "Du bist so eine Witzfigur.",
            "Das ist zum Kotzen, du Spacko.",
        ],
        [
            "Sie sind kein Versager, der Fehler lag bei uns.",
            "Das Pack mit sechs Flaschen ist unterwegs.",
        ],
        [
            "Ein Zeckenschutz fürs Haustier und die Schnauze des Plüschhundes.",
            "Ein Spinner für die Angel.",
        ],
    ),
    (
        "pt",
        [
            "Seu bando de incompetentes!",
            "Vocês são uns inúteis.",
            "Vai se fuder.",
            "Sua baranga.",
            "Que bisha escandalosa.",
        ],
        ["Você não é um inútil, o erro foi nosso.", "Coloque seus lixos recicláveis na caixa."],
        ["O seu animal de estimação adora o brinquedo.", "O cão ladra quando a campainha toca."],
    ),
    (
        "it",
        [
            "Sei solo un pezzente.",
            "Brutto cafone!",
            "Quelle due arpie.",
            "Politici incapaci e ladri.",
            "Vai a quel paese.",
        ],
        ["Non sei un incapace, l'errore è nostro.", "È una vergogna che il pacco sia in ritardo."],
        ["La brutta copia del modulo; le oche di peluche.", "In bocca al lupo! Crepi il lupo."],
    ),
    (
        "zh",
        ["你就是个废物", "你是猪吗？", "你是不是脑子进水了", "一群键盘侠", "滚！别再发了"],
        ["你不是猪，是我们弄错了。", "我们从不说顾客的坏话。"],
        ["鼠标滚轮坏了，已补发。", "他是垃圾袋供应商，猪肉已发货。"],
    ),
]


@pytest.mark.parametrize(("lang", "insults", "neutral", "alike"), CASES)
def test_online_abuse_in_every_language(
    lang: str, insults: list[str], neutral: list[str], alike: list[str]
) -> None:
    for text in insults:
        assert abuse(text), text
    for text in neutral + alike:
        assert abuse(text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        # words of one supported language that an entry of another would take
        "La opción es inútil aquí.",  # Portuguese "es ..." pattern
        "O cliente pede ajuda com o tamanho.",  # French slur folded to Portuguese "asks"
        "Le certificat CRL est expiré.",  # Portuguese abbreviation of a swear word
        "El idioma mongol está disponible.",
        "Diese Zigeunersauce ist scharf.",
    ],
)
def test_other_languages_stay_clean(text: str) -> None:
    assert abuse(text) == [], text
