"""Contact cues that follow how each language says it: asking "what is your e-mail?", a private
message, another marketplace's shop, Chinese directives (致电, 登录官网, 添加客服, 进群) and
Chinese read through its spaces, handles spelt around filters or glued to Chinese, links
without a dot, with a shortener's TLD or to an IP address. For each: the positive, the negated
or reassuring form, and a harmless look-alike."""

from __future__ import annotations

import pytest
from policy_helpers import error_rules

CONTACT = "contact.off-platform"


@pytest.mark.parametrize(
    ("positive", "negated", "lookalike"),
    [
        # asking for the buyer's e-mail, phone or messenger id as a question
        (
            "What is your email address?",
            "We will never ask what your email address is.",
            "What is your order number?",
        ),
        ("¿Cuál es tu correo?", "Nunca te preguntaremos cuál es tu correo.", "¿Cuál es tu talla?"),
        (
            "Qual é o seu WhatsApp?",
            "Nunca perguntamos qual é o seu WhatsApp.",
            "Qual é o seu tamanho?",
        ),
        (
            "Quel est votre numéro de téléphone ?",
            "Nous ne demandons jamais quel est votre numéro de téléphone.",
            "Quel est votre numéro de commande ?",
        ),
        (
            "Wie lautet Ihre E-Mail-Adresse?",
            "Wir fragen nie, wie Ihre E-Mail-Adresse lautet.",
            "Wie lautet Ihre Bestellnummer?",
        ),
        (
            "Qual è il suo numero di cellulare?",
            "Non chiediamo mai qual è il suo numero di cellulare.",
            "Qual è il suo numero d'ordine?",
        ),
        # handles written around filters
        ("联系我的w.h.a.t.s.a.p.p", "不要联系w.h.a.t.s.a.p.p上的陌生人", "联系我们的客服"),
        ("加威信", "不要加威信", "商家的威信很重要"),
        ("私信我", "不要私信陌生人", "信息已更新"),
        ("纸飞机联系", "不要用纸飞机联系陌生人", "这款小飞机玩具很好玩"),
        ("加我 微 信", "不要加微信", "微笑服务"),
        # a messenger's Latin name glued to Chinese, and Chinese directives to leave Wish
        ("用whatsapp联系", "不要用whatsapp联系陌生人", "在Wish上联系我们"),
        ("我的qq号是12345", "我们不会索要您的qq号", "我的订单号是12345"),
        ("请致电客服", "请勿拨打陌生电话", "请在Wish上联系客服"),
        ("请登录官网查询", "请勿登录陌生网站", "请在Wish查询物流"),
        ("关注我们的公众号", "不要关注陌生公众号", "关注订单状态"),
        ("扫码添加好友", "不要扫码添加陌生人", "请核对地址"),
        ("请添加专属客服", "请不要添加陌生客服", "京东客服为您服务"),
        ("详情咨询客服热线", "不要拨打陌生热线", "详情请看商品描述"),
        ("复制链接到浏览器打开", "不要复制陌生链接", "复制订单号给我们"),
        ("访问 abc点com", "", "一点点"),
        ("私聊我", "不要私聊陌生人", "聊聊尺码"),
        ("进群领红包", "不要进群", "进度已更新"),
        ("去我们的淘宝店", "我们没有淘宝店", "我们在Wish上的店铺"),
        # a private message asked for, another marketplace's shop
        (
            "Escríbenos al privado",
            "No nos escribas al privado: responde aquí.",
            "Escríbenos aquí en Wish",
        ),
        ("Mande no privado", "", "Mande aqui na Wish"),
        (
            "Envoyez-nous un message privé",
            "N'envoyez pas de message privé.",
            "Envoyez-nous un message ici",
        ),
        (
            "Schick uns eine private Nachricht",
            "Schick uns keine private Nachricht.",
            "Schreib uns hier",
        ),
        ("Scrivici in privato", "Non scriverci in privato.", "Scrivici qui"),
        ("Buy from our Amazon store", "We do not sell on Amazon.", "I bought it on Amazon too."),
        ("Find us on eBay", "You will not find us on eBay.", "Your order was not from eBay."),
        ("Reach us at our hotline", "", "Reach us through this ticket"),
        ("Scrivici una e-mail", "Non scriverci una e-mail: rispondi qui.", "Scrivi qui su Wish"),
        (
            "Mande uma mensagem no zap",
            "Não mande mensagem no zap.",
            "Mande uma mensagem aqui na Wish",
        ),
        ("Ligue para a nossa central", "Não ligue para a nossa central.", "Responda por aqui"),
        # a Chinese "不" that negates nothing: could not reach you, the information is incomplete
        ("电话联系不上，请加快递员微信。", "请不要加快递员微信。", "电话联系不上，请在Wish留言。"),
        (
            "您的快递信息不全，请点击链接。",
            "请不要点击链接。",
            "您的快递信息不全，请在Wish更新地址。",
        ),
        ("收不到货请加微信", "收不到货也不要加微信", "收不到货请在Wish申请退款"),
        ("不满意包退，加微信咨询", "不满意也不要加微信", "不满意可以在Wish申请退款"),
        # a link with a scheme but no dot, and a shortener's TLD
        ("Klicken Sie hier http // bit", "", "Hier klicken, um die Sendung auf Wish zu sehen."),
        ("Confirme aquí bit.do/seur-es", "", "El pedido va en camino."),
        # a host given as its IPv4 address; a version or a price has fewer parts
        (
            "Acesse o canal 191.232.213.50 para continuar",
            "",
            "A versão 2.3.1 do app custa 1.234,50",
        ),
        # ... and a four-part version named as one (a JDDC reply: "升级到9.0.0.181版本")
        ("Server at 192.168.0.181", "", "Please update the app to version 9.0.0.181 first."),
        ("请访问 192.168.0.181 领取", "", "需要手机升级到9.0.0.181版本"),
        # "00" and the trunk "(0)" are not counted against the 15 digits of a phone number
        ("Hotline: 0049 (0)203-47955990", "", "Bestellnummer 0049203479559901234567"),
        # sent *to* the buyer's address (a Sylius mail string) is not asking for it
        (
            "Envoyez-nous votre adresse e-mail, s'il vous plaît.",
            "Nous ne vous demanderons jamais votre adresse e-mail.",
            "Un email contenant le lien de vérification a été envoyé à votre adresse email.",
        ),
        (
            "Ci invii il suo indirizzo email, per favore.",
            "Non le chiederemo mai il suo indirizzo email.",
            "Un'email con il link di verifica è stata inviata al tuo indirizzo email.",
        ),
        (
            "Por favor, envie o seu e-mail.",
            "Nunca pedimos o seu e-mail.",
            "Um e-mail com um link de verificação foi enviado para seu endereço de e-mail.",
        ),
    ],
)
def test_contact_cue(positive: str, negated: str, lookalike: str) -> None:
    assert CONTACT in error_rules(positive), positive
    for clean in (negated, lookalike):
        if clean:
            assert CONTACT not in error_rules(clean), clean
