"""The shape of the synthetic inbox: how many tickets in each state, how long threads run,
how long after an order each reason is raised. ``records`` draws from these tables."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone
from functools import lru_cache
from typing import TypeVar

T = TypeVar("T")

HOUR, DAY = 3600, 86400
WINDOW = 60 * DAY  # tickets open within the last ~60 days
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
# The time part of the ids of a record made at "now" (2026-05-21): ids count from it by the
# record's age, so they depend on the seed alone, whenever the demo store was made.
ID_EPOCH = 0x6A000000
AM, AU, AW = "AWAITING_MERCHANT", "AWAITING_USER", "AWAITING_WISH"
CL, PC = "CLOSED", "PERMANENTLY_CLOSED"
STATE_POOL = (AM,) * 7 + (AU,) * 5 + (AW,) + (CL,) * 6 + (PC,)  # 35/25/5/30/5 %
# (replies in a thread, weight): 1..15, about 5 on average
REPLY_COUNTS = ((1, 10), (2, 14), (3, 14), (4, 12), (5, 11), (6, 9), (7, 7), (8, 6), (9, 4),
                (10, 3), (11, 3), (12, 2), (13, 2), (14, 1), (15, 1))  # fmt: skip
# days from the order's release to the buyer's first message, per reason
RELEASE_LAG = {"remove-item": (0.02, 3), "change-variant": (0.02, 3), "change-address": (0.02, 3),
               "order-status": (4, 25), "shipping-eta": (7, 35), "damaged-missing": (12, 45),
               "return-refund": (12, 50), "other": (0.5, 30)}  # fmt: skip
SHIP_CHANCE = {"remove-item": 0.35, "change-variant": 0.35, "change-address": 0.4,
               "order-status": 0.6, "shipping-eta": 0.8, "other": 0.75}  # fmt: skip
DELIVERED = frozenset({"damaged-missing", "return-refund"})  # shipped and received
REFUNDABLE = frozenset({"remove-item", "return-refund", "damaged-missing"})


def expand(weighted: Sequence[tuple[T, int]]) -> tuple[T, ...]:
    return tuple(item for item, weight in weighted for _ in range(weight))


@lru_cache(maxsize=1)
def clock_faces() -> tuple[str, ...]:
    """``"HH:MM:SSZ"`` for every second of a day: formatting a time becomes one lookup."""
    return tuple(
        f"{h:02d}:{m:02d}:{s:02d}Z" for h in range(24) for m in range(60) for s in range(60)
    )
