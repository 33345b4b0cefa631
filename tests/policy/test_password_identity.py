"""Chinese text that names a password or an identity check is not a payment-account request.

"We sent you an e-mail on how to reset your password" (a shop password, nothing of a bank or a
card) is a storefront string of the real-text corpus (Sylius); "verify your identity" with no
bank, card or payment side is a link's matter (contact), not a payment-account request. Each
case: the real request still blocks, the negated form does not, the look-alike stays clean.
"""

from __future__ import annotations

from policy_helpers import error_rules

CONTACT = "contact.off-platform"
ACCOUNT = "payment.account-request"


def test_a_password_reset_mail_is_not_a_payment_request() -> None:
    assert ACCOUNT in error_rules("请提供您的密码")
    assert ACCOUNT in error_rules("请发送您的银行卡密码")
    assert ACCOUNT not in error_rules("我们不会要求您提供密码")
    lookalike = "如果您指定的电子邮件存在于我们的系统中，我们已经发送了一封如何重置密码的电子邮件。"
    assert error_rules(lookalike) == set()


def test_verifying_identity_without_a_bank_is_contact_only() -> None:
    courier = "【菜鸟驿站】您的快递信息不全，请点击链接验证身份。"
    assert error_rules(courier) == {CONTACT}
    assert ACCOUNT in error_rules("请点击链接验证您的银行卡信息")
    assert ACCOUNT in error_rules("请验证您的账户")
    assert error_rules("我们不会让您验证银行卡信息") == set()
