"""The cue families of the fourth Chinese/English pass (branch reasons-zhen4, issue 14): for
each, the phrasing it reads, the same words negated or turned around, and a look-alike it must
leave alone. The sentences are written for these tests; the JDDC buyer turns, JD reviews and
customer tweets that led to the cues are in tests/corpus/reasons.jsonl (ids
``reasons-zhen4-…``)."""

from __future__ import annotations

import pytest

from wishdesk.domain.reasons import classify


def reason(body: str) -> str:
    return classify("", body).reason


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # a size named with an exchange is a size exchange, not a return (zh)
        ("拍大一码了，想换货", "change-variant"),
        ("拍小了，能换吗", "change-variant"),
        ("我买的M码要换L码", "change-variant"),
        ("衣服码数偏小申请换货", "change-variant"),
        # ... but not advice about sizes, nor a voucher or pick-up code (zh)
        ("早知道就买小一码的，还不错", "other"),
        ("兑换码怎么用", "other"),
        ("你把取件码发我一下", "other"),
        # an exchange with no size named stays a return (zh)
        ("我想换货，质量不行", "return-refund"),
        # what time it comes (zh)
        ("几点可以送到?", "shipping-eta"),
        ("快递大概几点能到", "shipping-eta"),
        # ... "can you deliver to X" is still a shipping option (zh)
        ("可以送到学校吗", "other"),
        # the address to be changed, also with the 收获 typo (zh)
        ("我需要更改收获地址", "change-address"),
        # not out of the warehouse, not sent for delivery yet (zh)
        ("下单三天了货还没出库", "order-status"),
        ("为什么还没有派送", "order-status"),
        ("怎么还没给我送来", "order-status"),
        # ... an A-not-A question about the courier is not a parcel held back (zh)
        ("有没有派送员的电话", "other"),
        # ... and a price drop before delivery is a price question (zh)
        ("货还没送你们就降价了", "other"),
        # a day and "can it be delivered?" asks when; praise of next-day delivery does not (zh)
        ("这个货今天可以送到么", "shipping-eta"),
        ("今天能从北京发出吗", "shipping-eta"),
        ("今天买明天就可以送到，很方便", "other"),
        # tracking that stays at one place, "what is going on with the order" (zh)
        ("一直显示在配送中心不动", "order-status"),
        ("我看物流还在那里", "order-status"),
        ("我这个订单属于什么情况?", "order-status"),
        ("没见物流信息", "order-status"),
        # "why does it take days to come?" asks how long; a review of a slow delivery does not (zh)
        ("怎么要好几天才可以到呢?", "shipping-eta"),
        ("物流太慢，等了十几天才到", "other"),
        # a promised gift not sent (zh)
        ("说好送的保护套呢，怎么没送", "damaged-missing"),
        ("说好的赠品一个都没送", "damaged-missing"),
        # not come, said in more ways (en)
        ("what do I do if you don't receive an item", "order-status"),
        ("No delivery attempt and still no delivery", "order-status"),
        ("the courier didn't even show up", "order-status"),
        ("my package hasn't been delivered", "order-status"),
        ("lost in transit again", "order-status"),
        ("my order is 3 days late", "order-status"),
        # ... a delivery that came is not a status question (en)
        ("my package was delivered, thanks", "other"),
        # how long things take (en)
        ("why does every item have 3 days processing time", "shipping-eta"),
        ("why is it not arriving until Monday?", "shipping-eta"),
        # rerouting parcels is a change of where they go (en)
        ("please reroute my package to a locker", "change-address"),
        ("can you redirect the parcel to my office", "change-address"),
        # cancelling a membership or subscription is not cancelling an order (en)
        ("how do I cancel my prime membership", "other"),
        ("I want to cancel my subscription to the newsletter", "other"),
        ("please cancel my order", "remove-item"),
        # delivery periods, rebates, not wanting the order (en, Bitext-style)
        ("information about the shipping period", "shipping-eta"),
        ("how ling does shipping take", "shipping-eta"),
        ("rebating $12", "return-refund"),
        ("I don't want order 12345", "remove-item"),
        ("I can no longer afford order 12345", "remove-item"),
        # ... an address for feedback, the status of a subscription are not the order (en)
        ("is there an address to leave a comment?", "other"),
        ("show me the status of my newsletter subscription", "other"),
        ("what is the status of my order?", "order-status"),
    ],
)
def test_fourth_pass_cues(body: str, want: str) -> None:
    assert reason(body) == want
