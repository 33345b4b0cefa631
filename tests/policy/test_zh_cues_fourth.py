"""Chinese cues of the fourth pass (branch lint-zh4), read from scam messages that police and
news pages quote: a transfer "to the designated / safe account", money or rent put into
"my (wife's) card", "this new account", "(if it was not you) please click" with the link
cut, and asking for the buyer's name and contact details; and the false alarms fixed: a
callback promise (专员会为您回电的) and, in common.toml, a shop that says it "also" accepts a
way of paying ("nous acceptons aussi les paiements par Lydia"). For each: the positive, the
negated or reassuring form, and a harmless look-alike."""

from __future__ import annotations

import pytest
from policy_helpers import error_rules as errors

OFF = "payment.off-platform"
CONTACT = "contact.off-platform"

# (rule, positive, negated, look-alike)
CASES = [
    # a transfer to the designated account, the fake police's "safe account"
    (
        OFF,
        "账户存在风险,需立即转账至指定账户完成验证",
        "请不要转账至指定账户",
        "退款已转至您的原支付账户",
    ),
    (
        OFF,
        "挂机后请立即将存款暂时转移到安全账户上",
        "不要把钱转入所谓的安全账户",
        "公检法机关不存在安全账户",
    ),
    # rent or money into "my (wife's) card", both scripts
    (
        OFF,
        "请把这次的房租存到我爱人农行卡上",
        "千万不要把房租存到陌生人的卡上",
        "退款已打到您的银行卡",
    ),
    (
        OFF,
        "請把這次的房租存到我愛人農行卡上",
        "請勿把房租存到陌生人的卡上",
        "房租已經交給房東本人了",
    ),
    # money "into this new account"
    (OFF, "请把货款汇到这个新账号", "请勿把货款汇到任何新账号", "新账号注册成功"),
    # "please click" ending the sentence, the link cut by the page or after a colon
    (CONTACT, "您的账户发起一笔转账,非本人操作请点击。", "请勿点击陌生链接。", "请点击确认收货"),
    # the buyer's name and contact details asked for
    (
        CONTACT,
        "请您提供一下您的姓名和联系方式哟！",
        "不需要提供您的姓名和联系方式",
        "我们已记录您的姓名和联系方式",
    ),
]


@pytest.mark.parametrize(("rule", "positive", "negated", "lookalike"), CASES)
def test_chinese_cue_fourth(rule: str, positive: str, negated: str, lookalike: str) -> None:
    assert rule in errors(positive), positive
    if negated:
        assert rule not in errors(negated), negated
    assert rule not in errors(lookalike), lookalike


def test_a_lone_please_click_label_is_no_directive() -> None:
    # a storefront's button label "请点击" with nothing before it (Magento zh_CN)
    assert CONTACT not in errors("请点击")


@pytest.mark.parametrize(
    "text",
    [
        "专员会为您回电的",
        "专员會為您回電的。",
        "我们的专员会尽快给您回电",
        "我们会尽快回电",
        "小妹这边会给您回电告知的",
    ],
)
def test_a_callback_promise_without_a_number_is_clean(text: str) -> None:
    assert CONTACT not in errors(text), text


@pytest.mark.parametrize("text", ["请回电", "請回電", "请尽快回电", "有疑问请回电0571-88886666"])
def test_asking_the_reader_to_call_back_is_still_contact(text: str) -> None:
    assert CONTACT in errors(text), text


@pytest.mark.parametrize(
    "text",
    [
        "nous acceptons aussi les paiements par Lydia",
        "Nous acceptons également les paiements par Paylib.",
        "aceitamos também pagamentos por MB WAY",
        "accettiamo anche pagamenti con Blik",
        "wir akzeptieren auch Zahlungen per Swish",
        "nous acceptons les paiements par Lydia",
    ],
)
def test_a_shop_that_also_accepts_a_way_of_paying_asks_for_nothing(text: str) -> None:
    assert OFF not in errors(text), text


@pytest.mark.parametrize(
    "text",
    ["payez par Lydia", "merci de payer aussi par Lydia", "payez aussi les frais par Lydia"],
)
def test_asking_to_pay_by_lydia_is_still_off_platform(text: str) -> None:
    assert OFF in errors(text), text


# shop-reply shapes that the pools (JDDC agent lines, police warnings) showed flagged, and
# the request each guard must leave standing
@pytest.mark.parametrize(
    ("clean", "still", "rule"),
    [
        # the buyer's own refund or after-sales button, not "click to claim"
        ("点击申请退款即可", "点击申请领取奖励", CONTACT),
        ("您点击申请售后就可以了哦", "点击领取红包", CONTACT),
        # a card "bound for repayment" or "the bound one is", a credit line restored
        (
            "已还款（银行卡）原返，还款绑定借记卡3-5个工作日",
            "请绑定银行卡",
            "payment.account-request",
        ),
        ("绑定的是信用卡对吗 亲", "请重新绑定您的银行卡", "payment.account-request"),
        ("白条支付：未还款1H内恢复额度", "请恢复您的银行卡", "payment.account-request"),
        # 重要 / 主要 hold 要, no request
        (
            "遇到涉及重要个人信息、银行卡信息输入时,要多留心眼。",
            "要提供银行卡号吗",
            "payment.account-request",
        ),
        # two verbs of paying side by side, not a way of paying
        ("收到可疑短信后,立即暂停所有转账或汇款操作。", "请用支付宝付款", OFF),
        # WeChat and Alipay named as apps, not a handle or a request
        ("盗刷微信和支付宝中绑定的银行卡内资金", "加我微信", CONTACT),
        ("盗刷微信和支付宝中绑定的银行卡内资金", "支付宝或微信支付", OFF),
        # a specialist's callback
        ("这个要为您升级专员回电指导呢", "请回电", CONTACT),
    ],
)
def test_pool_false_alarms_are_gone_and_the_request_stays(
    clean: str, still: str, rule: str
) -> None:
    assert rule not in errors(clean), clean
    assert rule in errors(still), still


# adverts of the SMS set's junk file (a pool, not the corpus): "call quickly to book",
# "remember to contact me"; a promise to call soon is no directive
@pytest.mark.parametrize(
    ("positive", "lookalike"),
    [
        ("快打电话预约吧", "我们会很快打电话联系您"),
        ("快打电话预约吧", "快递员会打电话联系您"),
        ("记得联系我李丹", "欢迎联系我们"),
    ],
)
def test_call_or_contact_me_directives(positive: str, lookalike: str) -> None:
    assert CONTACT in errors(positive), positive
    assert CONTACT not in errors(lookalike), lookalike
    assert CONTACT not in errors("不用打电话预约")
