"""How sure a ticket's reason is, as ``show`` words it (panel and plain text alike)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

BAND_STYLES = {"certain": "dim", "high": "dim", "medium": "dim", "low": "bold yellow"}


def confidence_words(t: Mapping[str, Any]) -> str:
    """``certain``, ``high confidence 0.78``, ``low confidence 0.39: check it``; ``-`` when
    the store holds no confidence."""
    band = t.get("reason_confidence_band")
    if band is None:
        return "-"
    if band == "certain":
        return "certain"
    words = f"{band} confidence {float(t['reason_confidence']):.2f}"
    return f"{words}: check it" if band == "low" else words
