"""respect.abuse on the variants real text uses: stretched letters, insults denied of the
reader, compounds and inflections, insults made by the words around them (vocatives,
demonstratives, "putain de ..."), and respect.tone's "don't you understand" / "how many
times" in every language. For each: the positive, the negated or neutral use, and the
look-alike that must stay clean."""

from __future__ import annotations

import pytest
from policy_helpers import NOW

from wishdesk.domain.policy import lint


def rules(text: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for f in lint(text, now=NOW):
        if f.rule.startswith("respect."):
            found.setdefault(f.rule, []).append(f.match)
    return found


def abusive(text: str) -> bool:
    return "respect.abuse" in rules(text)


STRETCHED = [
    # a stretched insult, the same letters stretched in a harmless word
    ("You are an idiooooot.", "Sooooo sorry for the wait!"),
    ("Sei uno stronzooooo!", "Grazieeee per l'ordine!"),
    ("Qué imbéciiiil.", "Muchas graciaaaas por su compra."),
    ("Du Vollidiooooot.", "Viiiielen Dank für Ihre Geduld."),
    ("Va te faire fouuuutre.", "Merciiii pour votre achat."),
]


@pytest.mark.parametrize(("insult", "harmless"), STRETCHED)
def test_stretched_letters_are_read_back(insult: str, harmless: str) -> None:
    assert abusive(insult), insult
    assert rules(harmless) == {}, harmless


def test_a_stretched_word_is_reported_where_it_was_written() -> None:
    [finding] = [f for f in lint("Oh, you shiiiiit.", now=NOW) if f.rule == "respect.abuse"]
    assert finding.match == "shiiiiit"


DENIED = [
    # the insult said of the reader, the same insult denied of them
    ("You are an idiot.", "You are not an idiot: the size chart is hard to find."),
    ("Eres un idiota.", "No eres un idiota, la ficha estaba mal."),
    ("Sei un idiota.", "Non sei un idiota, l'errore è nostro."),
    ("Sie sind ein Versager.", "Sie sind kein Versager, der Fehler lag bei uns."),
    ("T'es un connard.", "Tu n'es pas un connard, c'est notre faute."),
    ("Você é um idiota.", "Você não é um idiota, o erro foi nosso."),
    ("你是傻子", "你不是傻子，是我们写错了。"),
]


@pytest.mark.parametrize(("insult", "denied"), DENIED)
def test_an_insult_denied_of_the_reader_is_clean(insult: str, denied: str) -> None:
    assert abusive(insult), insult
    assert not abusive(denied), denied


def test_a_denial_does_not_clean_swearing_elsewhere_in_the_sentence() -> None:
    assert abusive("You are not an idiot, you are a fucking liar.")
    assert abusive("This is not fucking acceptable.")
    assert abusive("This is not a fucking joke.")
    assert abusive("Non è un cazzo di problema nostro.")


WORDS = [
    # language, new entries (compounds, inflections, regional insults), look-alikes
    (
        "de",
        ["Diese Dorfdeppen wählen das.", "Ein totaler Versager.", "Klugscheißer!"],
        ["Wir versagen nie beim Versand.", "Ein Ratgeber gegen Versagensangst liegt bei."],
    ),
    (
        "es",
        ["Qué mentecato.", "Pedazo de zopenco.", "Eres un cenutrio."],
        ["Un capullo de seda en la caja.", "Tu madre recibió el paquete."],
    ),
    (
        "fr",
        ["Quel ducon.", "C'est chiant, connerie de site.", "Pauvre con."],
        ["Je me suis pas assez attardé sur la fiche.", "Le paquet sale con la factura."],
    ),
    (
        "it",
        ["Sei un bifolco.", "Dicono solo cazzate.", "Che facce da culo.", "Disgraziate!"],
        ["La cazzuola è nel pacco.", "Disgraziatamente il pacco è in ritardo."],
    ),
    (
        "pt",
        ["Vai te lascar.", "Velho babão.", "Cala a boca, mulambo."],
        ["O bolo de rolo chegou.", "O retardador de chama vai no pacote."],
    ),
    (
        "en",
        ["You dickwad.", "What a douchebag.", "Go fuck yourself."],
        ["A shower douche head and a flame retardant spray.", "The loser's bracket poster."],
    ),
    (
        "zh",
        ["这个大流氓", "你真是个渣滓", "我看你就是键盘侠"],
        ["流氓软件已清除", "请向下滚动页面", "去死皮膏已发货"],
    ),
]


@pytest.mark.parametrize(("lang", "insults", "alike"), WORDS)
def test_new_entries_and_their_look_alikes(lang: str, insults: list[str], alike: list[str]) -> None:
    for text in insults:
        assert abusive(text), text
    for text in alike:
        assert not abusive(text), text


IN_CONTEXT = [
    # the words around make the insult; the same word in its ordinary sense stays clean
    ("ok mongol... range ta chambre.", "Le barbecue mongol est livré demain."),
    ("T'es un putain de mongol.", "La cuisine mongole est à l'honneur."),
    ("Espèce d'attardé.", "Une espèce de plante rare, bien emballée."),
    ("L'arbitre est un attardé mental.", "Le colis s'est attardé au centre de tri."),
    ("Pobre burro.", "O burro de pelúcia está no pacote."),
    ("Esse asno não sabe ler.", "Está correto o endereço."),
    ("Vai se lascar.", "Vai receber o pedido amanhã."),
    ("Was für ein erbärmlicher Feigling.", "Was für ein schöner Tag."),
    ("Lassen Sie Ihre blöden Ideen.", "Eine dumme Idee von uns, verzeihen Sie."),
    ("Du Waschlappen!", "Diese Waschlappen sind aus Baumwolle."),
    ("Die sind alle unfähig.", "Das ist dumm gelaufen, wir schicken Ersatz."),
    ("你怕是被男方团队洗脑了吧", "洗脑神曲的CD已发货"),
    ("你这人真恶心", "孕期容易恶心想吐，这款姜糖可以缓解。"),
    ("这个人真垃圾", "这个人造革垃圾桶已补发。"),
    ("你算老几", "你算一下运费就知道了。"),
    ("C'était ironique, mongol.", "Le bœuf mongol, la recette du livre."),
    ("Tu vas pas te faire voler mongol", "Il est mongol, il parle le mongol."),
    ("J'tire sur ces negro", "Le sac existe en negro y blanco."),
    ("Bode velho asqueroso.", "O bode velho da fazenda, em pelúcia."),
    (
        "Nur die Dumm-Deutschen begreifen es nicht.",
        "Wir waren leider nicht in der Lage, zu liefern.",
    ),
    ("憨批气死我", "防色狼喷雾已发货"),
    ("另外你真的很自私！", "另外您买的几把伞已经发货。"),
    ("讨厌这个女人", "这个女人节礼盒很受欢迎。"),
    ("一个超级垃圾的女人", "垃圾的分类方法见说明书。"),
    ("Prefiro ver o Lula morto.", "Quero ver o mapa do Mar Morto."),
    ("Outro asno que não sabe nada.", "Outro pedido chegou ontem."),
]


@pytest.mark.parametrize(("insult", "neutral"), IN_CONTEXT)
def test_insults_made_by_the_words_around_them(insult: str, neutral: str) -> None:
    assert abusive(insult), insult
    assert not abusive(neutral), neutral


TONE = [
    # condescending, the neutral sentence with the same words
    ("How hard is it to read the size chart?", "How hard is it to clean? Very easy."),
    ("Verstehen Sie das nicht?", "Verstehen Sie nicht ganz? Gern erklären wir es."),
    ("Wie oft noch: die Größe steht da.", "Wie oft wird geliefert? Zweimal die Woche."),
    ("¿No lo entiende?", "Si no lo entiende, le ayudamos."),
    ("Cuántas veces tengo que decirlo", "Cuántas veces lo puede lavar: muchas."),
    ("Vous ne comprenez pas ?", "Vous ne comprenez pas bien la notice ? Nous vous aidons."),
    ("Combien de fois faut-il le dire", "Combien de fois peut-on le laver ?"),
    ("Non ha capito?", "Se non ha capito la taglia, ci scriva."),
    ("Quante volte devo ripeterlo", "Quante volte si può lavare? Tante."),
    ("Não entende?", "Se não entende o manual, nós ajudamos."),
    ("Quantas vezes tenho que falar", "Não é difícil de montar."),
    ("你看不懂中文吗", "中文说明书已随包裹寄出。"),
    ("说了多少遍了", "这款可以洗很多遍。"),
    ("有完没完", "完好无损，请放心。"),
]


@pytest.mark.parametrize(("tone", "neutral"), TONE)
def test_tone_in_every_language(tone: str, neutral: str) -> None:
    found = rules(tone)
    assert "respect.tone" in found, tone
    assert "respect.abuse" not in found, tone
    assert rules(neutral) == {}, neutral
