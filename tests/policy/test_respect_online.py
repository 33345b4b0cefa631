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


GROUPS = [
    # insults of a group the reader belongs to, and the same words about things
    ("en", "Your lazy ass should have read it.", "A kick ass price on the blender."),
    ("en", "Quit it, you dumbfuck.", "The passenger seat cover is on its way."),
    ("zh", "你们这些人都是垃圾", "这些都是垃圾袋，已补发。"),
    ("zh", "你也配投诉？", "这款配件已发货。"),
    ("de", "So ein Schwachsinn, Sie Kotzbrocken.", "Kakao und Kacheln sind unterwegs."),
    ("it", "Vergognatevi, sciacalli.", "Maglia in lurex e il gioco La maledizione del faraone."),
    ("it", "Che lurido verme.", "A lurid neon poster, framed."),
    ("es", "Cállate, mujerzuela.", "La mujer que firmó el recibo."),
    ("pt", "Que nojo dessa gentalha.", "A gente agradece o seu contato."),
]


@pytest.mark.parametrize(("lang", "insult", "alike"), GROUPS)
def test_group_insults_and_their_look_alikes(lang: str, insult: str, alike: str) -> None:
    assert abuse(insult), insult
    assert abuse(alike) == [], alike


@pytest.mark.parametrize(
    ("stretched", "alike"),
    [
        ("Que mieeerda de respuesta.", "Miramos la mercancía."),
        ("P*ta tienda.", "La pauta de envío."),
        ("Porraaaa, de novo.", "A porta está aberta."),
        ("Che c*zzo vuole?", "Il cazzotto del pugile è un film."),
        ("Str*nzo!", "La strofa della canzone."),
        ("Meeeerde alors.", "Merci pour votre commande."),
        ("Du Arschlooooch.", "Die Arche Noah als Bausatz."),
        ("What a sh*tty b*tch.", "The shuttle and the batch shipped."),
    ],
)
def test_stretched_and_starred_swear_words(stretched: str, alike: str) -> None:
    assert abuse(stretched), stretched
    assert abuse(alike) == [], alike


@pytest.mark.parametrize(
    ("threat", "alike"),
    [
        ("They all deserve to die.", "Hang them all on the wall: the frames ship today."),
        ("Hay que matarlos a todos.", "Puede colgarlos en la pared o quemarlos en un CD."),
        ("Il faut les tuer.", "Vous pouvez les pendre à la fenêtre."),
        ("Bala neles.", "A bala de goma vai no pacote."),
        ("Bisogna ammazzarli.", "Il programma aiuta a bruciarli, i grassi."),
        ("Die gehören erschossen.", "Damit können Sie die Zeit totschlagen."),
        ("你这种人禽兽不如", "动物纪录片已发货，不如换个颜色？"),
    ],
)
def test_calls_to_violence_and_their_look_alikes(threat: str, alike: str) -> None:
    assert abuse(threat), threat
    assert abuse(alike) == [], alike
