"""Chinese cues of the third pass (branch lint-zh3), read from the 80k-SMS set, COLD and scam
lines quoted by police pages: mobile and landline numbers written against the text (masked
with x or not), hotlines named by their purpose, "contact me" on its own, "call ... to
verify", scanning a code to claim or to pay, money put "into this account", fees that
unlock an order, a card number announced as changed; and the attacks: one-word attacks
after other text, sb / pinyin curses against Chinese text, people called names with an
adverb between, curses wishing harm. For each: the positive, the negated or reassuring
form, and a harmless look-alike."""

from __future__ import annotations

import pytest
from policy_helpers import error_rules as errors

SHARED = "payment.details-shared"
OFF = "payment.off-platform"
ASKS = "payment.account-request"
CONTACT = "contact.off-platform"
ABUSE = "respect.abuse"


# (rule, positive, negated, look-alike); "" where a negation cannot undo the finding (a
# number given is given; an insult is an insult, see test_zh_cues.py).
CASES = [
    # a mobile number against the text, digits or masked; not an order or tracking number
    (CONTACT, "劲松小韩13812345678，欢迎来电", "", "订单13812345678已发货"),
    (CONTACT, "当天拿钱回家。xxxxxxxxxxx【易经理】", "", "您的运单号xxxxxxxxxxx已更新"),
    (CONTACT, "买单最低畅饮：138xxxxxxxx亮亮", "", "卡号：138xxxxxxxx已绑定"),
    # a landline or 400 number against the text, a double dash between
    (CONTACT, "联系热线xxxx--xxxxxxxx", "", "尺码表：xxxx-x-x"),
    (CONTACT, "售后请找王师傅0571-88886666", "", "规格2015-12"),
    # a hotline named by its purpose
    (CONTACT, "订购热线见包装", "请勿拨打任何订购热线", "这款是本店的热销产品"),
    # "contact me" on its own, "if interested, contact quickly"
    (CONTACT, "祝您生活愉快！跟我联系。", "", "他昨天跟我联系了"),
    (CONTACT, "有意赶快联系", "", "有意思的是快递很快"),
    # "call to ...": the number masked by the page, or no number at all
    (CONTACT, "请及时打XXXX电话联系", "请不要打任何电话联系", "我们打过您的电话了"),
    (CONTACT, "如有疑问请与客服中心联系", "", "客服中心已经为您登记"),
    # scan a code to claim or to pay
    (
        CONTACT,
        "快递丢失,双倍赔偿,请扫描二维码领取。",
        "请勿扫描二维码领取任何赔偿",
        "二维码在包装盒背面",
    ),
    (OFF, "扫码付款更优惠", "请不要扫码付款", "付款码已失效"),
    # money put "into this account", a bare 款
    (OFF, "请将款汇到这个账号,谢谢。", "请不要将款汇到任何个人账号", "款已原路退回您的账户"),
    (OFF, "请将钱打入该处", "切勿将钱打入该处", "打入市场的新品"),
    # a fee that unlocks an order, a refund or a prize
    (OFF, "网购订单被冻结,需缴纳解冻金。", "您无需缴纳解冻金", "订单已解冻，无需操作"),
    (OFF, "請先繳納保證金", "我們不會要求您繳納保證金", "保證金已退回"),
    # a card or account number announced as changed
    (SHARED, "我的银行卡号换为6222xxxx", "", "银行卡号已验证成功"),
    # an account "confirmed" in a news sentence is no request; a list of checks neither
    (ASKS, "请确认您的账户信息", "我们不会要求您确认账户信息", "对冲基金确认账户被限"),
    (ASKS, "请验证银行卡", "我们不会要求您验证银行卡", "包括公安网验证、银行卡验证"),
    # one-word attacks after other text, in both scripts
    (ABUSE, "好的，滚！", "", "滚动条在右边"),
    (ABUSE, "你這人，閉嘴！", "", "閉嘴唇的時候別用力"),
    # sb and the pinyin curses against Chinese text; cào / cao 你妈
    (ABUSE, "你个sb", "", "USB接口坏了"),
    (ABUSE, "你nmsl", "", "nms检测已通过"),
    (ABUSE, "cào嫩酿", "", "草莓已经成熟"),
    (ABUSE, "你奶奶的！又寄错了", "", "你奶奶的生日快到了"),
    # people called names with a copula or adverbs between
    (ABUSE, "这种人是真的垃圾", "", "这种垃圾袋是真的结实"),
    (ABUSE, "这男的很没礼貌啊", "", "这男的很有礼貌"),
    (ABUSE, "卖家非常渣", "", "渣土车占了车道"),
    (ABUSE, "看到你阴阳怪气了", "", "阴阳两面的设计"),
    (ABUSE, "这个作者就是个骗子", "", "这个作者写的是骗子的故事"),
    # curses wishing harm
    (ABUSE, "恶人自有天收", "", "恶人谷是一个游戏地图"),
    (ABUSE, "这种商家早晚遭报应", "", "报应这个词出自佛经"),
    # a group called 贱, not 贱卖
    (ABUSE, "女人就是贱", "", "女人节清仓贱卖"),
    # derision aimed at the reader: their logic, their kind
    (ABUSE, "所以你的意思是这样？什么逻辑", "", "这个游戏没啥逻辑可言的地方很少"),
    (ABUSE, "对女性最大的歧视来自你这种人", "", "你这种款式还有货吗"),
    (ABUSE, "你是为重男轻女洗地", "", "洗地机已经到货"),
    (ABUSE, "你怎么这么小气呢", "", "你怎么这么快就收到了"),
    # traditional script: click a link, go to the site, call, call back, the service line
    (CONTACT, "請點擊連結更新資料", "請勿點擊連結", "點擊訂單頁面的查詢物流即可"),
    (CONTACT, "請至官網查詢", "", "官網的圖片僅供參考"),
    (CONTACT, "請盡快來電", "", "感謝您的來電"),
    (CONTACT, "請撥打客服專線", "請不要撥打任何客服專線", "專線物流已經發貨"),
    (CONTACT, "詳情請洽0800-123-456", "", "規格2015-12-31"),
    (CONTACT, "請來信至信箱", "請勿來信至陌生信箱", "來信已收到"),
    # LINE after a verb, a public account to search for, "reply 1 to claim"
    (CONTACT, "加快遞員LINE", "不用加快遞員LINE", "快遞員在線上"),
    (CONTACT, "搜索公众号领取", "不要搜索任何公众号", "公众号已停更"),
    (CONTACT, "回覆1領取", "", "回复TD退订"),
    # an e-mail address or a bare site against the text; a carrier's page is fine
    (CONTACT, "请发到邮箱abc@example.com", "", "邮箱已验证"),
    (CONTACT, "详见shop-example.cn", "", "快递查询kuaidi100.com"),
    # "contact me quickly", 询 + a number; not "you can contact us" (a shop on Wish), not 查询
    (CONTACT, "上不封顶！赶快联系我哦", "请不要联系我", "如有问题可以联系我们"),
    (CONTACT, "满额即送好礼，询xxxxxxxx", "", "查询12345678"),
    # "click to claim": the link follows
    (CONTACT, "您已获得体验资格，点击领取", "请勿点击领取任何奖励", "点击率很高的商品"),
    # an account number in dotted groups beside a bank
    (SHARED, "信用社xxxxxx.xxxxxxx.xxxxxx叶某某", "", "信用社营业时间9.30"),
]


