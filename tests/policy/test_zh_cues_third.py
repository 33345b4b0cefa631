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
    # (alone: 欢迎来电 was flagged before this cue; the number against the name is the new cue)
    (CONTACT, "劲松小韩13812345678", "", "订单13812345678已发货"),
    (CONTACT, "当天拿钱回家。xxxxxxxxxxx【易经理】", "", "您的运单号xxxxxxxxxxx已更新"),
    (CONTACT, "买单最低畅饮：138xxxxxxxx亮亮", "", "卡号：138xxxxxxxx已绑定"),
    # a landline or 400 number against the text, a double dash between
    (CONTACT, "联系热线xxxx--xxxxxxxx", "", "尺码表：xxxx-x-x"),
    (CONTACT, "售后请找王师傅0571-88886666", "", "规格2015-12"),
    # a hotline named by its purpose
    (CONTACT, "订购热线见包装", "请勿拨打任何订购热线", "这款是本店的热销产品"),
    # "contact me" on its own, "if interested, contact quickly"
    (CONTACT, "祝您生活愉快！跟我联系。", "", "如有问题，请与我们联系。"),
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
    # (nmsl was in the word list before; nmb is the pattern's own; a Latin NMB is a bearing maker)
    (ABUSE, "你nmb", "", "This fan uses an NMB bearing and runs quietly."),
    (ABUSE, "你mlgb", "", "nms检测已通过"),
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
    (CONTACT, "上不封顶！赶快联系我哦", "请不要联系我", "如有问题，请与我们联系。"),
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
    assert CONTACT not in found


