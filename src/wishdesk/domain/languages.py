"""The buyer languages wishdesk understands (ISO 639-1 codes).

The policy linter has a lexicon for each of them, the reason classifier a word list, the demo
generator a phrasebook, and every built-in template a text (``wishdesk.domain.templates``
keeps its own list, checked against this one by the tests).
"""

from __future__ import annotations

LANGUAGES: tuple[str, ...] = ("en", "es", "fr", "de", "pt", "it", "zh")
