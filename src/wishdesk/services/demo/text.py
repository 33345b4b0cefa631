"""The phrasebook behind ``wishdesk demo``: names, places, products and messages.

The words live in JSON files under ``data/`` (one per language, plus ``places.json`` and
``catalogue.json``); this module loads them once into small frozen records that the generator
in :mod:`wishdesk.services.demo.records` indexes with random numbers. Nothing here draws randomness
itself except through the ``rnd`` callable it is given, so the generator stays deterministic.

Placeholders in buyer texts: ``{product} {size} {color} {new_size} {new_color} {order} {days}
{city} {address} {quantity}``; in merchant texts also ``{first} {carrier} {tracking}``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from wishdesk.domain.languages import LANGUAGES

BUYER_FIELDS = frozenset(
    {
        "product",
        "size",
        "color",
        "new_size",
        "new_color",
        "order",
        "days",
        "city",
        "address",
        "quantity",
    }
)
MERCHANT_FIELDS = BUYER_FIELDS | {"first", "carrier", "tracking"}

# What a buyer writes about: (topic, reason, refund reasons Wish may attach, weight).
TOPICS: tuple[tuple[str, str, tuple[str, ...], int], ...] = (
    ("remove", "remove-item", ("USER_PLACED_ORDER_BY_MISTAKE", "USER_NO_LONGER_WANTS_ITEM"), 9),
    ("size", "change-variant", (), 5),
    ("color", "change-variant", (), 3),
    ("address", "change-address", (), 8),
    ("status", "order-status", ("SHIPPING_TAKING_TOO_LONG",), 17),
    ("eta", "shipping-eta", ("SHIPPING_TAKING_TOO_LONG", "ITEM_NEVER_ARRIVED"), 17),
    ("damaged", "damaged-missing", ("ITEM_IS_DAMAGED",), 5),
    ("missing", "damaged-missing", ("EMPTY_PACKAGE",), 3),
    ("defective", "damaged-missing", ("ITEM_DOES_NOT_WORK_AS_DESCRIBED",), 4),
    ("fit", "return-refund", ("ITEM_DOES_NOT_FIT",), 7),
    ("listing", "return-refund", ("ITEM_DOES_NOT_MATCH_LISTING", "ITEM_IS_COUNTERFEIT"), 6),
    ("other", "other", (), 6),
)
PRESALE_TOPIC = ("presale", "other", (), 0)

MERCHANT_KEYS = (
    "greeting",
    "signoff",
    "remove-item",
    "change-variant",
    "change-address",
    "shipped",
    "unshipped",
    "damaged-missing",
    "return-refund",
    "other",
    "presale",
    "generic",
    "closing",
)


@dataclass(frozen=True)
class Language:
    code: str
    first_names: tuple[str, ...]
    last_names: tuple[str, ...]
    name_format: str
    colors: Mapping[str, str]
    subjects: Mapping[str, tuple[str, ...]]
    openings: Mapping[str, tuple[str, ...]]
    follow_ups: tuple[str, ...]
    buyer_replies: tuple[str, ...]
    thanks: tuple[str, ...]
    merchant: Mapping[str, tuple[str, ...]]  # empty: the merchant answers in English


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    phone_code: str
    phone: str  # pattern, see ``fill``
    streets: tuple[str, ...]
    line2: tuple[str, ...]
    cities: tuple[tuple[str, str, str], ...]  # (city, state, zip pattern)


@dataclass(frozen=True)
class Product:
    name: str
    sizes: tuple[str, ...]
    colors: tuple[str, ...]


@dataclass(frozen=True)
class Carrier:
    name: str
    origin: str  # ISO country it ships from; a non-CN carrier only serves its own country
    pattern: str
    weight: int


@dataclass(frozen=True)
class Phrasebook:
    languages: Mapping[str, Language]
    locales: tuple[tuple[str, str, str, int], ...]  # (locale, language, country, weight)
    countries: Mapping[str, Country]
    products: tuple[Product, ...]
    sub_labels: Mapping[str, tuple[str, ...]]
    carriers: tuple[Carrier, ...]
    ship_notes: tuple[str, ...]
    wish_support: tuple[str, ...]
    wish_closing: tuple[str, ...]
    auto_close: tuple[str, ...]


def _read(name: str) -> Any:
    text = (resources.files("wishdesk.services.demo") / "data" / name).read_text("utf-8")
    return json.loads(text)


def _strings(value: Any) -> tuple[str, ...]:
    return tuple(str(item) for item in value)


def _table(value: Any) -> dict[str, tuple[str, ...]]:
    return {str(key): _strings(items) for key, items in value.items()}


def _language(code: str) -> Language:
    raw = _read(f"{code}.json")
    return Language(
        code=code,
        first_names=_strings(raw["first_names"]),
        last_names=_strings(raw["last_names"]),
        name_format=str(raw["name_format"]),
        colors={str(k): str(v) for k, v in raw["colors"].items()},
        subjects=_table(raw["subjects"]),
        openings=_table(raw["openings"]),
        follow_ups=_strings(raw["follow_ups"]),
        buyer_replies=_strings(raw["buyer_replies"]),
        thanks=_strings(raw["thanks"]),
        merchant=_table(raw.get("merchant", {})),
    )


@lru_cache(maxsize=1)
def phrasebook() -> Phrasebook:
    """Load every data file once (about 100 kB of JSON)."""
    languages = {code: _language(code) for code in LANGUAGES}
    places = _read("places.json")
    catalogue = _read("catalogue.json")
    english = _read("en.json")
    countries = {
        code: Country(
            code=code,
            name=str(raw["name"]),
            phone_code=str(raw["phone_code"]),
            phone=str(raw["phone"]),
            streets=_strings(raw["streets"]),
            line2=_strings(raw["line2"]),
            cities=tuple((str(c), str(s), str(z)) for c, s, z in raw["cities"]),
        )
        for code, raw in places["countries"].items()
    }
    sizes = _table(catalogue["sizes"])
    return Phrasebook(
        languages=languages,
        locales=tuple((str(a), str(b), str(c), int(w)) for a, b, c, w in places["locales"]),
        countries=countries,
        products=tuple(
            Product(str(name), sizes[kind], _strings(colors))
            for name, kind, colors in catalogue["products"]
        ),
        sub_labels=_table(catalogue["sub_labels"]),
        carriers=tuple(
            Carrier(str(n), str(o), str(p), int(w)) for n, o, p, w in catalogue["carriers"]
        ),
        ship_notes=_strings(catalogue["ship_notes"]),
        wish_support=_strings(english["wish_support"]),
        wish_closing=_strings(english["wish_closing"]),
        auto_close=_strings(english["auto_close"]),
    )


_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def fill(pattern: str, rnd: Callable[[], float]) -> str:
    """Fill a pattern: ``#`` a digit, ``%`` a digit 2-9, ``@`` a capital letter."""
    out = []
    for char in pattern:
        if char == "#":
            out.append(chr(48 + int(rnd() * 10)))
        elif char == "%":
            out.append(chr(50 + int(rnd() * 8)))
        elif char == "@":
            out.append(_UPPER[int(rnd() * 26)])
        else:
            out.append(char)
    return "".join(out)


