"""Branch zh-bounds: the phone, e-mail and link finders next to Chinese (and Japanese) text,
which puts no space between words, and the shared cues narrowed for precision: WeChat named
as a group or a quoted service, a shop saying which way of paying it accepts, Facebook named
in passing, gift cards said to be no payment. For each: the positive, the negated form and
a harmless look-alike ("" where a negation cannot undo the finding: a number, an address or
a link given is given, as in test_zh_cues_third.py).

Prices glued to Chinese stay clean ("总价12345678元"): docs/policy.md lists prices with the
look-alikes of contact.off-platform; so do order and SKU references written against Latin
letters ("abc12345678", "SKU12345678") and numbers after an order or tracking word."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from policy_helpers import error_rules as errors

from wishdesk.domain.policy import lint

OFF = "payment.off-platform"
CONTACT = "contact.off-platform"
SHARED = "payment.details-shared"
NOW = datetime(2025, 11, 26, 12, 0, 0, tzinfo=timezone.utc)

# (rule, positive, negated, look-alike)
CASES = [
    # a mobile number glued to the text on both sides; not an order number, a price, an SKU
    (CONTACT, "劲松小韩13812345678欢迎来电", "", "订单号13812345678已发货"),
    (CONTACT, "请拨打13812345678咨询", "我们不会通过电话联系您", "总价12345678元"),
    (CONTACT, "售后王师傅13812345678", "", "货号ab13812345678"),
    (CONTACT, "有问题找小李13912345678", "", "SKU12345678已售完"),
    # an e-mail address glued to Chinese or Japanese text
    (CONTACT, "邮箱abc@x.com", "我们不会通过邮箱联系您", "邮箱已验证"),
    (CONTACT, "请发邮件至kefu@shop-example.com谢谢", "", "请在Wish上留言，谢谢"),
    (CONTACT, "お問い合わせはsupport@example.comまで", "", "お問い合わせはWishで"),
    # a link glued to the text; a carrier's tracking page glued to it stays clean
    (CONTACT, "官网www.example.cn", "请勿访问任何陌生网站", "查询www.17track.net查询"),
    (CONTACT, "詳しくはshop-example.com/saleへ", "", "快递查询kuaidi100.com"),
    (CONTACT, "欢迎访问www.shop-example.cn了解更多", "", "物流信息见www.17track.net。"),
    # WeChat as a channel; not a WeChat group one is in, nor the quoted payment service
    (CONTACT, "加微信", "我们不会让您加微信", "适时启动“网上银行”、“微信”缴费服务"),
    (CONTACT, "微信号：shop-example", "", "用微信支付更方便"),
    (CONTACT, "微信：abc", "", "“微信”缴费服务已开通"),
    (CONTACT, "请用“微信”联系我们", "", "微信红包已领取"),
    (CONTACT, "欢迎加入本店微信群", "请勿加入任何微信群", "“微信”支付已到账"),
    # a shop's own Facebook; not Facebook named in passing
    (CONTACT, "Like our Facebook page for coupons", "", "bts as comentários do facebook"),
    (CONTACT, "Siga a nossa pagina do facebook", "", "I saw your ad on Facebook"),
    (CONTACT, "contact us on facebook", "Please do not contact us on Facebook", "Facebook login"),
    # gift cards as a way of paying; not a warning that they are none
    (
        OFF,
        "Pay the customs fee with gift cards",
        "Gift cards are for gifts, not payments.",
        "Gift cards are never a payment method.",
    ),
    (OFF, "Send me 3 gift cards", "", "gift cards, no payment needed"),
    # a way of paying after a word of paying; not a shop saying which it accepts
    (
        OFF,
        "Pague com MB WAY para o 912345678",
        "Não aceite pagamentos por MB WAY fora da Wish",
        "Aceite pagamentos com MB WAY QR Code e NFC na sua loja",
    ),
    (OFF, "Efetue o pagamento via MB WAY", "", "aceite pagamentos com MB WAY"),
]


@pytest.mark.parametrize(("rule", "positive", "negated", "lookalike"), CASES)
def test_cjk_boundaries(rule: str, positive: str, negated: str, lookalike: str) -> None:
    assert rule in errors(positive), positive
    if negated:
        assert rule not in errors(negated), negated
    assert rule not in errors(lookalike), lookalike


@pytest.mark.parametrize(
    ("text", "kind", "coordinate"),
    [
        ("お問い合わせはsupport@example.comまで", "e-mail", "support@example.com"),
        ("詳しくはshop-example.com/saleへ", "link", "shop-example.com/sale"),
        ("请拨打13812345678咨询", "phone", "13812345678"),
        ("请发邮件至kefu@shop-example.com谢谢", "e-mail", "kefu@shop-example.com"),
    ],
)
def test_the_finder_reports_the_coordinate_alone(text: str, kind: str, coordinate: str) -> None:
    """The finding is the address itself, not the Chinese text glued to it."""
    found = [f for f in lint(text, now=NOW) if f.rule == CONTACT and kind in f.message]
    assert [f.match for f in found] == [coordinate]


def test_an_iban_glued_to_chinese_text() -> None:
    assert SHARED in errors("IBAN DE89370400440532013000请尽快")
    assert SHARED not in errors("IBAN DE89370400440532013001请尽快")  # wrong checksum


def test_a_link_stops_at_chinese_text_but_a_chinese_host_stays_whole() -> None:
    found = [f.match for f in lint("官网:http://www.dwz.cz/2c04。详情", now=NOW)]
    assert "http://www.dwz.cz/2c04" in found
    assert CONTACT in errors("http://例子.中国")
