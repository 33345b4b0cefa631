"""Payment and contact cues that follow how each language says it: an unpaid payment ("we have
not received your payment"), logging in to one's online banking, changing one's IBAN, a threat
("to avoid the suspension") that is not a negation, a bank account verified or unblocked, asking
"what is your e-mail?", Chinese read through its spaces, handles spelt around filters, links
without a dot, with a shortener's TLD or to an IP address. For each: the positive, the negated
or reassuring form, and a harmless look-alike."""

from __future__ import annotations

import pytest
from policy_helpers import NOW

from wishdesk.domain.policy import lint

OFF = "payment.off-platform"
ASKS = "payment.account-request"
SHARED = "payment.details-shared"
CONTACT = "contact.off-platform"
PAYMENT = {OFF, ASKS, SHARED}


def errors(text: str) -> set[str]:
    return {f.rule for f in lint(text, now=NOW) if f.is_error}


CASES = [
    # "we have not received your payment": the sum is to be paid, outside Wish
    (
        OFF,
        "We have not received your payment for the extra shipping.",
        "You do not need to pay anything else: the order is paid on Wish.",
        "If you have not received your refund yet, it is on its way through Wish.",
    ),
    (
        OFF,
        "Todavía no hemos recibido su pago de los gastos de envío.",
        "Nunca le pediremos un pago fuera de Wish.",
        "Si no ha recibido su reembolso, llegará por Wish.",
    ),
    (
        OFF,
        "Nous n'avons pas reçu votre paiement pour la livraison.",
        "Vous n'avez rien à payer en dehors de Wish.",
        "Nous n'avons pas reçu votre message, pouvez-vous le renvoyer ici ?",
    ),
    (
        OFF,
        "Wir haben Ihre Zahlung noch nicht erhalten.",
        "Sie müssen nichts außerhalb von Wish bezahlen.",
        "Wir haben Ihre Nachricht noch nicht erhalten.",
    ),
    (
        OFF,
        "Não recebemos o seu pagamento da taxa de envio.",
        "Nunca pedimos pagamentos fora da Wish.",
        "Não recebemos a sua mensagem, pode escrever de novo aqui?",
    ),
    (
        OFF,
        "Non abbiamo ricevuto il suo pagamento per la spedizione.",
        "Non le chiederemo mai un pagamento fuori da Wish.",
        "Non abbiamo ricevuto la sua foto, può inviarla qui?",
    ),
    (OFF, "我们还没有收到您的付款。", "您无需另外付款。", "我们还没有收到您的照片。"),
    # logging in to one's online banking
    (
        ASKS,
        "Please log in to your online banking to confirm the order.",
        "We will never ask you to log in to your online banking.",
        "Please log in to your Wish account to confirm the order.",
    ),
    (
        ASKS,
        "Acceda a su banca online para firmar el recibo.",
        "Nunca le pediremos que acceda a su banca online.",
        "Acceda a su pedido en Wish para ver el seguimiento.",
    ),
    (
        ASKS,
        "Connectez-vous à votre espace bancaire pour valider.",
        "Ne vous connectez jamais à votre espace bancaire depuis un lien reçu.",
        "Connectez-vous à votre compte Wish pour suivre le colis.",
    ),
    (
        ASKS,
        "Loggen Sie sich in Ihr Online-Banking ein, um die Zahlung freizugeben.",
        "Loggen Sie sich niemals über einen Link in Ihr Online-Banking ein.",
        "Loggen Sie sich bei Wish ein, um die Sendung zu verfolgen.",
    ),
    (
        ASKS,
        "Acesse o seu internet banking para confirmar a compra.",
        "Nunca acesse o seu internet banking por links de mensagens.",
        "Acesse o seu pedido na Wish para ver o rastreio.",
    ),
    (
        ASKS,
        "Acceda al suo home banking per confermare l'ordine.",
        "Non acceda mai al suo home banking da un link ricevuto.",
        "Acceda al suo ordine su Wish per vedere la spedizione.",
    ),
    (ASKS, "请登录您的网上银行确认。", "请不要通过短信链接登录网上银行。", "请登录Wish查看物流。"),
    # changing one's IBAN / bank details
    (
        ASKS,
        "Effettui la procedura di cambio IBAN entro oggi.",
        "Non le chiederemo mai il cambio IBAN.",
        "Il cambio taglia si fa su Wish.",
    ),
    (
        ASKS,
        "Please update your bank details so we can pay you.",
        "We will never ask you to update your bank details.",
        "Please update your delivery address on Wish.",
    ),
    (
        ASKS,
        "Merci de procéder au changement de RIB aujourd'hui.",
        "Nous ne vous demanderons jamais de changement de RIB.",
        "Le changement de taille se fait sur Wish.",
    ),
    # a threat of what happens unless the reader acts is no negation of the request
    (
        ASKS,
        "Novo Banco: utilizador suspenso por segurança, ative agora e evite multa de 50 euros.",
        "O Novo Banco nunca pede para ativar o utilizador por mensagem.",
        "O utilizador da loja atualizou a página do produto.",
    ),
    (
        OFF,
        "Free Mobile : merci de régulariser votre facture afin d'éviter toute suspension de ligne.",
        "Vous n'avez aucune facture à régulariser.",
        "Votre facture Wish est disponible dans l'application.",
    ),
    (
        OFF,
        "Begleichen Sie Ihre offene Forderung online. Vermeiden Sie weitere Kosten.",
        "Sie haben keine offene Forderung bei uns.",
        "Ihre Bestellung ist unterwegs, weitere Kosten entstehen nicht.",
    ),
    # the Italian bank account ("il suo conto") verified or unblocked
    (
        ASKS,
        "Risulta un'anomalia sul suo conto, la invitiamo a verificare al seguente link.",
        "Non le chiederemo mai di verificare il suo conto.",
        "Il rimborso è stato accreditato sul suo conto, può verificare nell'app Wish.",
    ),
    (
        ASKS,
        "L'accesso al suo conto è stato limitato: sblocchi la sua utenza subito.",
        "Non sblocchi mai la sua utenza da un link ricevuto.",
        "Il pacco è stato sbloccato in dogana.",
    ),
    # a bank, card or suspicious payment named, then "confirm your data": in every language
    (
        ASKS,
        "Santander: hemos detectado una compra sospechosa, confirme sus datos en el enlace.",
        "Santander nunca le pedirá que confirme sus datos por SMS.",
        "Pagó con tarjeta en Wish. Confirme su dirección de envío.",
    ),
    (
        ASKS,
        "BNP Paribas : opération suspecte, confirmez vos informations.",
        "BNP Paribas ne vous demandera jamais de confirmer vos informations.",
        "Remboursé sur votre carte. Confirmez vos informations de livraison.",
    ),
    (
        ASKS,
        "Sparkasse: verdächtige Transaktion, bestätigen Sie Ihre Daten.",
        "Die Sparkasse fragt niemals per SMS nach Ihren Daten, bestätigen Sie nichts.",
        "Die Karte liegt bei. Bestätigen Sie die Lieferadresse auf Wish.",
    ),
    (
        ASKS,
        "Chase: suspicious transaction, confirm your details at the link.",
        "Chase will never ask you to confirm your details by text.",
        "Your refund goes to your card; please confirm your details for delivery.",
    ),
    (
        ASKS,
        "Nubank: identificamos uma compra suspeita, confirme seus dados.",
        "O Nubank nunca pede para confirmar seus dados por SMS.",
        "Pagou com cartão na Wish. Confirme o endereço de entrega.",
    ),
    (
        ASKS,
        "您的银行卡存在异常，请确认您的身份",
        "银行不会要求您通过短信确认身份",
        "请确认您的收货地址",
    ),
    # a German direct-debit mandate to renew
    (
        ASKS,
        "Ihr Lastschriftmandat ist zum 21.07 ausgelaufen, bitte erneuern Sie es unter dem Link.",
        "Ihr Lastschriftmandat muss nicht erneuert werden.",
        "Bitte erneuern Sie Ihre Bewertung, wenn die Ware angekommen ist.",
    ),
    # "we have not received your payment" in polite Spanish, and "valido" is "valid"
    (
        OFF,
        "Su factura está próxima a vencer, agradeceremos realizar su pago.",
        "No tiene que realizar ningún pago fuera de Wish.",
        "Válido pagando solo con tarjeta de crédito.",
    ),
    # an unpaid bill or fee named as such
    (
        OFF,
        "Endesa notifica facturas impagadas por 461,89 €.",
        "No tiene facturas impagadas.",
        "La factura de su pedido está en Wish.",
    ),
    (
        OFF,
        "You have an unpaid invoice of 12.99 USD for the shipping.",
        "You have no unpaid invoices: everything was paid on Wish.",
        "The invoice for your order is in the Wish app.",
    ),
    (
        OFF,
        "Ci risulta una bolletta scaduta di 35 euro.",
        "Non ha nessuna bolletta scaduta.",
        "La bolletta della luce non c'entra con l'ordine.",
    ),
    (
        OFF,
        "Sie haben eine offene Rechnung über 49 Euro.",
        "Sie haben keine offene Rechnung bei uns.",
        "Die Rechnung liegt dem Paket bei.",
    ),
    (OFF, "您的账户已欠费，请尽快处理。", "您没有欠费。", "您的订单费用已由Wish结算。"),
    # the state after the fee ("a shipping fee unpaid"), and a word between ("unpaid customs fee")
    (
        OFF,
        "Your parcel has a 2.99 GBP shipping fee unpaid.",
        "You have no fees outstanding.",
        "The shipping fee was paid through Wish.",
    ),
    (
        OFF,
        "Your package could not be delivered due to an unpaid customs fee.",
        "There is no unpaid customs fee: Wish paid it.",
        "Your package could not be delivered; it is back at the depot.",
    ),
    (
        OFF,
        "Ihr Paket hat unbezahlte Versandkosten.",
        "Es gibt keine unbezahlten Versandkosten.",
        "Die Versandkosten hat Wish bezahlt.",
    ),
    (
        ASKS,
        "We were not able to process your last payment, please update your card.",
        "We will never ask you to update your card.",
        "We were not able to process your refund yet, it is on its way.",
    ),
    # "make a <any> payment", and a bank whose name ends in "bank"
    (
        OFF,
        "Please make a manual payment for this statement.",
        "You do not need to make any payment outside Wish.",
        "You can make a secure payment through Wish.",
    ),
    (
        ASKS,
        "METROBANK: we noticed an unusual login, verify your account at the secure link.",
        "Metrobank will never ask you to verify your account by message.",
        "Your powerbank has shipped, please verify the address.",
    ),
    # a cost named as pending, a payment awaited, a balance to settle, a fee that "applies"
    (
        OFF,
        "Su envío tiene un coste pendiente de 2,99 €.",
        "No tiene gastos pendientes.",
        "El coste de envío es gratuito.",
    ),
    (
        OFF,
        "A sua encomenda aguarda pagamento de 1,99 €.",
        "A sua encomenda não aguarda nenhum pagamento.",
        "O custo de envio é grátis.",
    ),
    (
        OFF,
        "Please settle your balance of 35 EUR today.",
        "You do not need to settle any balance.",
        "Your balance of Wish Cash is shown in the app.",
    ),
    (
        OFF,
        "To release your package, a small fee of 2 GBP applies.",
        "No fee applies: the package is on its way.",
        "A size chart applies to this item.",
    ),
    (
        ASKS,
        "Your membership could not be renewed, update your billing now.",
        "Never update your billing through a link in a message.",
        "Please update your billing address on Wish.",
    ),
    # confirming the settlement of a sum
    (
        OFF,
        "Su paquete espera la entrega: confirme la liquidación de 2,99 EUR.",
        "No tiene que confirmar ninguna liquidación.",
        "Confirme la talla en Wish.",
    ),
    # a payment word, then a link: not when a refund lures to the link
    (
        OFF,
        "Votre facture impayée de 1,91 € : réglez-la sur http://bit.ly/x",
        "Aucune facture n'est à régler.",
        "Votre facture a été débitée deux fois, voici le formulaire de remboursement http://bit.ly/x",
    ),
    # "the payment did not go through" reports a failure and negates no request
    (
        ASKS,
        "Il pagamento non è andato a buon fine, aggiorna i dati della carta.",
        "Non aggiorni mai i dati della carta da un link.",
        "Il pagamento è andato a buon fine, grazie.",
    ),
    (
        ASKS,
        "Votre paiement n'a pas abouti, mettez à jour votre carte bancaire.",
        "Ne mettez jamais à jour votre carte bancaire depuis un lien.",
        "Votre paiement a abouti, merci.",
    ),
    (
        ASKS,
        "O pagamento não foi aprovado, atualize os dados do cartão.",
        "Nunca atualize os dados do cartão por links.",
        "O pagamento foi aprovado na Wish.",
    ),
    (
        ASKS,
        "Die Zahlung konnte nicht durchgeführt werden, bitte aktualisieren Sie Ihre Kartendaten.",
        "Aktualisieren Sie Ihre Kartendaten niemals über einen Link.",
        "Die Zahlung wurde über Wish durchgeführt.",
    ),
    (
        ASKS,
        "Your payment could not be processed, please update your card details.",
        "Never update your card details through a link.",
        "Your payment was processed by Wish.",
    ),
    (ASKS, "请更新您的付款方式", "我们不会要求您更新付款方式", "您可以在Wish上选择付款方式"),
    # an Alipay account "就是" (is) ..., also written with spaces between the characters
    (
        SHARED,
        "我 支付 宝 账号 就是 手机 号",
        "不要把支付宝账号告诉任何人。",
        "支付 宝 的 活动 已经 结束",
    ),
]


@pytest.mark.parametrize(("rule", "positive", "negated", "lookalike"), CASES)
def test_payment_cue(rule: str, positive: str, negated: str, lookalike: str) -> None:
    assert rule in errors(positive), positive
    assert not errors(negated) & PAYMENT, negated
    assert not errors(lookalike) & PAYMENT, lookalike


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
        # a link with a scheme but no dot, and a shortener's TLD
        ("Klicken Sie hier http // bit", "", "Hier klicken, um die Sendung auf Wish zu sehen."),
        ("Confirme aquí bit.do/seur-es", "", "El pedido va en camino."),
        # a host given as its IPv4 address; a version or a price has fewer parts
        (
            "Acesse o canal 191.232.213.50 para continuar",
            "",
            "A versão 2.3.1 do app custa 1.234,50",
        ),
    ],
)
def test_contact_cue(positive: str, negated: str, lookalike: str) -> None:
    assert CONTACT in errors(positive), positive
    for clean in (negated, lookalike):
        if clean:
            assert CONTACT not in errors(clean), clean
