"""The short digest that de-duplicates messages (ticket, sender, time and this)."""

from __future__ import annotations

import hashlib


def digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()
