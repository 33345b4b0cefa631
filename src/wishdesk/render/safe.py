"""Terminal safety: buyer text never carries control characters or escape sequences out.

- ``clean`` removes ANSI/OSC/DCS escape sequences, C0 controls (except newline and tab,
  optionally), DEL, C1 controls and bidirectional overrides/isolates.
- ``json_safe`` makes the same characters visible as ``\\uXXXX`` escapes inside JSON text
  (the JSON encoder already escapes C0 controls), so machine output stays lossless.
- ``neutralise_formula`` defuses spreadsheet formulas in CSV cells.
Rich markup is never interpreted in buyer text: renderers pass ``rich.text.Text`` objects,
never markup strings, for anything that came from outside.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

_ESCAPE_SEQUENCE = re.compile(
    r"\x1b(?:"
    r"\[[0-?]*[ -/]*[@-~]?"  # CSI ... final byte
    r"|\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC ... BEL or ST
    r"|[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC ... ST
    r"|[ -/]*[0-~]"  # two- and three-character escapes
    r")?"
)
_INVISIBLE = "\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_CONTROL = re.compile(f"[\x00-\x08\x0b-\x1f{_INVISIBLE}]")
_LINE_BREAK = re.compile("\r\n|[\r\n\t\x0b\x0c\x85\u2028\u2029]")
_JSON_UNSAFE = re.compile(f"[{_INVISIBLE}\u2028\u2029]")
# Anything ``clean`` or ``tsv_cell`` would change: most text has none, and one search is cheap.
_NEEDS_WORK = re.compile(f"[\x00-\x1f\\\\{_INVISIBLE}\u2028\u2029]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def needs_escaping(text: str) -> bool:
    """Whether ``clean`` or ``tsv_cell`` would change anything in ``text``."""
    return _NEEDS_WORK.search(text) is not None


def clean(text: str, *, one_line: bool = False) -> str:
    """Text fit for a terminal: escape sequences and invisible controls removed.
    With ``one_line``, newlines and tabs become spaces."""
    if not text:
        return ""
    if not _NEEDS_WORK.search(text):
        return text
    text = _ESCAPE_SEQUENCE.sub("", text)
    text = _LINE_BREAK.sub(" ", text) if one_line else text.replace("\r\n", "\n")
    return _CONTROL.sub("", text)


def json_safe(encoded: str) -> str:
    """Escape C1 controls, DEL and bidi overrides in already-encoded JSON text."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", encoded)


def tsv_cell(text: str) -> str:
    """One TSV cell: cleaned; backslash, tab and newline written as two-character escapes,
    and the Unicode line and paragraph separators (which ``str.splitlines`` and many line
    readers take for line ends) as ``\\u2028`` and ``\\u2029``."""
    if not _NEEDS_WORK.search(text):
        return text
    text = clean(text)
    if "\\" in text or "\t" in text or "\n" in text:
        text = text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
    return _separators_escaped(text)


def csv_cell(text: str) -> str:
    """One CSV cell's text: cleaned, the line and paragraph separators escaped as in TSV
    (a newline stays: CSV quotes it), formulas neutralised."""
    return neutralise_formula(_separators_escaped(clean(text)))


def _separators_escaped(text: str) -> str:
    if "\u2028" in text or "\u2029" in text:
        text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return text


def neutralise_formula(text: str) -> str:
    """Prefix a CSV cell that a spreadsheet would run as a formula with an apostrophe."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def message_line(text: str, limit: int = 400) -> str:
    """A message for stderr: cleaned to one line, and kept readable however long a value it
    quotes (the middle of an over-long line is cut)."""
    line = clean(text, one_line=True)
    return line if len(line) <= limit else f"{line[: limit - 60]} ... {line[-50:]}"


def address_lines(address: Mapping[str, Any]) -> list[str]:
    """A shipping address as a person writes it, one cleaned line each: name, street,
    neighbourhood (Brazil, Spain), postcode with city, state and region, country, phone."""

    def joined(*keys: str) -> str:
        return " ".join(str(address[k]) for k in keys if address.get(k))

    lines = [
        joined("name"),
        joined("street_address1", "street_address2", "street_address3"),
        joined("neighborhood"),
        joined("zipcode", "city", "state", "region"),
        str(address.get("country") or address.get("country_code") or ""),
        joined("phone"),
    ]
    return [clean(line, one_line=True) for line in lines if line]
