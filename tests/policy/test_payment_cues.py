"""Payment cues that follow how each language says it: a payment reported missing ("we have not
received your payment"), an unpaid bill or fee, logging in to one's online banking, changing
one's IBAN, a bank named and "confirm your data", a threat ("to avoid the suspension") or a
failed payment that is not a negation, a bank account verified or unblocked. For each: the
positive, the negated or reassuring form, and a harmless look-alike."""

from __future__ import annotations

import pytest
from policy_helpers import error_rules

OFF = "payment.off-platform"
ASKS = "payment.account-request"
SHARED = "payment.details-shared"
PAYMENT = {OFF, ASKS, SHARED}


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
    assert rule in error_rules(positive), positive
    assert not error_rules(negated) & PAYMENT, negated
    assert not error_rules(lookalike) & PAYMENT, lookalike
