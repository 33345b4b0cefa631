"""Chinese cues learnt from real spam SMS, ads and scam scripts (the 80k-SMS set, Taiwanese
anti-fraud pages): bank account lines, phone labels and hotlines, "contact me if interested",
"DM me", "click here", unpaid fines and fees in both scripts, "send me the code", and the
insult spellings that dodge a filter by sound. For each: the positive, the negated or
reassuring form, and a harmless look-alike."""

from __future__ import annotations

import pytest
from policy_helpers import error_rules as errors

SHARED = "payment.details-shared"
OFF = "payment.off-platform"
ASKS = "payment.account-request"
CONTACT = "contact.off-platform"
ABUSE = "respect.abuse"


# (rule, positive, negated, look-alike); "" where a negation cannot undo the finding: an
# account number or a phone number given is given, whatever the sentence says around it (see
# test_a_number_given_is_reported_in_a_warning_too).
CASES = [
    # a bank beside an account number, either order; digits masked with x still count
    (
        SHARED,
        "农行 6228 4800 1234 5678 912 王某某",
        "",
        "您的订单 20251126 已由农行信用卡付款成功",
    ),
    (SHARED, "xxxxxxxxxxxxxxxxxxx，张某某，中国银行", "", "中国银行的营业时间是九点到五点"),
    (SHARED, "户名：王某某，开户行见下", "", "用户名称是必填的字段"),
    (SHARED, "你打款号发一下，农行的", "", "打款成功后我们马上发货"),
    # a phone label, a hotline, a number after 详询 / 联系人
    (CONTACT, "微信号：shop2025", "我们没有微信号：所有沟通都在Wish上", "电话费已经退回到您的账户"),
    (CONTACT, "贵宾热线 8888 6666", "请不要拨打任何贵宾热线", "这款是本店的热销产品"),
    (CONTACT, "预约电话 138 1234 5678", "", "我们给您打过电话但没有接通"),
    (CONTACT, "详询 xxxxxxx", "", "详询客服后我们会补发"),
    (CONTACT, "联系人：李小姐 xxxxxxxxxxx", "", "联系人信息不完整，请在订单页更新"),
    (CONTACT, "欢迎您的来电订购", "请不要来电，我们只在Wish回复", "感谢您的来电"),
    # "contact me if you need it", "DM me", "click here"
    (
        CONTACT,
        "有需要的朋友请与我联系",
        "如有需要，不必与我联系，直接在Wish下单即可",
        "如有需要，请联系我们",
    ),
    (CONTACT, "有需要的私我", "请不要私我", "这是私人定制款"),
    # a messenger written around a filter: by sound (卫星 for 微信), by nickname (绿泡泡), by letter
    (CONTACT, "加我卫星：shop2025", "请不要加任何卫星：shop2025", "GPS卫星：24颗"),
    (CONTACT, "V：shop2025", "", "电压 V：220V"),
    (CONTACT, "加绿泡泡", "不用加绿泡泡，Wish上就能联系", "绿色的泡泡纸已经包好"),
    (CONTACT, "請點此更新", "請勿點此連結", "这一点此前已经说明"),
    # unpaid fines and fees, in traditional script too; paying online, on another site
    (OFF, "您的包裹待補運費，請盡快處理", "您無需補繳運費", "運費已由我們承擔"),
    (OFF, "監理站通知：您有交通違規罰單未繳", "您沒有未繳的罰單", "罰單的照片已上傳"),
    (OFF, "剩余的款项可以通过网上银行支付", "请勿通过网上银行支付给个人", "网上银行今晚维护"),
    (OFF, "只要在bandwagonhost付款即可", "", "请在wish上付款"),
    (OFF, "本店支持微信支付宝支付", "本店不支持微信支付", "微信联系人已删除"),
    (OFF, "請把錢匯到這個帳戶", "請不要把錢匯到陌生帳戶", "钱已经退回原账户了"),
    (OFF, "请将款项汇入以下账户", "切勿将款项汇入以下账户", "款项已原路退回"),
    # asking for card, bank account or the SMS code, in traditional script too
    (ASKS, "請提供您的銀行帳號", "我們絕不會要求您提供銀行帳號", "請提供您的訂單號碼"),
    (ASKS, "请把收到的验证码发给我", "请勿将验证码告诉我们以外的任何人", "验证码已发送到您的手机"),
    (CONTACT, "麻煩告訴我您的手機號碼", "請不要告訴陌生人您的手機號碼", "手機殼的顏色是黑色"),
    # insults spelt by sound, and traditional forms
    (ABUSE, "你这个沙壁", "", "沙滩边的墙壁很干净"),
    (ABUSE, "那个贱男人又跑了", "", "这个男人很贴心"),
    (ABUSE, "你媽的，又寄錯了", "", "你媽媽的生日快到了"),
    (ABUSE, "这种人真不是东西", "", "这不是东西的问题，是服务的问题"),
    (ABUSE, "那娘們又來了", "", "娘们儿几个去逛街了"),
    # 回电 is "call back", not 赶回电梯
    (CONTACT, "收到请回电", "请不要回电", "刚打开电梯门就被保安赶回电梯"),
]


@pytest.mark.parametrize(("rule", "positive", "negated", "lookalike"), CASES)
def test_chinese_cue(rule: str, positive: str, negated: str, lookalike: str) -> None:
    assert rule in errors(positive), positive
    if negated:
        assert rule not in errors(negated), negated
    assert rule not in errors(lookalike), lookalike


def test_details_shared_needs_a_long_number() -> None:
    # a bank and a short number (an order, a branch) is no account line
    assert SHARED not in errors("工行 12345 号窗口")


def test_phone_label_needs_a_number_or_a_colon() -> None:
    assert CONTACT not in errors("热销中")
    assert CONTACT in errors("电话 021 1234 5678")


def test_a_number_given_is_reported_in_a_warning_too() -> None:
    assert SHARED in errors("请勿向农行 6228 4800 1234 5678 912 转账")
    assert CONTACT in errors("请勿拨打预约电话 138 1234 5678")
