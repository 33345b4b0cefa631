"""``wishdesk sla due|calendar``: SLA deadlines and the business-day calendar."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Optional

import typer

if TYPE_CHECKING:
    from wishdesk.domain.settings import SlaSettings

EPILOG = (
    "The calendar is the store's, unless --country, --subdivision, --timezone or --weekend is "
    "given: then it comes from the command line alone and no store is needed. "
    "Exit codes: 0 success; 2 bad input, bad calendar option or no store."
)
Country = Annotated[
    Optional[str],
    typer.Option(
        "--country", help="ISO country code for holidays (default: none).", show_default=False
    ),
]
Subdivision = Annotated[
    Optional[str],
    typer.Option("--subdivision", help="State or province code (e.g. CA, BY).", show_default=False),
]
TimeZone = Annotated[
    Optional[str],
    typer.Option("--timezone", help="IANA time zone (default UTC).", show_default=False),
]
Weekend = Annotated[
    Optional[str],
    typer.Option(
        "--weekend", help="Weekend days, e.g. fri,sat (default: the country's).", show_default=False
    ),
]


def _settings(
    ctx: typer.Context,
    country: str | None,
    subdivision: str | None,
    timezone: str | None,
    weekend: str | None,
) -> SlaSettings:
    """The calendar from the command line when any option names one, else the store's."""
    from wishdesk.domain import settings

    given = {
        "calendar.country": country,
        "calendar.subdivision": subdivision,
        "calendar.timezone": timezone,
        "calendar.weekend": weekend,
    }
    if any(value is not None for value in given.values()):
        values = {k: settings.validate(k, v) for k, v in given.items() if v is not None}
        settings.validate_calendar(values)
        return settings.sla_settings(values)
    from wishdesk.cli.context import app_context
    from wishdesk.store.settings import load

    return settings.sla_settings(load(app_context(ctx).store()))


def due(
    ctx: typer.Context,
    starts: Annotated[
        list[str],
        typer.Argument(metavar="START", help="Clock starts, ISO-8601 (UTC if no offset)."),
    ],
    days: Annotated[
        Optional[int],
        typer.Option(
            "--days",
            "-n",
            help="Business days (default: sla.business_days, else 2).",
            show_default=False,
        ),
    ] = None,
    country: Country = None,
    subdivision: Subdivision = None,
    timezone: TimeZone = None,
    weekend: Weekend = None,
) -> None:
    """Print the SLA deadline of each START: UTC ISO-8601, one a line."""
    from wishdesk.clock import iso, parse_time
    from wishdesk.domain.settings import validate
    from wishdesk.domain.sla.calendar import BusinessCalendar
    from wishdesk.errors import UsageError

    moments = []
    for text in starts:
        try:
            moments.append(parse_time(text))
        except ValueError:
            raise UsageError(
                f"bad START {text[:40]!r}: use ISO-8601, e.g. 2026-10-09T08:30:00Z"
            ) from None
    sla = _settings(ctx, country, subdivision, timezone, weekend)
    n = sla.business_days if days is None else int(validate("sla.business_days", str(days)))
    calendar = BusinessCalendar(sla.calendar)
    lines = []
    for text, moment in zip(starts, moments, strict=True):
        try:
            lines.append(iso(calendar.due_at(moment, n)))
        except OverflowError:  # the deadline would fall after the year 9999
            raise UsageError(f"START {text[:40]!r} is too late: no deadline before 9999") from None
    typer.echo("\n".join(lines))


def calendar(
    ctx: typer.Context,
    year: Annotated[
        Optional[int],
        typer.Option(
            "--year",
            "-y",
            min=1,
            max=9999,
            help="Year (default: this year, local).",
            show_default=False,
        ),
    ] = None,
    country: Country = None,
    subdivision: Subdivision = None,
    timezone: TimeZone = None,
    weekend: Weekend = None,
) -> None:
    """Show a year of the business-day calendar: weekends, holidays, make-up workdays."""
    from wishdesk.cli.context import app_context, stdout_is_tty
    from wishdesk.clock import now
    from wishdesk.domain.sla.calendar import BusinessCalendar
    from wishdesk.render.calendar import months_per_row, plain_text, print_rich, year_view

    business = BusinessCalendar(_settings(ctx, country, subdivision, timezone, weekend).calendar)
    today = business.local_date(now())
    year = today.year if year is None else year
    if not stdout_is_tty():
        typer.echo(plain_text(year_view(business, year)), nl=False)
        return
    console = app_context(ctx).console()
    lines = year_view(business, year, per_row=months_per_row(console.width), today=today)
    print_rich(lines, console)


def register(app: typer.Typer) -> None:
    sla_app = typer.Typer(no_args_is_help=True, help="SLA deadlines and the business-day calendar.")
    sla_app.command("due", epilog=EPILOG)(due)
    sla_app.command("calendar", epilog=EPILOG)(calendar)
    app.add_typer(
        sla_app,
        name="sla",
        help="SLA deadlines (`sla due`) and the business-day calendar (`sla calendar`).",
    )
