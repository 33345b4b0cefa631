"""The ``truth.*`` rules: delivery promises and shipping claims against the order's facts."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from wishdesk.domain.lazy_pattern import LazyPattern
from wishdesk.domain.policy.clauses import negated, sentence_bounds
from wishdesk.domain.policy.finding import Hit
from wishdesk.domain.policy.lexicon import Lexicon
from wishdesk.domain.policy.spans import Taken
from wishdesk.domain.policy.textview import TextView
from wishdesk.i18n import N_

if TYPE_CHECKING:
    from wishdesk.domain.models import OrderFacts

Span = tuple[int, int]

_HEX_ID = LazyPattern(r"(?<![0-9a-z])[0-9a-f]{24}(?![0-9a-z])")
# Well-known formats, recognised anywhere. Each is a whole token: no letter or digit may
# touch it on either side, so a longer number is never read as a shorter one.
_STRONG_TRACKING = LazyPattern(
    r"(?<![a-z0-9])(?:"
    r"[a-z]{2}\d{9}[a-z]{2}"  # UPU S10: China Post LZ123456789CN, LX..., RR...
    r"|1z[0-9a-z]{16}"  # UPS
    r"|(?:yt|sf|lp|uh|ue|sy|jjd|ytd|cnaq|ys)\d{9,20}"  # YunExpress, SF, Cainiao, ...
    r"|4px\d{10,16}(?:cn)?"  # 4PX
    r"|(?:yw|wn|yd)\d{9,16}(?:cn|yw)?"  # Yanwen, ...
    r"|(?:cn|cny)[a-z]{0,3}\d{11,16}"  # Cainiao CN..., CNGZS...
    r"|gm\d{16,18}"  # DHL eCommerce
    r"|(?:420\d{5}(?:\d{4})?)?9[2-5]\d{2}(?: ?\d{4}){4} ?\d{2}"  # USPS (22 digits)
    r")(?![a-z0-9])"
)
# After a tracking keyword: a token with letters and digits, or digit groups separated by
# single spaces or hyphens ("9400 1118 9922 3197 4284 90").
_TOKEN = LazyPattern(
    r"(?<![a-z0-9])(?:[a-z0-9][a-z0-9-]{7,34}[a-z0-9]|\d{2,6}(?:[ -]\d{2,6}){1,7})(?![a-z0-9])"
)
_TOKEN_REACH = 64  # longer than any _TOKEN match (55), and the character after it
_SEPARATORS = LazyPattern(r"[\s.-]")


def _compact(token: str) -> str:
    return _SEPARATORS.sub("", token).lower()


def order_ids(text: str) -> list[Span]:
    """Spans of 24-hex Wish object ids (order, ticket, product ids)."""
    return [m.span() for m in _HEX_ID.finditer(text)] if len(text) >= 24 else []


_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def _written(text: str, number: str) -> list[Span]:
    """Where the order's (compacted) number is written in ``text``: its characters in order,
    with at most one space or hyphen between two of them, not inside a longer token.
    A plain scan rather than a regex per order number: bulk ``notify`` lints thousands of
    messages, each about a different order, and compiling a pattern each time dominated."""
    spans: list[Span] = []
    size, n = len(text), len(number)
    pos = text.find(number[0]) if n else -1
    while pos != -1:
        i, j = pos + 1, 1
        while j < n:
            if i < size and text[i] == number[j]:
                i, j = i + 1, j + 1
            elif (
                i + 1 < size and (text[i].isspace() or text[i] == "-") and text[i + 1] == number[j]
            ):
                i, j = i + 2, j + 1
            else:
                break
        bounded = (pos == 0 or text[pos - 1] not in _WORD_CHARS) and (
            i == size or text[i] not in _WORD_CHARS
        )
        if j == n and bounded:
            spans.append((pos, i))
            pos = text.find(number[0], i)
        else:
            pos = text.find(number[0], pos + 1)
    return spans


def known_numbers(orders: Sequence[OrderFacts]) -> list[str]:
    """The orders' tracking numbers, compacted (no spaces or hyphens, lower case)."""
    return [c for o in orders for n in o.tracking_numbers if len(c := _compact(n)) >= 6]


