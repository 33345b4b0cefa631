"""A ticket's reason as a person reads it: its name, where it came from, and how sure it is,
as ``show`` words it (panel and plain text alike).

In English a reason is shown by its id (``order-status``, what ``tag --reason`` takes); in
Chinese by its name (``订单状态``). Machine formats always give the id.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wishdesk.i18n import N_, _
from wishdesk.render.safe import clean

BAND_STYLES = {"certain": "dim", "high": "dim", "medium": "dim", "low": "bold yellow"}
# The msgid is the id itself: English shows the id, a translation shows the name.
NAMES = {
    "remove-item": N_("remove-item"),
    "change-variant": N_("change-variant"),
    "change-address": N_("change-address"),
    "order-status": N_("order-status"),
    "shipping-eta": N_("shipping-eta"),
    "damaged-missing": N_("damaged-missing"),
    "return-refund": N_("return-refund"),
    "other": N_("other"),
}
# Where the reason came from, with how sure it is: the classifier read the text, Wish's own
# labels decided it, or the merchant set it by hand.
SOURCES = {
    "text": N_("(text, {confidence})"),
    "wish": N_("(wish, {confidence})"),
    "manual": N_("(manual, {confidence})"),
}
BANDS = {"high": N_("high"), "medium": N_("medium"), "low": N_("low")}


def reason_name(reason: str | None) -> str:
    """The reason as shown on a screen: its name in the interface's language; an id the
    store holds but wishdesk does not know is shown as it is."""
    if reason is None:
        return ""
    label = NAMES.get(reason)
    return reason if label is None else _(label)


def how_sure(t: Mapping[str, Any]) -> str:
    """``(text, high confidence 0.78)``: where the reason came from and how sure it is."""
    words = SOURCES.get(t["reason_source"] or "")
    if words is None:  # a source this version does not know: its id
        source = clean(str(t["reason_source"]), one_line=True)
        return _("({source}, {confidence})").format(source=source, confidence=confidence_words(t))
    return _(words).format(confidence=confidence_words(t))


CERTAIN = N_("certain")
LOW = N_("low confidence {score}: check it")
CONFIDENT = N_("{band} confidence {score}")


def confidence_words(t: Mapping[str, Any], *, translated: bool = True) -> str:
    """``certain``, ``high confidence 0.78``, ``low confidence 0.39: check it``; ``-`` when
    the store holds no confidence. ``translated=False``: always the English words (the plain
    text of ``show`` in a pipe, which scripts read)."""
    band = t.get("reason_confidence_band")
    if band is None:
        return "-"
    say = _ if translated else str
    if band == "certain":
        return say(CERTAIN)
    score = f"{float(t['reason_confidence']):.2f}"
    if band == "low":
        return say(LOW).format(score=score)
    name = BANDS.get(band)
    return say(CONFIDENT).format(band=band if name is None else say(name), score=score)
