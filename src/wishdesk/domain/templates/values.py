"""The values a template is filled with, taken from the ticket, its order and ``--var``."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from wishdesk.clock import parse_time
from wishdesk.domain.carriers import tracking_url
from wishdesk.domain.templates.dates import DATE_LANGUAGES, format_date
from wishdesk.domain.templates.model import Template, pick_language
from wishdesk.domain.templates.syntax import fill

# A date, or a time whose date is what a buyer reads (``2026-12-20T00:00:00Z``: machine
# output, a column of ``wishdesk orders --format csv``): written out as the date it names.
_ISO_DATE = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)
# placeholder name -> key of the order record (``wishdesk.services.inbox.order_record``)
_ORDER_KEYS = {
    "order_id": "id",
    "product": "product",
    "size": "size",
    "color": "color",
    "quantity": "quantity",
    "tracking_number": "tracking_number",
    "carrier": "carrier",
}
_ORDER_DATES = {"eta": "expected_delivery_at", "ship_by": "expected_ship_at"}
# What a template takes from buyer and order data (a name, a product, a carrier) is cut to
# this many characters: a buyer named with 100,000 characters must not make every message
# to them that long (and every check of it that slow).
MAX_VALUE_CHARS = 200


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, bool):
        return None
    text = str(value).strip()
    return text or None


def _data(value: Any) -> str | None:
    """A value from buyer or order data, cut to ``MAX_VALUE_CHARS``."""
    if isinstance(value, str) and len(value) > MAX_VALUE_CHARS:
        value = value[: MAX_VALUE_CHARS * 2].strip()[: MAX_VALUE_CHARS - 1].rstrip() + "…"
    return _text(value)


def _date(stamp: Any, lang: str) -> str | None:
    if not isinstance(stamp, str) or not stamp.strip():
        return None
    try:
        moment = parse_time(stamp)
    except ValueError:
        return None
    return format_date(moment.date(), lang)


def template_values(
    *,
    buyer_name: str | None,
    locale: str | None,
    order: Mapping[str, Any] | None,
    merchant_name: str | None,
    extra: Mapping[str, str],
) -> dict[str, str]:
    """Placeholder values for one message. Unknown or empty values are left out, so that
    a template needing them fails with a clear message. ``extra`` (``--var``) wins; an
    ``extra`` value that is an ISO date (``2026-12-20``, or a time on that date) is written
    out in the language."""
    lang = pick_language(locale, DATE_LANGUAGES)
    found: dict[str, str | None] = {"buyer_name": _data(buyer_name)}
    if order:
        for name, key in _ORDER_KEYS.items():
            found[name] = _data(order.get(key))
        found["tracking_url"] = tracking_url(found["carrier"], found["tracking_number"])
        for name, key in _ORDER_DATES.items():
            found[name] = _date(order.get(key), lang)
    found["merchant_name"] = _text(merchant_name)
    for key, value in extra.items():
        text = _text(value)
        if text and _ISO_DATE.fullmatch(text):
            text = _date(text[:10], lang) or text
        found[key] = text
    return {key: value for key, value in found.items() if value}


def eta_passed(order: Mapping[str, Any] | None, now: datetime) -> bool:
    """Has the order's expected delivery gone by? Then a template says the parcel is late
    (its ``late`` text) instead of promising a date in the past."""
    stamp = (order or {}).get("expected_delivery_at")
    if not isinstance(stamp, str) or not stamp:
        return False
    try:
        return parse_time(stamp) < now
    except ValueError:
        return False


def render(template: Template, values: Mapping[str, str]) -> str:
    """The message: ``template`` filled with ``values`` (every missing one is named)."""
    return fill(template.name, template.text, values)
