"""Checksums and shapes: Luhn card numbers, IBAN mod-97, hosts on the carrier allowlist."""

from __future__ import annotations

# Issuer prefixes of payment cards (Visa, Mastercard, Amex, Discover, JCB, UnionPay, Diners,
# Maestro): a Luhn-valid run of digits that starts otherwise is not treated as a card.
_CARD_PREFIXES = ("2", "3", "4", "5", "6")


def luhn_ok(digits: str) -> bool:
    """The Luhn checksum of a string of digits."""
    if not digits.isdigit():
        return False
    total = 0
    for index, ch in enumerate(reversed(digits)):
        value = ord(ch) - 48
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def looks_like_card(digits: str) -> bool:
    """13-19 digits, a card issuer prefix, a valid Luhn checksum, not all one digit."""
    return (
        13 <= len(digits) <= 19
        and digits.startswith(_CARD_PREFIXES)
        and len(set(digits)) > 2
        and luhn_ok(digits)
    )


def iban_ok(candidate: str, lengths: dict[str, int]) -> bool:
    """An IBAN (no spaces, upper case): known country, right length, mod-97 == 1."""
    country = candidate[:2]
    if lengths.get(country) != len(candidate) or not candidate[2:4].isdigit():
        return False
    if not candidate.isalnum() or not candidate.isascii():
        return False
    moved = candidate[4:] + candidate[:4]
    number = "".join(str(int(ch, 36)) for ch in moved)
    return int(number) % 97 == 1


def host_allowed(host: str, allowed: tuple[str, ...]) -> bool:
    """True for an allowlisted host or one of its subdomains (``tools.usps.com``)."""
    host = host.lower().rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    return any(host == item or host.endswith("." + item) for item in allowed)
