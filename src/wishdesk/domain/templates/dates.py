"""Dates written the way each language writes them: "10 December 2026", "10. Dezember 2026",
"2026年12月10日".

A small month-name table per language, so that no locale database is needed.
"""

from __future__ import annotations

from datetime import date

_MONTHS: dict[str, tuple[str, ...]] = {
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
    "es": (
        "enero", "febrero", "marzo", "abril", "mayo", "junio",
        "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
    ),
    "fr": (
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ),
    "de": (
        "Januar", "Februar", "März", "April", "Mai", "Juni",
        "Juli", "August", "September", "Oktober", "November", "Dezember",
    ),
    "pt": (
        "janeiro", "fevereiro", "março", "abril", "maio", "junho",
        "julho", "agosto", "setembro", "outubro", "novembro", "dezembro",
    ),
    "it": (
        "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno",
        "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre",
    ),
    "zh": (
        "1月", "2月", "3月", "4月", "5月", "6月",
        "7月", "8月", "9月", "10月", "11月", "12月",
    ),
}  # fmt: skip

# How day, month name and year are put together in each language.
_PATTERNS = {
    "en": "{day} {month} {year}",
    "es": "{day} de {month} de {year}",
    "fr": "{day} {month} {year}",
    "de": "{day}. {month} {year}",
    "pt": "{day} de {month} de {year}",
    "it": "{day} {month} {year}",
    "zh": "{year}年{month}{day}日",
}

DATE_LANGUAGES = tuple(_MONTHS)


def format_date(value: date, lang: str) -> str:
    """``value`` written out in ``lang``; languages without a table get English."""
    if lang not in _MONTHS:
        lang = "en"
    day = "1er" if lang == "fr" and value.day == 1 else str(value.day)
    month = _MONTHS[lang][value.month - 1]
    return _PATTERNS[lang].format(day=day, month=month, year=value.year)
