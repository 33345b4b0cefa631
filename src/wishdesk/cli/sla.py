"""``wishdesk sla due|calendar``: SLA deadlines and the business-day calendar."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Optional

import typer

from wishdesk.cli.errors import epilog
from wishdesk.cli.options import within
from wishdesk.i18n import N_

if TYPE_CHECKING:
    from wishdesk.domain.settings import SlaSettings

NOTE = N_(
    "The calendar is the store's, unless --country, --subdivision, --timezone or --weekend is "
    "given: then it comes from the command line alone and no store is needed."
)
CODES = N_("Exit codes: 0 success; 2 bad input, bad calendar option or no store.")
DUE_EPILOG = epilog(
    "wishdesk sla due 2026-11-26T09:00:00Z",
    "wishdesk sla due 2026-09-30T16:30Z --country CN --timezone Asia/Shanghai",
    note=NOTE,
    codes=CODES,
)
CALENDAR_EPILOG = epilog(
    "wishdesk sla calendar",
    "wishdesk sla calendar --year 2027 --country DE --subdivision BY",
    note=NOTE,
    codes=CODES,
)
sla_app = typer.Typer(no_args_is_help=True, help="SLA deadlines and the business-day calendar.")
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
    from wishdesk.cli.context import app_context
    from wishdesk.services.sla import settings_for

    given = {
        "calendar.country": country,
        "calendar.subdivision": subdivision,
        "calendar.timezone": timezone,
        "calendar.weekend": weekend,
    }
    return settings_for(given, app_context(ctx).store)


@sla_app.command("due", epilog=DUE_EPILOG)
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
    from wishdesk.services.sla import due_dates, parse_starts

    moments = parse_starts(starts)  # a bad START is refused before any store is opened
    sla = _settings(ctx, country, subdivision, timezone, weekend)
    typer.echo("\n".join(due_dates(starts, moments, days, sla)))


@sla_app.command("calendar", epilog=CALENDAR_EPILOG)
def calendar(
    ctx: typer.Context,
    year: Annotated[
        Optional[int],
        typer.Option(
            "--year",
            "-y",
            callback=within(2, 9998),  # a year's view reads the days just before and after it
            help="Year, 2-9998 (default: this year, local).",
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
    from wishdesk.render.calendar import months_per_row, plain_text, print_rich, year_view
    from wishdesk.services.sla import calendar as business_calendar

    business = business_calendar(_settings(ctx, country, subdivision, timezone, weekend))
    today = business.local_date(now())
    year = today.year if year is None else year
    if not stdout_is_tty():
        typer.echo(plain_text(year_view(business, year)), nl=False)
        return
    console = app_context(ctx).console()
    lines = year_view(business, year, per_row=months_per_row(console.width), today=today)
    print_rich(lines, console)


commands = typer.Typer()
commands.add_typer(
    sla_app,
    name="sla",
    help="SLA deadlines (`sla due`) and the business-day calendar (`sla calendar`).",
    epilog=epilog(
        "wishdesk sla due 2026-11-26T09:00:00Z --days 3",
        "wishdesk sla calendar --year 2026",
        codes=CODES,
    ),
)