# Branch fa-zh: the review's false alarms on ordinary shop replies (review-report.md, section 2,
# rows 1-15). Each row: the reviewer's probe texts stay clean (look-alikes: they share the
# cue's words), the text the cue was written for is still flagged, and a negated form where
# one reads naturally.
REVIEW_ROWS = [
    # 1. "contact us" is a shop's closing line; "contact me" on its own stays
    (
        CONTACT,
        ["祝您生活愉快！跟我联系。", "请与我联系。"],
        "",
        [
            "如有问题，请与我们联系。",
            "如有任何问题，请跟我们联系！",
            "亲，如有疑问，请与我们联系哦。",
            "如有疑問，請與我們聯繫。",
        ],
    ),
    # 2. the spam adverbs (quickly), not "any time / directly / you may contact me"
    (
        CONTACT,
        ["上不封顶！赶快联系我哦", "有意者速联系我"],
        "请不要联系我",
        [
            "如果还有问题，您可以随时联系我。",
            "有问题可以直接联系我，我会尽快回复。",
            "如有问题可以随时与我联系",
        ],
    ),
    # 3. money put into this / my / the following account; not a refund announced
    (
        OFF,
        [
            "请将款汇到这个账号,谢谢。",
            "請將錢匯到我的帳戶",
            "请把钱转到以下账户",
            "请将定金转到我微信",
        ],
        "请不要将钱转到这个账户",
        [
            "我们已将款项转到您的原支付账户，请注意查收。",
            "退款已经将钱打到您的银行卡上了。",
            "亲，已经给您把钱转到原账户了。",
        ],
    ),
    # 4. "send mail to (us / an address)"; not "we will e-mail you"
    (
        CONTACT,
        ["請發郵件至我們的信箱", "请来信至信箱"],
        "请勿发邮件至陌生信箱",
        [
            "我们会发邮件给您，告诉您物流单号。",
            "我们会发邮件到您的邮箱，请查收。",
            "我們會發郵件到您的信箱",
        ],
    ),
    # 5. "click to claim / activate"; not the buyer's own 确认收货 or 查收
    (
        CONTACT,
        [
            "您已获得体验资格，点击领取",
            "您的额度已提升，点击激活",
            "点击确认领取奖励",
            "点击查收红包",
        ],
        "请勿点击领取任何奖励",
        [
            "收到货后请点击确认收货，谢谢！",
            "点击确认后即可完成退货申请。",
            "请点击查收邮件中的退款通知。",
        ],
    ),
    # 6. "call (us)"; not the courier who will call the buyer
    (
        CONTACT,
        ["詳情請致電", "欢迎致电", "请拨打客服专线"],
        "請不要撥打任何客服專線",
        [
            "配送前快遞員會撥打您的電話。",
            "快遞員送貨前會致電給您，請保持電話暢通。",
            "快递员派送前会拨打您的电话",
            "快递员会致电您",
        ],
    ),
    # 7. "go to the (official) site"; not Wish's own 「我的訂單」 page
    (
        CONTACT,
        ["請至官網查詢", "請至網站完善資料", "请到官网完善信息"],
        "",
        [
            "您可至網站「我的訂單」查看物流狀態。",
            "您可以到网站上查看物流",
            "找不到网页。",  # "page not found" (a Magento string)
            "找不到網頁",
        ],
    ),
    # 8. a fee to pay; not 提交 or 交易, not a window across a comma, not "the postage paid"
    (
        OFF,
        ["請先繳納保證金", "請支付運費", "请支付运费", "请缴纳100元的关税"],
        "您无需支付运费",
        [
            "請提交退貨申請，運費由我們承擔。",
            "請您提交訂單後，運費會自動計算。",
            "交易手續費由賣家承擔。",
            "您下單時支付的運費將一併退還。",
            "请提交退货申请，运费由我们承担",
            "交易手续费由卖家承担",
            "我们会支付运费",
        ],
    ),
    # 9. a landline in groups (an area code, a mask, a mobile prefix); not an SKU or an order
    (
        CONTACT,
        ["售后王师傅0571-8888-6666", "王经理138-1234-5678", "联系热线xxxx--xxxxxxxx"],
        "",
        [
            "商品型号：2023-1105-001，颜色为黑色。",
            "货号 2023-1105-001 已经补货。",
            "Your order 8124-6639-112 has shipped.",
            "款号 2019-0356-112",
        ],
    ),
    # 10. someone called a clown; not a clown mask or costume
    (
        ABUSE,
        ["这人根本就是个小丑", "这个作者就是个骗子"],
        "",
        ["这款就是个小丑面具，适合万圣节。", "这就是个小丑造型的玩偶"],
    ),
    # 11. 二货 (idiot); not the second shelf or container
    (
        ABUSE,
        ["你个二货", "真是个二货"],
        "",
        ["您的商品在第二货柜，下周发出。", "请放在第二货架上。", "第十二货柜已满"],
    ),
    # 12. 找抽 (asking for a slap); not looking for a drawer or tissues
    (ABUSE, ["你找抽啊"], "", ["帮您找抽屉的配件，请稍等。", "帮您找抽纸"]),
    # 13. 滾開 (get lost); not boiling water
    (ABUSE, ["你給我滾開", "滚开！"], "", ["水滾開後自動斷電，非常安全。", "水烧至滚开即可"]),
    # 14. the pinyin initials beside Chinese text or alone; not Latin abbreviations
    (
        ABUSE,
        ["你nmb", "tmd又寄错了", "好的，cnm！", "到了7点才开，TMD，他们把空调关了", "tmd"],
        "",
        [
            "This fan uses an NMB bearing and runs quietly.",
            "The TMD splint fits well.",
            "CNM midwife care",
        ],
    ),
    # 15. a person called trash; not the goods (货)
    (ABUSE, ["这个人是真的垃圾", "这货是真的垃圾"], "", ["这个货很垃圾的话可以退。"]),
]


@pytest.mark.parametrize(("rule", "positives", "negated", "lookalikes"), REVIEW_ROWS)
def test_review_false_alarms_are_clean(
    rule: str, positives: list[str], negated: str, lookalikes: list[str]
) -> None:
    for text in positives:
        assert rule in errors(text), text
    if negated:
        assert rule not in errors(negated), negated
    for text in lookalikes:
        assert rule not in errors(text), text


def test_a_chat_group_needs_a_joining_verb() -> None:
    # joining a WeChat / QQ group is a channel off Wish; a group mentioned is not
    assert CONTACT in errors("加我们微信群领取优惠")
    assert CONTACT in errors("进QQ群有惊喜")
    assert CONTACT not in errors("请不要加入任何微信群")
    assert CONTACT not in errors("这个问题在微信群里有人问过")


def test_traditional_order_and_phone_labels_steer_the_number_finder() -> None:
    # an order or invoice number in the shape of a landline is no phone after 訂單 / 發票
    assert CONTACT not in errors("訂單編號為0212345678")
    assert CONTACT not in errors("發票號碼：0212345678")
    assert CONTACT not in errors("產品型號0612345678")
    # the traditional phone words name a number further on
    assert CONTACT in errors("電話如下 2345 6789")
    assert CONTACT in errors("我的手機是 0912 345 678")
