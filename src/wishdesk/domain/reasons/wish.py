"""What Wish's own ``sub_label`` and ``refund_reason`` say about a ticket's reason.

The mapping is data (``data/wish.toml``). Each entry is either ``decisive`` (the reason is
taken as is, source "wish") or a ``hint`` (its weight is added to the text's score for that
reason, so the buyer's words can still outvote it).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from wishdesk.domain.reasons.data_files import load
from wishdesk.domain.reasons.normalise import normalise, tokenise


@dataclass(frozen=True)
class WishSignal:
    reason: str
    decisive: bool


@dataclass(frozen=True)
class WishMapping:
    refund_reasons: dict[str, WishSignal]
    sub_labels: tuple[tuple[tuple[str, ...], WishSignal], ...]

    def from_refund_reason(self, value: object) -> WishSignal | None:
        if not isinstance(value, str):
            return None
        return self.refund_reasons.get(value.strip().upper())

    def decides(self, sub_label: object, refund_reason: object) -> bool:
        """Whether one of the two labels is decisive (the reason is Wish's, as is)."""
        return any(
            signal is not None and signal.decisive
            for signal in (self.from_sub_label(sub_label), self.from_refund_reason(refund_reason))
        )

    def from_sub_label(self, value: object) -> WishSignal | None:
        words = " " + " ".join(tokenise(normalise(value)))
        if not words.strip():
            return None
        for needles, signal in self.sub_labels:
            if any(" " + n in words for n in needles):  # at a word start: "eta" not "details"
                return signal
        return None


def _signal(entry: dict[str, object]) -> WishSignal:
    mode = entry.get("mode", "decisive")
    if mode not in ("decisive", "hint"):
        raise ValueError(f"unknown mode {mode!r} in wish.toml")
    return WishSignal(str(entry["reason"]), mode == "decisive")


@lru_cache(maxsize=1)
def wish_mapping() -> WishMapping:
    data = load("wish")
    refund = {str(k): _signal(v) for k, v in data.get("refund_reason", {}).items()}
    labels = tuple(
        (tuple(" ".join(tokenise(normalise(n))) for n in rule["contains"]), _signal(rule))
        for rule in data.get("sub_label", [])
    )
    return WishMapping(refund, labels)