def tracking_tokens(
    text: str,
    lex: Lexicon,
    reserved: list[Span],
    present: frozenset[str] | None = None,
    known: Sequence[str] = (),
) -> list[tuple[int, int, str]]:
    """Things that look like tracking numbers, as whole tokens: the order's own numbers
    (``known``, compacted) however they are spaced, well-known formats anywhere, or a token
    with at least 8 digits right after a tracking keyword."""
    found: list[tuple[int, int, str]] = []
    taken = Taken(len(text), reserved)

    def take(start: int, end: int, token: str) -> bool:
        if not taken.free(start, end):
            return False
        taken.add(start, end)
        found.append((start, end, token))
        return True

    for number in known:
        for start, end in _written(text, number):
            take(start, end, text[start:end])
    if len(text) < 10:
        return found
    for m in _STRONG_TRACKING.finditer(text):
        take(m.start(), m.end(), m.group())
    if present is not None and not lex.tracking_keywords.live(present):
        return found
    for key in lex.tracking_keywords.finditer(text):
        window_end = min(len(text), key.end() + 30)
        # A token starting in the window is at most 55 characters long: no need to look
        # further (which made a message of keywords without numbers quadratic).
        for m in _TOKEN.finditer(text, key.end(), min(len(text), window_end + _TOKEN_REACH)):
            if m.start() >= window_end:
                break
            token = m.group()
            if sum(ch.isdigit() for ch in token) >= 8 and take(m.start(), m.end(), token):
                break
    return found


def _is_known(token: str, known: set[str]) -> bool:
    """The token is one of the order's numbers (or ids), ignoring spaces, hyphens and case;
    digit groups read after a keyword may have taken a following group too many."""
    compact = _compact(token)
    if compact in known:
        return True
    groups = re.split(r"[\s-]+", token)
    return any(_compact("".join(groups[:n])) in known for n in range(1, len(groups)))


def _no_tracking_hint(orders: Sequence[OrderFacts]) -> tuple[tuple[str, str], ...]:
    return (
        (
            "detail",
            N_("Says the order has shipped, but it has no tracking number and is not shipped."),
        ),
        ("hint", N_("Only say it has shipped once the order has a tracking number in Wish.")),
    )


def _claimed(text: str, start: int, end: int, lex: Lexicon, present: frozenset[str] | None) -> bool:
    """A shipping claim stands: its clause is not negated ("has not shipped yet") and no
    condition or time to come leads up to it ("if it has shipped", "once it has shipped")."""
    if negated(text, start, end, lex, present):
        return False
    conditional = lex.eta.conditional
    if present is not None and not conditional.live(present):
        return True
    left, _ = sentence_bounds(text, start, end)
    return conditional.narrow(present).search(text, left, start) is None


def detect_tracking(
    view: TextView,
    lex: Lexicon,
    orders: Sequence[OrderFacts],
    tokens: list[tuple[int, int, str]],
    present: frozenset[str] | None = None,
) -> list[Hit]:
    if not orders:
        return []
    text = view.norm
    hits: list[Hit] = []
    known = {_compact(n) for o in orders for n in o.tracking_numbers}
    known |= {_compact(o.id) for o in orders}
    shipped = any(o.shipped for o in orders)
    if not shipped:
        pattern = lex.patterns.get("truth.shipped")
        if pattern is not None and (present is None or pattern.live(present)):
            for m in pattern.finditer(text):
                if not _claimed(text, m.start(), m.end(), lex, present):
                    continue
                a, b = view.span(*m.span())
                hits.append(Hit("truth.tracking", a, b, _no_tracking_hint(orders)))
    for start, end, token in tokens:
        if _is_known(token, known):
            continue
        a, b = view.span(start, end)
        original = view.original[a:b]
        if known - {_compact(o.id) for o in orders}:
            numbers = ", ".join(n for o in orders for n in o.tracking_numbers)
            fields: tuple[tuple[str, str], ...] = (
                ("detail", N_("Tracking number {original} is not the order's ({numbers}).")),
                ("hint", N_("Use the order's tracking number: {numbers}.")),
                ("original", original),
                ("numbers", numbers),
            )
        else:
            fields = (
                ("detail", N_("Gives tracking number {original}, but the order has none.")),
                ("hint", N_("Only give a tracking number that Wish has for the order.")),
                ("original", original),
            )
        hits.append(Hit("truth.tracking", a, b, fields))
    return hits


def detect_eta(
    view: TextView,
    lex: Lexicon,
    orders: Sequence[OrderFacts],
    today: date,
    present: frozenset[str] | None = None,
) -> list[Hit]:
    present = lex.present(view.norm) if present is None else present
    if not lex.eta.delivery.live(present):  # no word of delivery: no promise to read
        return []
    from wishdesk.domain.policy.eta import promises  # only then: a short start-up

    found = promises(view.norm, lex, today, present)
    if not found:
        return []
    expected = [o.expected_delivery_at.date() for o in orders if o.expected_delivery_at]
    hits: list[Hit] = []
    for promise in found:
        a, b = view.span(promise.start, promise.end)
        promised = promise.latest.isoformat()
        if promise.passed:
            hits.append(Hit("truth.eta-past", a, b, (("promised", promised),)))
            continue
        if not expected:
            hits.append(Hit("truth.eta-unverified", a, b, (("promised", promised),)))
            continue
        latest_eta = max(expected)
        if promise.latest < latest_eta:
            fields = (("promised", promised), ("expected", latest_eta.isoformat()))
            hits.append(Hit("truth.eta", a, b, fields))
    return hits
