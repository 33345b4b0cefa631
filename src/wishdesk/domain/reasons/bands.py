"""How sure a ticket's reason is, in a word a merchant reads at a glance.

- ``certain``: set by hand (``tag``), or decided by Wish itself: a decisive ``sub_label`` or
  ``refund_reason``, a pre-purchase ticket (confidence 1.0);
- ``high``, ``medium``, ``low``: the classifier's confidence against the bands of
  ``data/scoring.toml``. ``low`` means a person should look: the words fit two reasons
  about equally, or nothing fits and the answer is ``other``.

A store written before decisive labels were given confidence 1.0 holds 0.95 / 0.9 for them:
the label itself, still in the ticket, says it was decisive.
"""

from __future__ import annotations

from wishdesk.domain.reasons.classifier import scoring
from wishdesk.domain.reasons.wish import wish_mapping

BANDS = ("certain", "high", "medium", "low")


def band_of(confidence: float) -> str:
    """The band of a classifier confidence (1.0 is ``certain``)."""
    conf = scoring()
    if confidence >= 1.0:
        return "certain"
    if confidence >= conf.high_band:
        return "high"
    if confidence >= conf.medium_band:
        return "medium"
    return "low"


def reason_band(
    confidence: float | None,
    source: str,
    sub_label: str | None = None,
    refund_reason: str | None = None,
) -> str | None:
    """The band of a stored reason (``None`` when no confidence was stored)."""
    if source == "manual":
        return "certain"
    if source == "wish" and wish_mapping().decides(sub_label, refund_reason):
        return "certain"
    return None if confidence is None else band_of(confidence)