def typo(text: str, rnd: Callable[[], float]) -> str:
    """One plausible slip of the finger: two letters swapped, one dropped or doubled."""
    if len(text) < 8:
        return text
    start = int(rnd() * (len(text) - 2))
    for i in range(start, len(text) - 1):
        if text[i].isalpha() and text[i + 1].isalpha():
            kind = int(rnd() * 3)
            if kind == 0:
                return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
            if kind == 1:
                return text[:i] + text[i + 1 :]
            return text[:i] + text[i] + text[i:]
    return text


def _pick(seq: Sequence[str], rnd: Callable[[], float]) -> str:
    return seq[int(rnd() * len(seq))]


@dataclass(frozen=True)
class Buyer:
    language: Language
    locale: str
    first: str
    name: str
    cc: str
    address: dict[str, Any]  # a v3 ``shipping_detail`` object


def make_buyer(book: Phrasebook, locale: tuple[str, str, str], rnd: Callable[[], float]) -> Buyer:
    """A buyer with a plausible name and shipping address for the locale's country."""
    tag, lang, cc = locale
    language = book.languages[lang]
    first, last = _pick(language.first_names, rnd), _pick(language.last_names, rnd)
    name = language.name_format.format(first=first, last=last)
    country = book.countries[cc]
    city, state, zip_pattern = country.cities[int(rnd() * len(country.cities))]
    line2 = _pick(country.line2, rnd).format(n=1 + int(rnd() * 30), last=last)
    address = {
        "name": name,
        "street_address1": _pick(country.streets, rnd).format(n=1 + int(rnd() * rnd() * 240)),
        "street_address2": line2 if rnd() < 0.35 else "",
        "city": city,
        "state": state,
        "zipcode": fill(zip_pattern, rnd),
        "country": country.name,
        "country_code": cc,
        "phone_number": {"number": fill(country.phone, rnd), "country_code": country.phone_code},
    }
    greet = name if lang == "zh" else first  # "Dear 张伟", not "Dear 伟"
    return Buyer(language, lang if rnd() < 0.03 else tag, greet, name, cc, address)


