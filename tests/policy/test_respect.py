"""respect.abuse (word lists, sentence insults, threats) and respect.tone in every language:
for each, the positive, the neutral or negated use, and the look-alike that must stay clean."""

from __future__ import annotations

import pytest
from policy_helpers import NOW

from wishdesk.domain.policy import lint


def respect(text: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for f in lint(text, now=NOW):
        if f.rule.startswith("respect."):
            found.setdefault(f.rule, []).append(f.match)
    return found


ABUSE = [
    # language, insult or profanity, threat, neutral or negated use, look-alikes
    (
        "en",
        "Listen, you dumbass, the size is on the page.",
        "Keep writing and I'll hurt you.",
        "We would never call a customer names; sorry for the wait.",
        "Our assistant sends a cocktail shaker and a Dickens novel; we analyse the scrap.",
    ),
    (
        "es",
        "Eres un gilipollas, la talla está en la ficha.",
        "Si vuelve a escribir, te voy a matar.",
        "No queremos que se sienta mal: el paquete sale con la factura.",
        "Con su computadora recibirá la disputa resuelta; la reputación de la tienda importa.",
    ),
    (
        "fr",
        "Quel connard, ce client.",
        "Je sais où tu habites.",
        "Le colis est parti avec un léger retard, merci de votre patience.",
        "Un pastis offert avec la commande, con un petit mot en italien; le débit est nickel.",
    ),
    (
        "de",
        "Du bist ein Vollidiot, lies die Beschreibung.",
        "Ich bringe dich um, wenn du noch einmal schreibst.",
        "Der Pullover ist dick und warm; wir entschuldigen uns für die Verzögerung.",
        "Das Ballett Schwanensee auf DVD, der Marsch der Musikkapelle als Noten.",
    ),
    (
        "pt",
        "Que cliente babaca, vai tomar no cu.",
        "Eu sei onde você mora.",
        "A embalagem foi feita com cuidado e o pedido sai com o código de rastreio.",
        "Este computador vem com a reputação da loja e sem disputa.",
    ),
    (
        "it",
        "Sei un coglione, la taglia era scritta.",
        "Ti spacco la faccia se scrivi ancora.",
        "La batteria è debole, le mandiamo un ricambio con la spedizione gratuita.",
        "La cazzuola da muratore arriva con il corno portafortuna.",
    ),
    (
        "zh",
        "你是个傻逼吧，描述写着尺码。",
        "再发消息我就弄死你。",
        "我们绝不会辱骂顾客，给您带来不便非常抱歉。",
        "祝您妈妈的生日快乐，请靠近门口签收；去死皮膏已经发货。",
    ),
]


@pytest.mark.parametrize(("lang", "insult", "threat", "neutral", "alike"), ABUSE)
def test_abuse_in_every_language(
    lang: str, insult: str, threat: str, neutral: str, alike: str
) -> None:
    assert "respect.abuse" in respect(insult), insult
    assert "respect.abuse" in respect(threat), threat
    assert respect(neutral) == {}, neutral
    assert respect(alike) == {}, alike


SENTENCES = [
    # an insult said of the reader, the same word used of a thing
    ("vous êtes nul, relisez la fiche", "match nul, le colis est reparti"),
    ("du bist so dumm", "eine dumme Verzögerung der Post, verzeihen Sie"),
    ("sei proprio inutile", "questo cavo è inutile senza adattatore"),
    ("eres un payaso", "un disfraz de payaso para niños"),
    ("você é um lixo", "o lixo reciclável vai em outra caixa"),
    ("你真蠢", "这款蠢萌的玩偶很可爱"),
    ("è un bugiardo", "il bugiardino è nella scatola"),
    ("ci prendete per il c..o", "il c.o.d. non è disponibile"),
    ("essa prostituta", "esta prova de compra"),
    ("ces débiles ne lisent rien", "las pilas débiles se cambian gratis"),
    ("sale bande, tous des pédés", "o cliente pede um reembolso"),
    ("esse time é um lixo", "descarte em um lixo eletrônico"),
    ("me das asco", "el casco llega mañana"),
    ("fai pena", "mi fa pena vederlo rotto, lo sostituiamo"),
    ("c'est dégueulasse", "le dégradé est joli"),
    # group insults
    ("Your lazy ass should have read it.", "A kick ass price on the blender."),
    ("Quit it, you dumbfuck.", "The passenger seat cover is on its way."),
    ("你们这些人都是垃圾", "这些都是垃圾袋，已补发。"),
    ("你也配投诉？", "这款配件已发货。"),
    ("So ein Schwachsinn, Sie Kotzbrocken.", "Kakao und Kacheln sind unterwegs."),
    ("Vergognatevi, sciacalli.", "Maglia in lurex e il gioco La maledizione del faraone."),
    ("Che lurido verme.", "A lurid neon poster, framed."),
    ("Cállate, mujerzuela.", "La mujer que firmó el recibo."),
    ("Que nojo dessa gentalha.", "A gente agradece o seu contato."),
    # stretched and starred-out swear words
    ("Que mieeerda de respuesta.", "Miramos la mercancía."),
    ("P*ta tienda.", "La pauta de envío."),
    ("Porraaaa, de novo.", "A porta está aberta."),
    ("Che c*zzo vuole?", "Il cazzotto del pugile è un film."),
    ("Str*nzo!", "La strofa della canzone."),
    ("Meeeerde alors.", "Merci pour votre commande."),
    ("Du Arschlooooch.", "Die Arche Noah als Bausatz."),
    ("What a sh*tty b*tch.", "The shuttle and the batch shipped."),
    # calls to violence; "hang", "burn" and "kill time" of things stay clean
    ("They all deserve to die.", "Hang them all on the wall: the frames ship today."),
    ("Hay que matarlos a todos.", "Puede colgarlos en la pared o quemarlos en un CD."),
    ("Il faut les tuer.", "Vous pouvez les pendre à la fenêtre."),
    ("Bala neles.", "A bala de goma vai no pacote."),
    ("Bisogna ammazzarli.", "Il programma aiuta a bruciarli, i grassi."),
    ("Die gehören erschossen.", "Damit können Sie die Zeit totschlagen."),
    ("你这种人禽兽不如", "动物纪录片已发货，不如换个颜色？"),
]


@pytest.mark.parametrize(("insult", "neutral"), SENTENCES)
def test_insults_need_the_sentence(insult: str, neutral: str) -> None:
    assert "respect.abuse" in respect(insult), insult
    assert "respect.abuse" not in respect(neutral), neutral


TONE = [
    # language, condescending or blaming, neutral
    ("en", "As stated in the description, it is a size S.", "The description lists size S."),
    ("en", "Please read the description.", "You can read the description for the sizes."),
    ("es", "Como se indica en la descripción, es talla S.", "La descripción indica la talla S."),
    ("fr", "Comme indiqué dans la description, c'est un S.", "La description indique un S."),
    ("de", "Wie bereits gesagt, der Artikel ist unterwegs.", "Der Artikel ist unterwegs."),
    ("pt", "Como já foi dito, o prazo é de 20 dias.", "O prazo é de 20 dias."),
    ("it", "Come già detto, la spedizione è gratuita.", "La spedizione è gratuita."),
    ("zh", "没看描述吗？尺码写着呢。", "尺码请参考描述，谢谢。"),
    ("zh", "描述里写得很清楚。", "描述里有尺码表。"),
    ("de", "Das ist Ihr Problem.", "Das Problem lösen wir für Sie."),
    ("es", "ESTO ES INACEPTABLE PARA NOSOTROS DE VERDAD", "Esto es inaceptable para nosotros."),
]


@pytest.mark.parametrize(("lang", "rude", "neutral"), TONE)
def test_tone_in_every_language(lang: str, rude: str, neutral: str) -> None:
    assert respect(rude).keys() == {"respect.tone"}, rude
    assert respect(neutral) == {}, neutral


def test_leetspeak_and_spacing_are_read() -> None:
    assert respect("what a sh1t service")["respect.abuse"] == ["sh1t"]
    assert respect("what an a$$hole")["respect.abuse"] == ["a$$hole"]
    assert respect("@sshole!")["respect.abuse"] == ["@sshole"]
    assert respect("i d i o t")["respect.abuse"] == ["i d i o t"]
    assert respect("Order 10 of 12 shipped, 3 left") == {}


def test_spans_point_at_the_original_text() -> None:
    text = "Ｓｏｒｒｙ, but you are an ＩＤＩＯＴ!!"
    (match,) = respect(text)["respect.abuse"]
    assert match in text and "ＩＤＩＯＴ" in match and not match.endswith("!")


def test_open_entries_take_the_whole_word() -> None:
    assert respect("So ein Riesenarschloch!")["respect.abuse"] == ["Riesenarschloch"]
    assert respect("go fucking away")["respect.abuse"] == ["fucking"]
    assert respect("a shiitake and shitake risotto") == {}


def test_the_mexican_pinche_is_still_profanity() -> None:
    assert "respect.abuse" in respect("Ese pinche cliente no lee la descripción.")
    assert "respect.abuse" in respect("Eres un pinche pendejo.")


@pytest.mark.parametrize(
    "text",
    [
        # every list applies to every message: words of one language that are an insult in
        # another, and delays, which several languages call "retard-"
        "Votre colis a du retard.",
        "Su pedido está retrasado una semana.",
        "La spedizione è ritardata di due giorni.",
        "Der Stoff ist dick und weich.",
        "Mosquito bite relief patches, a jerk chicken seasoning and a soap scum remover.",
        "我们会送去你的地址，请注意查收。",
        "Le enviaremos el paquete y que te den el recibo en la oficina.",
        "I will find you a replacement in the right size today.",
        "Il cono gelato e la batteria debole sono in garanzia.",
        # "pinche" is "click" in Spain (a Portuguese helper's false alarm)
        "Pinche aquí para ver su pedido.",
        "Para seguir el envío, pinche en el enlace de seguimiento.",
    ],
)
def test_words_of_other_languages_stay_clean(text: str) -> None:
    assert "respect.abuse" not in respect(text), text
