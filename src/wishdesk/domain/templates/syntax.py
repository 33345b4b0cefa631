"""The template syntax: ``{name}`` is a placeholder, ``{{`` and ``}}`` are literal braces.

Deliberately smaller than ``str.format``: no attributes, indexes, conversions or format
specs, so a template can only ever ask for a value by name, and values are never re-read
as template text (a buyer called ``{eta}`` stays ``{eta}``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from wishdesk.errors import Joined, Phrase, UsageError

_TOKEN = re.compile(r"\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}|[{}]")

# A part is literal text, or (with is_placeholder true) the name of a placeholder.
Part = tuple[str, bool]


class TemplateError(UsageError):
    """A template cannot be rendered: values are missing, or its text is malformed."""

    def __init__(self, message: str, *, missing: list[str] | None = None, **params: Any) -> None:
        super().__init__(message, **params)
        self.missing = missing or []


def _position(text: str, offset: int) -> Phrase:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Phrase("line {line}, column {column}", line=line, column=column)


def parse(text: str) -> list[Part]:
    """Split ``text`` into literal text and placeholder names; a stray brace is an error."""
    parts: list[Part] = []
    literal: list[str] = []
    last = 0
    for m in _TOKEN.finditer(text):
        literal.append(text[last : m.start()])
        last = m.end()
        token = m.group()
        if m.group(1) is not None:
            if literal:
                parts.append(("".join(literal), False))
                literal = []
            parts.append((m.group(1), True))
        elif token in ("{{", "}}"):
            literal.append(token[0])
        else:
            raise TemplateError(
                "stray {token!r} at {where}: a placeholder is {{name}} (letters, digits, "
                "_); write {doubled} for a literal brace",
                token=token,
                where=_position(text, m.start()),
                doubled=token * 2,
            )
    literal.append(text[last:])
    tail = "".join(literal)
    if tail:
        parts.append((tail, False))
    return parts


def placeholders(text: str) -> list[str]:
    """The placeholder names of ``text``, each once, in order of first use."""
    return list(dict.fromkeys(value for value, is_name in parse(text) if is_name))


_ORDER_FIELDS = ("order_id", "product", "size", "color", "quantity")
_HINTS: tuple[tuple[tuple[str, ...], Phrase], ...] = (
    (("tracking_number", "tracking_url", "carrier"), Phrase("this order has no tracking yet")),
    (("eta",), Phrase("this order has no expected delivery date")),
    (("ship_by",), Phrase("this order has no expected ship date")),
    (("buyer_name",), Phrase("the buyer's name is unknown")),
    (("merchant_name",), Phrase("set it with `wishdesk config set merchant.name NAME`")),
)


def _hints(missing: list[str], values: Mapping[str, str]) -> list[Phrase]:
    hints: list[Phrase] = []
    covered: set[str] = set()
    if "order_id" not in values and any(n in _ORDER_FIELDS or n == "eta" for n in missing):
        hints.append(Phrase("there is no order to take them from"))
        covered.update(_ORDER_FIELDS, ("eta", "ship_by", "tracking_number", "tracking_url"))
        covered.add("carrier")
    for names, hint in _HINTS:
        if any(n in missing and n not in covered for n in names):
            hints.append(hint)
            covered.update(names)
    order_gaps = [n for n in missing if n in _ORDER_FIELDS and n not in covered]
    if order_gaps:
        hints.append(Phrase("the order does not record {fields}", fields=", ".join(order_gaps)))
        covered.update(order_gaps)
    others = [n for n in missing if n not in covered]
    if others:
        hints.append(Phrase("pass {options}", options=" ".join(f"--var {n}=VALUE" for n in others)))
    return hints


def fill(name: str, text: str, values: Mapping[str, str]) -> str:
    """``text`` with every placeholder replaced; raises naming every missing one."""
    parts = parse(text)
    missing = list(
        dict.fromkeys(v for v, is_name in parts if is_name and not (values.get(v) or "").strip())
    )
    if missing:
        raise TemplateError(
            "template {name!r} needs {fields}: {hints}",
            missing=missing,
            name=name,
            fields=", ".join(missing),
            hints=Joined(_hints(missing, values)),
        )
    return "".join(values[v] if is_name else v for v, is_name in parts)
