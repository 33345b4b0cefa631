"""respect.abuse entries and sentence shapes of the sixth pass (branch respect6-eu) for German,
Portuguese and Italian, read from the GermEval 2018 / 2019, OffComBR / ToLD-Br and HaSpeeDe 2018
rows kept outside the corpus (tests/corpus/README.md, section respect6-eu). For each family: the
positive, the negated (denied, or the same sentence without the insult: profanity stays
profanity when denied), and the look-alike that must stay clean. The sentences are written here."""

from __future__ import annotations

import pytest
from policy_helpers import check_cue

ABUSE = "respect.abuse"

CASES = [
    # (positive, negated, look-alike)
    # de: nicknames and compounds of the word list
    (
        "Der Ferkelfunk lügt schon wieder.",
        "Der Rundfunk berichtet schon wieder.",
        "Die Ferkel im Stall sind gesund.",
    ),
    ("Das sind Krimigranten.", "Das sind keine Migranten.", "Ein Krimi im Fernsehen."),
    ("Er ist ein Unmensch.", "Er ist kein Unmensch.", "Das war unmenschlich heiß heute."),
    ("So ein Sauhaufen!", "So ein Haufen Arbeit!", "Der Sauerteig ist fertig."),
    ("#FckAfD", "#AfD", "Dieses Spray ist FCKW-frei."),
    ("Verpisst euch endlich!", "Geht bitte endlich.", "Die Verpackung ist beschädigt."),
    ("Ihr seid doch Wirrköpfe.", "Ihr seid keine Wirrköpfe.", "Der Wirbel war groß."),
    ("Sie hat was an der Waffel.", "Sie hat eine Waffel gegessen.", "Waffeln mit Sahne."),
    # de: sentence shapes
    (
        "Ihr linken Spinner habt keine Ahnung.",
        "Ihr habt keine Ahnung.",
        "Die Spinner für den Hecht sind im Paket.",
    ),
    (
        "Ihr kotzt einen nur noch an.",
        "Ihr regt einen nur noch auf.",
        "Der Hund hat sich gestern übergeben.",
    ),
    (
        "Was für eine widerliche Kreatur.",
        "Was für eine freundliche Person.",
        "Wenn diese Kreatur ins Spiel kommt, ziehe eine Karte.",
    ),
    (
        "Wie kann man nur so dumm sein?",
        "Wie kann man nur so freundlich sein?",
        "Das war so dumm von mir, Entschuldigung für die Verspätung.",
    ),
    ("Noch ein Irrer unterwegs.", "Noch ein Kunde unterwegs.", "Ein irrer Preis für die Jacke!"),
    (
        "Sie haben mehrere Schrauben locker.",
        "Sie haben keine Zeit.",
        "Am Regal ist eine Schraube locker, bitte ziehen Sie sie fest.",
    ),
    # de: second round (vocatives, compounds)
    ("Danke fürs Ändern, du Otto.", "Danke fürs Ändern, Otto.", "Bestellst du Otto-Katalog?"),
    ("Ihr Nulltipper!", "Ihr Tipper!", "Die Nullen im Preis sind richtig."),
    ("Diese alten Säcke.", "Diese alten Herren.", "Zwei Säcke Kartoffeln."),
    ("Zu viel Nebel in der hohlen Rübe!", "Zu viel Nebel im Tal!", "Eine Rübe aus dem Garten."),
    # de: third round
    ("Spahn ist ne Tucke.", "Spahn ist ein Minister.", "Die Tücken der Technik kennt jeder."),
    ("Die bildungsferne Vollniete.", "Die bildungsferne Schicht.", "Die Jacke hat Nieten."),
    ("Blödes dummes Land!", "Schönes großes Land!", "Das Land ist groß."),
    ("Soll er doch dort verrotten.", "Soll er doch dort bleiben.", "Das Obst kann verrotten."),
    (
        "Wer das fordert, ist ein Narr.",
        "Wer das fordert, ist kein Narr.",
        "Die Narren im Karneval.",
    ),
    ("Heil Erdowahn! 🖕", "Heil angekommen! 👍", "Das Paket ist heil angekommen."),
    # de: fourth round
    ("Sie sind ein zeitraubender Troll!", "Sie sind kein Troll!", "Das ist ein Troll aus Harz."),
    ("Das ist unbegreiflich dumm.", "Das ist unbegreiflich schön.", "Das ist unbegreiflich."),
    ("Die gehört in die Geschlossene.", "Die gehört in die Küche.", "Die Tür ist geschlossen."),
    ("Wie schwer von Begriff kann man sein?", "Wie schwer kann das sein?", "Ein schwerer Begriff."),
    # pt: word list
    ("Sai daqui, lazarento.", "Sai daqui, amigo.", "O lazer é importante."),
    ("O Palmerda perdeu de novo.", "O Palmeiras perdeu de novo.", "A palmeira caiu no quintal."),
    ("Seu anencéfalo.", "Seu pedido chegou.", "O encéfalo é um órgão."),
    # pt: sentence shapes
    (
        "A ordem é exterminar este lixo comunista nas urnas.",
        "A ordem é votar nas urnas.",
        "Coloque o lixo reciclável no contêiner.",
    ),
    ("Ridícula.", "Não é ridícula.", "Que vestido ridiculamente bonito."),
    ("João, retardado!", "Você não é retardado!", "O envio foi atrasado."),
    ("Você é um cara de pau.", "Você é um cara legal.", "Comprei uma colher de pau."),
    ("BURRO ASNO", "Burro de pelúcia", "O asno da fazenda comeu capim."),
    # pt: second round
    ("Que mulher retardada.", "Que mulher simpática.", "A entrega foi retardada pela chuva."),
    ("Vc é feio pra caramba!", "Vc não é feio!", "O tempo está feio hoje."),
    ("Gilmar, este verme.", "Gilmar, este senhor.", "O verme da terra ajuda a horta."),
    ("Além de tudo é burro.", "Além de tudo é simpático.", "Pão com manteiga, burro de pelúcia."),
    ("Anta gorda.", "Anta do zoológico.", "A vaca está gorda e saudável."),
    ("Bando de desocupados, vão estudar.", "Bando de amigos.", "Um bando de pássaros."),
    ("Um baita boy lixo.", "Um baita boy.", "O saco de lixo está cheio."),
    # it: word list
    ("C'è un fottuto comunista.", "C'è un comunista.", "Il fotografo è arrivato."),
    ("Mi fai incazzare.", "Mi fai arrabbiare.", "La cazzuola è nel secchio."),
    ("Questo lercio governo.", "Questo governo.", "Ah, non è Lercio? Lol"),
    # it: sentence shapes
    (
        "Il pd è un partito di ladri.",
        "Il pd è un partito di centro.",
        "Hanno arrestato un gruppo di ladri.",
    ),
    (
        "Mi stanno sulle palle i razzisti.",
        "Mi stanno antipatici i razzisti.",
        "Stampiamo il tuo nome sulle palle di Natale.",
    ),
    ("Un pagliaccio come Renzi.", "Un politico come Renzi.", "Un pagliaccio di peluche."),
    ("L'oca che starnazza.", "La ministra che parla.", "L'oca nel cortile."),
    ("Sono un cancro dell'umanità.", "Sono parte dell'umanità.", "Il cancro è una malattia."),
    ("Sti cessi in tv.", "Sti due in tv.", "La casa ha due bagni."),
    # it: second round (vulgar verbs, calls to kill)
    ("Fanno cagare tutte e due.", "Non mi piacciono tutte e due.", "Il cane deve uscire."),
    ("Uccidete tutti i musulmani!", "Non uccidete nessuno!", "Eliminate tutti i filtri."),
    ("Darei fuoco al campo.", "Darei una mano al campo.", "Diamo fuoco alla legna del camino."),
    ("Sei una zozzona.", "Non sei una zozzona.", "Una zuppa calda."),
    ("Siete dei delinquenti!", "Non siete dei delinquenti!", "Arrestati due delinquenti a Roma."),
]


@pytest.mark.parametrize(("positive", "negated", "lookalike"), CASES)
def test_respect_eu_sixth(positive: str, negated: str, lookalike: str) -> None:
    check_cue(ABUSE, positive, negated, lookalike)
