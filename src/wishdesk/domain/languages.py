"""The buyer languages wishdesk understands (ISO 639-1 codes).

The policy linter has a lexicon for each of them, the reason classifier a word list, and the
demo generator a phrasebook. The built-in reply templates cover a subset of their own (see
``wishdesk.domain.templates``).
"""

from __future__ import annotations

LANGUAGES: tuple[str, ...] = ("en", "es", "fr", "de", "pt", "it", "zh")
