"""Settings keys: their defaults, how they are checked, and the typed views services use.

Most keys belong to the store (the calendar, the SLA, the merchant: shared by everyone who
uses it); the ``machine`` ones belong to the person at this computer and live in the config
directory's ``config.toml`` instead (``ui.pager``). Values are kept as text. ``parse_*`` turn
text into typed settings; ``validate`` checks a value a user typed and returns its canonical
text form, or raises ``UsageError``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from wishdesk.errors import UsageError
from wishdesk.i18n import N_

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class CalendarSettings:
    """The business-day calendar: ``holidays`` country/subdivision plus local overrides."""

    country: str = ""
    subdivision: str = ""
    timezone: str = "UTC"
    weekend: tuple[int, ...] | None = None  # weekday numbers (Mon=0); None: the country's own
    extra_holidays: frozenset[date] = frozenset()
    extra_workdays: frozenset[date] = frozenset()


@dataclass(frozen=True)
class SlaSettings:
    calendar: CalendarSettings
    business_days: int = 2
    escalation_hours: int = 48


def parse_weekend(text: str) -> tuple[int, ...] | None:
    text = text.strip().lower()
    if not text:
        return None
    days = []
    for part in text.replace(" ", "").split(","):
        if part not in WEEKDAYS:
            raise UsageError("bad weekend day {part!r}: use mon,tue,wed,thu,fri,sat,sun", part=part)
        days.append(WEEKDAYS.index(part))
    if len(set(days)) >= 7:
        raise UsageError("a weekend cannot cover the whole week")
    return tuple(sorted(set(days)))


def parse_dates(text: str) -> frozenset[date]:
    out = set()
    for part in text.replace(" ", "").split(","):
        if not part:
            continue
        try:
            out.add(date.fromisoformat(part))
        except ValueError:
            raise UsageError("bad date {part!r}: use YYYY-MM-DD", part=part) from None
    return frozenset(out)


def _country(value: str) -> str:
    value = value.strip().upper()
    if not value:
        return ""
    import holidays

    if value not in holidays.list_supported_countries():
        raise UsageError(
            "unknown country {value!r}: use an ISO 3166 code that holidays supports", value=value
        )
    return value


def _timezone(value: str) -> str:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    value = value.strip()
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise UsageError(
            "unknown time zone {value!r}: use an IANA name like Asia/Shanghai", value=value
        ) from None
    return value


def _positive_int(limit: int) -> Callable[[str], str]:
    def check(value: str) -> str:
        try:
            number = int(value.strip())
        except ValueError:
            raise UsageError("not a whole number: {value!r}", value=value) from None
        if not 0 < number <= limit:
            raise UsageError("must be between 1 and {limit}: {value!r}", limit=limit, value=value)
        return str(number)

    return check


def _weekend(value: str) -> str:
    days = parse_weekend(value)
    return "" if days is None else ",".join(WEEKDAYS[d] for d in days)


def _dates(value: str) -> str:
    return ",".join(d.isoformat() for d in sorted(parse_dates(value)))


def _text(value: str) -> str:
    return value.strip()


def _one_line(value: str) -> str:
    value = value.strip()
    if any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in value):
        raise UsageError("a name is one line of text, without control characters")
    if len(value) > 100:
        raise UsageError("a name has at most 100 characters")
    return value


def _command(value: str) -> str:
    """A command line as a shell would split it (empty: none)."""
    import shlex

    value = value.strip()
    try:
        shlex.split(value)
    except ValueError as exc:
        raise UsageError("bad command {value!r}: {error}", value=value, error=exc) from None
    return value


def _language(value: str) -> str:
    text = value.strip().lower()
    if text not in ("", "en", "zh"):
        raise UsageError(
            "bad ui.language {value!r}: en, zh, or empty for the environment's", value=value
        )
    return text


@dataclass(frozen=True)
class Key:
    name: str
    default: str
    check: Callable[[str], str]
    help: str  # English; translated where shown (config list)
    recompute: bool = False  # changing it moves the SLA deadlines of open tickets
    machine: bool = False  # kept per machine (config.toml in the config dir), not in the store


KEYS: dict[str, Key] = {
    k.name: k
    for k in (
        Key("calendar.country", "", _country, N_("ISO country code for holidays"), True),
        Key("calendar.subdivision", "", _text, N_("state/province code for holidays"), True),
        Key("calendar.timezone", "UTC", _timezone, N_("IANA time zone of the merchant"), True),
        Key(
            "calendar.weekend",
            "",
            _weekend,
            N_("weekend days, e.g. sat,sun (empty: country's)"),
            True,
        ),
        Key(
            "calendar.extra_holidays",
            "",
            _dates,
            N_("extra non-working dates (YYYY-MM-DD,...)"),
            True,
        ),
        Key(
            "calendar.extra_workdays", "", _dates, N_("extra working dates (YYYY-MM-DD,...)"), True
        ),
        Key("sla.business_days", "2", _positive_int(60), N_("business days to answer"), True),
        Key(
            "sla.escalation_hours",
            "48",
            _positive_int(24 * 60),
            N_("hours before Wish steps in"),
            True,
        ),
        Key("merchant.name", "", _text, N_("store name used in templates")),
        Key(
            "ui.language",
            "",
            _language,
            N_("interface language: en or zh (empty: from LC_ALL, LC_MESSAGES, LANG)"),
            machine=True,
        ),
        Key(
            "ui.pager",
            "",
            _command,
            N_("pager for long output; empty: none (unset: $PAGER, else less -FRX)"),
            machine=True,
        ),
        Key(
            "user.name",
            "",
            _one_line,
            N_("your name on notes, assignments and the audit log (empty: the login name)"),
            machine=True,
        ),
    )
}
STORE_KEYS = tuple(name for name, key in KEYS.items() if not key.machine)
MACHINE_KEYS = tuple(name for name, key in KEYS.items() if key.machine)


def validate(key: str, value: str) -> str:
    """Check one user-typed value; return its canonical text form."""
    if key not in KEYS:
        raise UsageError("unknown setting {key!r}: see `wishdesk config list`", key=key)
    return KEYS[key].check(value)


def validate_calendar(values: Mapping[str, str]) -> str:
    """Check the combination (a subdivision must belong to the country); return the
    subdivision's canonical code (``ca`` -> ``CA``)."""
    country = values.get("calendar.country", "")
    subdivision = values.get("calendar.subdivision", "")
    if not subdivision:
        return ""
    if not country:
        raise UsageError("calendar.subdivision needs calendar.country")
    import holidays

    known = {s.upper(): s for s in holidays.list_supported_countries().get(country, [])}
    if subdivision.upper() not in known:
        raise UsageError(
            "unknown subdivision {subdivision!r} for {country}",
            subdivision=subdivision,
            country=country,
        )
    return str(known[subdivision.upper()])


def with_defaults(stored: Mapping[str, str]) -> dict[str, str]:
    """The store's settings: every store key, with its default where it is not stored."""
    values = {name: KEYS[name].default for name in STORE_KEYS}
    values.update({k: v for k, v in stored.items() if k in values})
    return values


def sla_settings(values: Mapping[str, str]) -> SlaSettings:
    values = with_defaults(values)
    calendar = CalendarSettings(
        country=values["calendar.country"],
        subdivision=values["calendar.subdivision"],
        timezone=values["calendar.timezone"] or "UTC",
        weekend=parse_weekend(values["calendar.weekend"]),
        extra_holidays=parse_dates(values["calendar.extra_holidays"]),
        extra_workdays=parse_dates(values["calendar.extra_workdays"]),
    )
    return SlaSettings(
        calendar=calendar,
        business_days=int(values["sla.business_days"]),
        escalation_hours=int(values["sla.escalation_hours"]),
    )
