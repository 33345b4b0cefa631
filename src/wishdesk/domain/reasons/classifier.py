"""``classify``: the reason a buyer opened a ticket, from Wish's labels or the text."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from wishdesk.domain.models import REASONS
from wishdesk.domain.reasons.data_files import load
from wishdesk.domain.reasons.lexicon import lexicon
from wishdesk.domain.reasons.matcher import Matcher
from wishdesk.domain.reasons.normalise import normalise
from wishdesk.domain.reasons.wish import WishSignal, wish_mapping

OTHER = "other"


@dataclass(frozen=True)
class Classification:
    reason: str
    confidence: float
    source: str  # "wish" when sub_label / refund_reason decided it, else "text"

    @property
    def band(self) -> str:
        """``certain``, ``high``, ``medium`` or ``low`` (see ``bands``)."""
        from wishdesk.domain.reasons.bands import band_of

        return band_of(self.confidence)


@dataclass(frozen=True)
class Scoring:
    subject_weight: float
    body_weight: float
    threshold: float
    saturation: float
    hint_weight: float
    no_cue_confidence: float
    text_ceiling: float
    contested_strength: float
    high_band: float
    medium_band: float
    sub_label_confidence: float
    refund_reason_confidence: float
    tie_order: tuple[str, ...]


@lru_cache(maxsize=1)
def scoring() -> Scoring:
    data = load("scoring")
    order = tuple(str(r) for r in data["tie_order"])
    if sorted(order) != sorted(REASONS):
        raise ValueError("scoring.toml tie_order must list every reason once")
    return Scoring(
        subject_weight=float(data["subject_weight"]),
        body_weight=float(data["body_weight"]),
        threshold=float(data["threshold"]),
        saturation=float(data["saturation"]),
        hint_weight=float(data["wish_hint_weight"]),
        no_cue_confidence=float(data["no_cue_confidence"]),
        text_ceiling=float(data["text_ceiling"]),
        contested_strength=float(data["contested_strength"]),
        high_band=float(data["bands"]["high"]),
        medium_band=float(data["bands"]["medium"]),
        sub_label_confidence=float(data["sub_label_confidence"]),
        refund_reason_confidence=float(data["refund_reason_confidence"]),
        tie_order=order,
    )


@lru_cache(maxsize=1)
def _matcher() -> Matcher:
    return Matcher(lexicon())


def text_scores(subject: object, body: object) -> dict[str, float]:
    """Per-reason evidence in the text: subject cues count ``subject_weight`` times."""
    conf, match = scoring(), _matcher()
    totals: dict[str, float] = {}
    for text, factor in ((subject, conf.subject_weight), (body, conf.body_weight)):
        folded = normalise(text)
        if not folded:
            continue
        for reason, score in match.scores(folded).items():
            totals[reason] = totals.get(reason, 0.0) + factor * score
    return totals


def _strength(top: float, saturation: float) -> float:
    """How strong the best reason's evidence is, 0-1, whatever the other reasons say."""
    return 1.0 - math.exp(-top / saturation) if top > 0 else 0.0


def _decide(scores: dict[str, float], conf: Scoring) -> tuple[str, float]:
    """The best reason and the confidence in it: its share of the top two scores times its
    strength. Too weak evidence is ``other``; two strong reasons give the earlier one in
    ``tie_order`` at a low confidence, not ``other``: something fits, a person should look.
    Weak cues of two reasons ("red" and "link") are still ``other``."""
    ranked = sorted(
        (r for r in scores if scores[r] > 0),
        key=lambda r: (-scores[r], conf.tie_order.index(r)),
    )
    if not ranked:
        return OTHER, conf.no_cue_confidence
    top = scores[ranked[0]]
    runner_up = scores[ranked[1]] if len(ranked) > 1 else 0.0
    strength = _strength(top, conf.saturation)
    confidence = top / (top + runner_up) * strength
    contested = confidence < conf.threshold and strength < conf.contested_strength
    if strength < conf.threshold or contested:
        return OTHER, conf.no_cue_confidence * (1.0 - confidence)
    return ranked[0], min(conf.text_ceiling, confidence)


def _classify(
    subject: object, body: object, sub_label: object, refund_reason: object
) -> Classification:
    conf, mapping = scoring(), wish_mapping()
    # no label (None or empty, as for most tickets) reads as no signal: not looked up
    label = mapping.from_sub_label(sub_label) if sub_label else None
    if label is not None and label.decisive:
        return Classification(label.reason, conf.sub_label_confidence, "wish")
    refund = mapping.from_refund_reason(refund_reason) if refund_reason else None
    if refund is not None and refund.decisive:
        return Classification(refund.reason, conf.refund_reason_confidence, "wish")

    scores = text_scores(subject, body)
    text_reason, text_confidence = _decide(scores, conf)
    hints: list[WishSignal] = [s for s in (label, refund) if s is not None]
    if not hints:
        return Classification(text_reason, round(text_confidence, 4), "text")
    for hint in hints:
        scores[hint.reason] = scores.get(hint.reason, 0.0) + conf.hint_weight
    reason, confidence = _decide(scores, conf)
    source = "text" if reason == text_reason else "wish"
    return Classification(reason, round(confidence, 4), source)


def classify(
    subject: str,
    body: str,
    *,
    sub_label: str | None = None,
    refund_reason: str | None = None,
) -> Classification:
    """Classify a ticket into one of ``models.REASONS``. Never raises."""
    try:
        return _classify(subject, body, sub_label, refund_reason)
    except Exception:  # a broken input must not stop an import; the data is tested
        return Classification(OTHER, 0.0, "text")
