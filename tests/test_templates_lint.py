"""Every built-in template, in every language, passes the policy linter."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from wishdesk.domain.models import OrderFacts
from wishdesk.domain.policy import lint
from wishdesk.domain.templates import (
    LANGUAGES,
    Template,
    builtin_templates,
    render,
    template_values,
)

NOW = datetime(2026, 11, 26, 7, 0, tzinfo=timezone.utc)
ETA = NOW + timedelta(days=20)
SHIP_BY = NOW - timedelta(days=2)
ORDER_ID = "6743a1f09c2b4e0012ab34cd"
TRACKING = "YT2433112345678901"
# Templates used before an order ships: they must not claim it has.
BEFORE_SHIPPING = ("sold-out", "address-confirm", "change-address", "remove-item")


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


SHIPPED_ORDER = {
    "id": ORDER_ID,
    "state": "SHIPPED",
    "product": "Waterproof Hiking Backpack 40L",
    "size": "One size",
    "color": "Forest green",
    "quantity": 1,
    "tracking_number": TRACKING,
    "carrier": "YunExpress",
    "expected_delivery_at": _iso(ETA),
    "expected_ship_at": _iso(SHIP_BY),
}
SHIPPED_FACTS = OrderFacts(
    id=ORDER_ID,
    state="SHIPPED",
    expected_delivery_at=ETA,
    expected_ship_at=SHIP_BY,
    tracking_numbers=(TRACKING,),
    carrier="YunExpress",
)
UNSHIPPED_ORDER = {**SHIPPED_ORDER, "state": "APPROVED", "tracking_number": None, "carrier": None}
UNSHIPPED_FACTS = OrderFacts(
    id=ORDER_ID, state="APPROVED", expected_delivery_at=ETA, expected_ship_at=NOW
)
EXTRA = {"new_date": (ETA + timedelta(days=7)).date().isoformat()}
CASES = [(name, lang) for name in builtin_templates().names() for lang in LANGUAGES]


def _fill(template: Template, lang: str, order: dict[str, object]) -> str:
    values = template_values(
        buyer_name="María José",
        locale=lang,
        order=order,
        merchant_name="Trailhead Outfitters",
        extra=EXTRA,
    )
    return render(template, values)


def _render(name: str, lang: str, order: dict[str, object]) -> str:
    return _fill(builtin_templates().get(name, lang), lang, order)


def _describe(text: str, findings: list[object]) -> str:
    return text + "\n" + "\n".join(map(repr, findings))


def test_every_builtin_template_is_covered() -> None:
    assert len(CASES) == 13 * 7


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_builtin_template_passes_the_linter(name: str, lang: str) -> None:
    text = _render(name, lang, SHIPPED_ORDER)
    assert builtin_templates().get(name, lang).lang == lang
    findings = lint(text, orders=[SHIPPED_FACTS], now=NOW)
    assert findings == [], _describe(text, list(findings))


@pytest.mark.parametrize(
    ("name", "lang"), [(n, lang) for n in BEFORE_SHIPPING for lang in LANGUAGES]
)
def test_pre_shipping_template_claims_no_shipment(name: str, lang: str) -> None:
    text = _render(name, lang, UNSHIPPED_ORDER)
    findings = lint(text, orders=[UNSHIPPED_FACTS], now=NOW)
    assert findings == [], _describe(text, list(findings))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_earlier_date_than_the_order_is_caught(lang: str) -> None:
    """The check above is not vacuous: the linter reads the dates the templates write."""
    values = template_values(
        buyer_name="Ana",
        locale=lang,
        order=SHIPPED_ORDER,
        merchant_name="Trailhead",
        extra={"eta": (NOW + timedelta(days=5)).date().isoformat()},
    )
    text = render(builtin_templates().get("shipping-eta", lang), values)
    rules = [f.rule for f in lint(text, orders=[SHIPPED_FACTS], now=NOW)]
    assert rules == ["truth.eta"]


LATE_CASES = [
    (t.name, t.lang)
    for name in builtin_templates().names()
    for t in builtin_templates().variants(name)
]
PAST = NOW - timedelta(days=9)
LATE_ORDER = {**SHIPPED_ORDER, "expected_delivery_at": _iso(PAST)}
LATE_FACTS = OrderFacts(
    id=ORDER_ID,
    state="SHIPPED",
    expected_delivery_at=PAST,
    expected_ship_at=SHIP_BY - timedelta(days=20),
    tracking_numbers=(TRACKING,),
    carrier="YunExpress",
)


def test_every_template_with_a_delivery_date_has_a_late_text_in_every_language() -> None:
    templates = builtin_templates()
    with_eta = [n for n in templates.names() if "eta" in templates.get(n, "en").placeholders]
    assert with_eta == ["shipped", "order-status", "shipping-eta"]
    assert sorted(LATE_CASES) == sorted((n, lang) for n in with_eta for lang in LANGUAGES)


@pytest.mark.parametrize(("name", "lang"), LATE_CASES)
def test_late_text_passes_the_linter_and_promises_no_date(name: str, lang: str) -> None:
    """Once the expected delivery has passed, the template says the parcel is late: no date
    gone by is given as the expectation."""
    template = builtin_templates().for_locale(name, lang, late=True)
    assert template.variant == "late" and "eta" not in template.placeholders
    text = _fill(template, lang, LATE_ORDER)
    assert PAST.strftime("%Y") not in text.replace(ORDER_ID, "")
    findings = lint(text, orders=[LATE_FACTS], now=NOW)
    assert findings == [], _describe(text, list(findings))


@pytest.mark.parametrize(("name", "lang"), LATE_CASES)
def test_the_on_time_text_with_a_date_gone_by_is_caught(name: str, lang: str) -> None:
    """Why the late texts exist: the on-time text would give the passed date as the
    expected delivery, which truth.eta-past blocks."""
    template = builtin_templates().for_locale(name, lang)
    assert "eta" in template.placeholders
    text = _fill(template, lang, LATE_ORDER)
    rules = [f.rule for f in lint(text, orders=[LATE_FACTS], now=NOW)]
    assert rules == ["truth.eta-past"], _describe(text, rules)