def test_words_with_bu_that_deny_nothing_leave_the_request_standing() -> None:
    # 不一样 ("different"), 不容错过 ("not to be missed") are no negation of the request
    assert CONTACT in errors("让您体验不一样的风情，详情请致电xxxxxxxxxxx")
    assert CONTACT in errors("机会不容错过，详情请致电xxxxxxxxxxx")
    assert CONTACT not in errors("我们不会要求您致电任何号码")


@pytest.mark.parametrize(("rule", "positive", "negated", "lookalike"), CASES)
def test_chinese_cue_third(rule: str, positive: str, negated: str, lookalike: str) -> None:
    assert rule in errors(positive), positive
    if negated:
        assert rule not in errors(negated), negated
    assert rule not in errors(lookalike), lookalike


def test_qq_services_are_not_a_contact() -> None:
    # QQ Music or a QQ game is an app, not a handle; "add me on QQ" is
    assert CONTACT not in errors("还是取消订阅QQ音乐包月吧")
    assert CONTACT not in errors("顶多玩QQ游戏")
    assert CONTACT in errors("请加我QQ")


def test_an_invitation_code_expiry_is_no_card_expiry() -> None:
    assert ASKS not in errors("申请时输入我的邀请码，邀请码有效期至月底")
    assert ASKS in errors("请提供信用卡有效期")


def test_a_long_masked_account_number_is_not_read_as_a_phone() -> None:
    # 19 masked digits beside a bank are an account line, not an 11-digit mobile
    found = errors("农行xxxxxxxxxxxxxxxxxxx王某某")
    assert SHARED in found
