"""Ticket-reason classifier: why did the buyer contact the merchant?

Public API: ``classify(subject, body, *, sub_label=None, refund_reason=None) -> Classification``.
"""

from __future__ import annotations

from wishdesk.domain.reasons.classifier import Classification, classify

__all__ = ["Classification", "classify"]
