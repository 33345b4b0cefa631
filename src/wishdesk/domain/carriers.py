"""Carriers' public tracking pages, with a universal tracker as the fallback."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import quote

UNIVERSAL = "https://t.17track.net/en#nums={number}"

# (pattern matched against the lower-cased carrier name, tracking page template)
_PAGES: tuple[tuple[str, str], ...] = (
    (r"usps", "https://tools.usps.com/go/TrackConfirmAction?tLabels={number}"),
    (r"\bups\b", "https://www.ups.com/track?tracknum={number}"),
    (r"fedex", "https://www.fedex.com/fedextrack/?trknbr={number}"),
    (r"dhl", "https://www.dhl.com/global-en/home/tracking.html?tracking-id={number}"),
    (r"royal ?mail", "https://www.royalmail.com/track-your-item#/tracking-results/{number}"),
    (r"la ?poste|colissimo", "https://www.laposte.fr/outils/suivre-vos-envois?code={number}"),
    (
        r"correos",
        "https://www.correos.es/es/es/herramientas/localizador/envios/detalle?"
        "tracking-number={number}",
    ),
    (
        r"deutsche ?post",
        "https://www.deutschepost.de/sendung/simpleQuery.html?form.sendungsnummer={number}",
    ),
    (r"poste ?italiane", "https://www.poste.it/cerca/index.html#/risultati-spedizioni/{number}"),
    (
        r"\bctt\b",
        "https://www.ctt.pt/feapl_2/app/open/objectSearch/objectSearch.jspx?objects={number}",
    ),
    (r"correios", "https://rastreamento.correios.com.br/app/index.php?objeto={number}"),
    (
        r"canada ?post",
        "https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor={number}",
    ),
    (r"australia ?post|auspost", "https://auspost.com.au/mypost/track/details/{number}"),
    (r"yun ?express", "https://www.yuntrack.com/parcelTracking?id={number}"),
    (r"4px", "https://track.4px.com/#/result/0/{number}"),
    (r"cainiao", "https://global.cainiao.com/newDetail.htm?mailNoList={number}"),
    (r"china ?post|china ?ems|\bems\b", "https://t.17track.net/en#nums={number}"),
    (r"postnl", "https://jouw.postnl.nl/track-and-trace/{number}"),
    (r"\bgls\b", "https://gls-group.com/track/{number}"),
    (r"\bdpd\b", "https://tracking.dpd.de/status/en_US/parcel/{number}"),
)
_COMPILED = tuple((re.compile(p), url) for p, url in _PAGES)


@lru_cache(maxsize=256)
def _page(carrier: str | None) -> tuple[str, str]:
    """The tracking page of a carrier, as the text before and after the number (a listing
    of many orders asks for the same few carriers again and again)."""
    name = (carrier or "").lower()
    template = next((url for pattern, url in _COMPILED if pattern.search(name)), UNIVERSAL)
    before, _, after = template.partition("{number}")
    return before, after


def tracking_url(carrier: str | None, number: str | None) -> str | None:
    """The carrier's tracking page for ``number``, or the universal tracker."""
    if not number:
        return None
    number = number.strip()
    if not (number.isascii() and number.isalnum()):
        number = quote(number, safe="")
    before, after = _page(carrier)
    return before + number + after
