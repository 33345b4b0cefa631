"""Synthetic Wish Merchant API v3 data for ``wishdesk demo`` and the benchmarks.

``generate`` streams plain dicts in the exact v3 shape: order objects, each yielded before the
first ticket that cites it, and ticket objects. Everything is drawn from one
``random.Random(seed)`` and placed relative to ``now``, so the same ``(count, seed, now)``
always gives the same records. Times are whole seconds formatted through lookup tables;
phrases come precomputed from :mod:`~.text`, the proportions from :mod:`~.shape`.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from wishdesk.services.demo.shape import (
    AM,
    AU,
    AW,
    CL,
    DAY,
    DELIVERED,
    EPOCH,
    HOUR,
    ID_EPOCH,
    PC,
    REFUNDABLE,
    RELEASE_LAG,
    REPLY_COUNTS,
    SHIP_CHANCE,
    STATE_POOL,
    WINDOW,
    T,
    clock_faces,
    expand,
)
from wishdesk.services.demo.text import (
    AUTO,
    PRESALE_TOPIC,
    TOPICS,
    Buyer,
    M,
    Plan,
    Product,
    U,
    W,
    make_buyer,
    new_address,
    phrasebook,
    tracking_label,
    write_thread,
)


@dataclass(frozen=True)
class _Facts:
    """What a ticket needs to know about the order it cites (or the product, pre-purchase)."""

    order: dict[str, Any] | None
    product: Product
    size: str
    color: str
    released: int
    ship: int | None
    buyer: Buyer


def generate(count: int, *, seed: int = 0, now: datetime) -> Iterator[dict[str, Any]]:
    """Yield Wish v3 order and ticket objects (as dicts) for exactly ``count`` tickets.

    About 1.07 orders per ticket: some tickets cite two orders of one transaction, a few
    cite an order an earlier ticket cited, pre-purchase tickets cite none, and some orders
    have no ticket at all. Optional fields absent from a record are ``None``.
    """
    if count < 0:
        raise ValueError("count must be 0 or more")
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be an aware datetime")
    return _Generator(seed, now).run(count)


class _Generator:
    def __init__(self, seed: int, now: datetime) -> None:
        self.rng = random.Random(seed)
        self.r = self.rng.random
        book = self.book = phrasebook()
        self.limit = int((now - EPOCH).total_seconds()) - 60  # every time is before this
        self.faces = clock_faces()
        self.days: dict[int, str] = {}
        self.counter = self.rng.getrandbits(24)
        self.merchant_id = self.oid(self.limit - 400 * DAY)
        self.locales = expand([((loc, lang, cc), w) for loc, lang, cc, w in book.locales])
        self.topics = expand([(t, t[3]) for t in TOPICS])
        self.reply_counts = expand(REPLY_COUNTS)
        listed = self.limit - 300 * DAY
        self.product_ids = [self.oid(listed) for _ in book.products]
        self.variations: dict[tuple[int, str, str], tuple[str, str]] = {}
        for i, product in enumerate(book.products):
            base = "".join(w[0] for w in product.name.split() if w[0].isalnum()).upper()
            for size in product.sizes:
                for color in product.colors:
                    sku = f"{base}{i:02d}-{size.replace(' ', '').upper()}-{color[:3].upper()}"
                    self.variations[i, size, color] = (self.oid(listed), sku)
        self.carriers = {  # Chinese carriers everywhere, a local one from a local warehouse
            cc: expand([(c, c.weight) for c in book.carriers if c.origin in ("CN", cc)])
            for cc in book.countries
        }
        self.recent: list[_Facts] = []  # orders a later ticket may cite again

    def pick(self, seq: Sequence[T]) -> T:
        return seq[int(self.r() * len(seq))]

    def iso(self, ts: int) -> str:
        day, second = divmod(ts, DAY)
        prefix = self.days.get(day)
        if prefix is None:
            prefix = self.days[day] = (EPOCH + timedelta(days=day)).strftime("%Y-%m-%dT")
        return prefix + self.faces[second]

    def oid(self, ts: int) -> str:
        """A 24-hex object id in the Mongo style Wish uses: time (``ID_EPOCH`` less the
        record's age: ids depend on the seed alone), random part, counter."""
        self.counter = (self.counter + 1) & 0xFFFFFF
        stamp = (ID_EPOCH + ts - self.limit) & 0xFFFFFFFF
        return f"{stamp:08x}{self.rng.getrandbits(40):010x}{self.counter:06x}"

    def run(self, count: int) -> Iterator[dict[str, Any]]:
        for _ in range(count):
            if self.r() < 0.08:  # most orders never see a ticket
                released = self.limit - HOUR - int(self.r() * 40 * DAY)
                yield self.new_order(self.buyer(), released)[0]
            yield from self.ticket()

    def buyer(self) -> Buyer:
        return make_buyer(self.book, self.pick(self.locales), self.r)

    def new_order(
        self, buyer: Buyer, released: int, reason: str = "other", topic: str = "",
        opened: int | None = None, closed: int | None = None, transaction: str | None = None,
    ) -> tuple[dict[str, Any], _Facts]:  # fmt: skip
        """An order object; the ticket about it (``reason`` ... ``closed``) shapes its
        history: a damaged item was delivered before the complaint, a refund follows."""
        r, iso = self.r, self.iso
        opened = self.limit if opened is None else opened
        index = int(r() * len(self.book.products))
        product = self.book.products[index]
        size, color = self.pick(product.sizes), self.pick(product.colors)
        variation_id, sku = self.variations[index, size, color]
        exp_ship = released + 3 * DAY + int(r() * 4 * DAY)
        exp_delivery = released + 10 * DAY + int(r() * 30 * DAY)
        events = [("ORDER_RELEASED", released)]
        tracking: list[dict[str, Any]] = []
        ship = released + HOUR + int(r() * (exp_ship - released + DAY))
        if reason in DELIVERED:
            ship = min(ship, opened - 8 * DAY - int(r() * 3 * DAY))
            shipped = ship > released
        else:
            late = 0.4 if self.limit - released > 10 * DAY else 0.0
            shipped = ship < self.limit and r() < SHIP_CHANCE[reason] + late
        state = "SHIPPED" if shipped else "APPROVED"
        if shipped:
            tracking.append(self.label(buyer.cc))
            events.append(("MARK_SHIPPED", ship))
            if r() < 0.02 and ship + 2 * DAY < min(opened, self.limit):
                events.append(("TRACKING_CANCELLED", ship + DAY))  # shipped again
                ship += DAY + HOUR
                tracking.insert(0, self.label(buyer.cc))  # Wish lists the newest first
                events.append(("MARK_SHIPPED", ship))
            scanned = ship + DAY + int(r() * 3 * DAY)
            if scanned < self.limit:
                events.append(("CONFIRM_FULFILLED", scanned))
            if reason in DELIVERED and scanned + 2 * DAY < opened:
                delivered = opened - int(r() * (opened - scanned - DAY))
                events.append(("CONFIRMED_DELIVERED", delivered))
        updated = events[-1][1]
        if closed and reason in REFUNDABLE and r() < 0.5:
            state, updated = "REFUNDED", max(updated, closed)
        quantity = 1 if r() < 0.8 else 2 + int(r() * r() * 4)
        if topic == "missing":  # "I ordered 2 but got one"
            quantity = max(quantity, 2)
        order = {
            "id": self.oid(released),
            "transaction_id": transaction or self.oid(released - 60),
            "state": state,
            "released_at": iso(released),
            "updated_at": iso(updated),
            "product_information": {"id": self.product_ids[index], "variation_id": variation_id,
                                    "sku": sku, "name": product.name, "size": size,
                                    "color": color},
            "order_payment": {"general_payment_details": {"product_quantity": quantity}},
            "fulfillment_requirements": {"expected_ship_time": iso(exp_ship),
                                         "expected_delivery_time": iso(exp_delivery)},
            "tracking_information": tracking,
            "fulfillment_records": [{"event_type": e, "event_time": iso(t)} for e, t in events],
            "full_address": {"shipping_detail": buyer.address},
            "refunds": [],
        }  # fmt: skip
        facts = _Facts(order, product, size, color, released, ship if shipped else None, buyer)
        return order, facts

    def label(self, cc: str) -> dict[str, Any]:
        return tracking_label(self.pick(self.carriers[cc]), self.book.ship_notes, self.r)

    def exchange(self, m: int) -> list[str]:
        """``m`` senders (0 or >= 2): buyer and merchant taking turns, ending with the
        merchant; an odd count gets one buyer follow-up somewhere."""
        r = self.r
        seq: list[str] = []
        pairs, extra = divmod(m, 2)
        twice = int(r() * pairs) if extra else -1
        for p in range(pairs):
            seq.append(W if p and r() < 0.03 else U)
            if p == twice:
                seq.append(U)
            seq.append(M)
        return seq

    def plan(self, state: str, n: int) -> tuple[list[str], int, int, str]:
        """Senders, the anchor's index and age in seconds, and how the thread ends.

        The anchor is the message whose time is chosen first: for a ticket awaiting the
        merchant the first unanswered message (the SLA clock start), else the last one.
        """
        r = self.r
        if state == AM:
            x = r()
            if x < 0.5:  # fresh
                age, k = 300 + int(r() * (24 * HOUR - 300)), 1
                k += age > 6 * HOUR and r() < 0.1
            elif x < 0.62:
                age, k = 24 * HOUR + int(r() * 12 * HOUR), 1 + (r() < 0.15)
            elif x < 0.76:  # close to the 48-hour escalation, nothing after it
                age, k = 36 * HOUR + int(r() * 11 * HOUR), 1
            elif r() < 0.3:  # overdue
                age, k = 2 * DAY + int(r() * DAY), 1 + (r() < 0.3)
            else:
                age, k = 3 * DAY + int(r() * r() * 9 * DAY), 1 + (r() < 0.4) + (r() < 0.15)
            k = min(k, n)
            m = n - k if n - k != 1 else 2
            seq = self.exchange(m) + [U] * k
            if len(seq) >= 2 and r() < 0.08:
                seq[-1] = W
            return seq, m, age, "open"
        if state == AU:
            seq = self.exchange(max(n, 2))
            return seq, len(seq) - 1, HOUR // 2 + int(r() * r() * 20 * DAY), "open"
        seq = self.exchange(max(n - 1, 2))
        if state == AW:
            if r() < 0.5:  # the buyer asked Wish to step in
                seq.append(U)
            return seq, len(seq) - 1, DAY + int(r() * 14 * DAY), "open"
        if state == PC:
            seq.append(W)
            return seq, len(seq) - 1, 10 * DAY + int(r() * 45 * DAY), "wish_closing"
        x = r()
        ending = "closing" if x < 0.55 else "thanks" if x < 0.85 else "auto"
        seq.append(M if x < 0.55 else U if x < 0.85 else AUTO)
        return seq, len(seq) - 1, DAY + int(r() * 52 * DAY), ending

    def gap(self, before: str, sender: str) -> int:
        """Seconds between two messages."""
        r = self.r
        if sender == M:
            return 2 * HOUR + int(r() * 28 * HOUR) if r() < 0.85 else 36 * HOUR + int(r() * 2 * DAY)
        if sender == AUTO:
            return 7 * DAY + int(r() * HOUR)
        if sender == W:
            return DAY + int(r() * 2 * DAY)
        if before == U:  # the buyer asks again
            return 12 * HOUR + int(r() * 3 * DAY)
        return 600 + int(r() * r() * 2 * DAY)

    def times(self, seq: list[str], anchor: int, age: int) -> list[int]:
        limit = self.limit
        times = [0] * len(seq)
        times[anchor] = limit - age
        for i in range(anchor + 1, len(seq)):  # follow-ups after the clock start
            room = limit - times[i - 1]
            times[i] = min(limit - 1, times[i - 1] + 1 + int(room * (0.25 + 0.5 * self.r())))
        gaps = [self.gap(seq[i - 1], seq[i]) for i in range(1, anchor + 1)]
        span = sum(gaps)
        scale = min(1.0, (times[anchor] - (limit - WINDOW)) / span) if span else 1.0
        for i in range(anchor, 0, -1):
            times[i - 1] = times[i] - max(30, int(gaps[i - 1] * scale))
        return times

    def ticket(self) -> Iterator[dict[str, Any]]:
        r, pick, book, iso = self.r, self.pick, self.book, self.iso
        state = pick(STATE_POOL)
        x = r()
        kind = "PRE_PURCHASE" if x < 0.05 else "POST_CUSTOMER_SUPPORT" if x < 0.06 else "ORDER"
        topic, reason, refund_reasons, _ = PRESALE_TOPIC if x < 0.05 else pick(self.topics)
        reuse = pick(self.recent) if kind == "ORDER" and self.recent and r() < 0.03 else None
        buyer = reuse.buyer if reuse else self.buyer()
        seq, anchor, age, ending = self.plan(state, pick(self.reply_counts))
        times = self.times(seq, anchor, age)
        opened, last = times[0], times[-1]
        closed = None
        if state == CL:
            closed = last if ending == "auto" else min(self.limit, last + int(r() * 2 * DAY))
        elif state == PC:
            closed = min(self.limit, last + int(r() * DAY))
        updated = closed or last
        if state == AW:  # the state changed after the last message
            updated = min(self.limit, last + HOUR + int(r() * 30 * HOUR))

        orders: list[dict[str, Any]] = []
        if kind == "PRE_PURCHASE":
            index = int(r() * len(book.products))
            product = book.products[index]
            size, color = pick(product.sizes), pick(product.colors)
            facts = _Facts(None, product, size, color, opened, None, buyer)
            product_ids = [self.product_ids[index]]
        else:
            if reuse is not None and reuse.released < opened - HOUR:
                facts = reuse
            else:
                low, high = RELEASE_LAG[reason]
                released = opened - int((low + r() * (high - low)) * DAY)
                order, facts = self.new_order(buyer, released, reason, topic, opened, closed)
                orders.append(order)
                if r() < 0.06:  # bought together with another item
                    tx = order["transaction_id"]
                    orders.append(
                        self.new_order(buyer, released, reason, "", opened, closed, tx)[0]
                    )
                self.recent.append(facts)
                if len(self.recent) > 64:
                    del self.recent[0]
            cited = [facts.order, *orders[1:]] if facts.order else []
            product_ids = [o["product_information"]["id"] for o in cited]
        product = facts.product
        if topic == "size" and len(product.sizes) < 2:
            topic = "color"
        elif topic == "color" and len(product.colors) < 2:
            topic = "size"

        language, colors = buyer.language, buyer.language.colors
        size, color = facts.size, facts.color
        new_size = pick([s for s in product.sizes if s != size] or product.sizes)
        new_color = pick([c for c in product.colors if c != color] or product.colors)
        order_obj = facts.order
        tracking = order_obj["tracking_information"] if order_obj else []
        quantity = (
            order_obj["order_payment"]["general_payment_details"]["product_quantity"]
            if order_obj else 2
        )  # fmt: skip
        fields = {
            "product": product.name, "size": size, "color": colors.get(color, color),
            "new_size": new_size, "new_color": colors.get(new_color, new_color),
            "order": order_obj["id"] if order_obj else "",
            "days": str(max(1, (opened - facts.released) // DAY)),
            "city": buyer.address["city"],
            "address": new_address(book.countries[buyer.cc], r),
            "quantity": str(quantity),
            "first": buyer.first,
            "carrier": tracking[0]["shipping_provider"]["name"] if tracking else "",
            "tracking": tracking[0]["tracking_number"] if tracking else "",
        }  # fmt: skip
        status = reason in ("order-status", "shipping-eta")
        key = "presale" if kind == "PRE_PURCHASE" else "shipped" if status else reason
        plan = Plan(seq, [iso(t) for t in times], ending, topic, key, language, fields)
        if status:  # the answer tells whether the order had shipped by then
            ship = facts.ship if facts.ship is not None else self.limit
            plan.ship_index = next((i for i, t in enumerate(times) if t > ship), len(seq))
        replies = write_thread(book, plan, r, self.photo)
        with_label = kind != "PRE_PURCHASE" and r() < 0.4
        yield from orders
        yield {
            "id": self.oid(opened),
            "merchant_id": self.merchant_id,
            "subject": pick(language.subjects[topic]).format_map(fields),
            "sub_label": pick(book.sub_labels[reason]) if with_label else None,
            "type": kind,
            "state": state,
            "opened_at": iso(opened),
            "updated_at": iso(updated),
            "resolution_info": None if closed is None
            else {"closed_at": iso(closed), "closed_by": self.closer(ending)},
            "orders": [{"id": o["id"]} for o in cited] if kind != "PRE_PURCHASE" else [],
            "products": [{"id": p} for p in product_ids],
            "buyer_info": {"name": buyer.name, "locale": buyer.locale},
            "refund_reason": pick(refund_reasons) if refund_reasons and r() < 0.45 else None,
            "replies": replies,
        }  # fmt: skip

    def closer(self, ending: str) -> str:
        x = self.r()
        if ending == "closing":
            return M if x < 0.8 else U
        if ending == "thanks":
            return U if x < 0.7 else M
        return AUTO if ending == "auto" else W

    def photo(self) -> dict[str, str]:
        number = 1000 + int(self.r() * 9000)
        return {"url": f"https://contestimg.wish.com/api/webimage/{self.oid(self.limit)}.jpg",
                "file_name": f"IMG_{number}.jpg"}  # fmt: skip
