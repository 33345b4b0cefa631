"""Small text rules shared across the domain."""

from __future__ import annotations


def squash(text: str) -> str:
    """Text compared whitespace-insensitively (Wish may re-wrap a reply)."""
    return " ".join(text.split())