def new_address(country: Country, rnd: Callable[[], float]) -> str:
    """A one-line address, as a buyer who moved would type it."""
    city, _, zip_pattern = country.cities[int(rnd() * len(country.cities))]
    street = _pick(country.streets, rnd).format(n=1 + int(rnd() * 120))
    if country.code == "CN":
        return f"{fill(zip_pattern, rnd)} {city}{street}"
    if country.code in ("US", "GB", "CA", "AU"):
        return f"{street}, {city} {fill(zip_pattern, rnd)}"
    return f"{street}, {fill(zip_pattern, rnd)} {city}"


def tracking_label(
    carrier: Carrier, notes: Sequence[str], rnd: Callable[[], float]
) -> dict[str, Any]:
    """A v3 ``tracking_information`` item with a number in the carrier's format."""
    return {
        "tracking_number": fill(carrier.pattern, rnd),
        "shipping_provider": {"name": carrier.name},
        "origin_country": carrier.origin,
        "ship_note": _pick(notes, rnd) if rnd() < 0.15 else "",
    }


U, M, W, AUTO = "USER", "MERCHANT", "WISH_SUPPORT", "WISH_AUTOMATED_SUPPORT"
PHOTO_TOPICS = frozenset({"damaged", "missing", "defective", "listing"})


@dataclass
class Plan:
    """One thread to write: who speaks when, about what, and how it ends."""

    senders: list[str]
    times: list[str]  # ISO, one per sender
    ending: str  # "open", "closing", "thanks", "auto" or "wish_closing"
    topic: str
    answer: str  # the merchant's first answer: a reason, "presale" or "shipped"
    language: Language
    fields: dict[str, str]
    ship_index: int = -1  # "shipped": from this message on the order has shipped


def write_thread(
    book: Phrasebook, plan: Plan, rnd: Callable[[], float], photo: Callable[[], dict[str, str]]
) -> list[dict[str, Any]]:
    """The v3 ``replies`` of a thread, in the buyer's language; the merchant answers in it
    when the phrasebook speaks it (and sometimes in English anyway)."""
    language, fields, seq = plan.language, plan.fields, plan.senders
    english = book.languages["en"].merchant
    voice = language.merchant if language.merchant and rnd() >= 0.2 else english
    greeting = _pick(voice["greeting"], rnd).format_map(fields)
    signoff = _pick(voice["signoff"], rnd)
    answered = False
    replies: list[dict[str, Any]] = []
    last = len(seq) - 1
    for i, sender in enumerate(seq):
        files: list[dict[str, str]] = []
        if sender == M:
            if i == last and plan.ending == "closing":
                key = "closing"
            elif answered:
                key = "generic"
            elif plan.answer == "shipped" and i < plan.ship_index:
                key = "unshipped"
            else:
                key = plan.answer
            answered = True
            text = f"{greeting}\n\n{_pick(voice[key], rnd).format_map(fields)}\n\n{signoff}"
        elif sender == U:
            if i == 0:
                text = _pick(language.openings[plan.topic], rnd).format_map(fields)
                if plan.topic in PHOTO_TOPICS and rnd() < 0.6:
                    files = [photo() for _ in range(1 + int(rnd() * rnd() * 3))]
            elif i == last and plan.ending == "thanks":
                text = _pick(language.thanks, rnd)
            else:
                text = _pick(
                    language.follow_ups if seq[i - 1] == U else language.buyer_replies, rnd
                )
            if rnd() < 0.06:
                text = typo(text, rnd)
        elif sender == AUTO:
            text = _pick(book.auto_close, rnd)
        else:
            closing = plan.ending == "wish_closing" and i == last
            text = _pick(book.wish_closing if closing else book.wish_support, rnd)
        replies.append(
            {
                "message": text,
                "replied_at": plan.times[i],
                "sender": sender,
                "supporting_files": files,
            }
        )
    return replies
