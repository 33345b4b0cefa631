"""``wishdesk init`` and ``wishdesk config``."""

from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer

from wishdesk.cli.context import app_context
from wishdesk.cli.errors import epilog
from wishdesk.cli.options import BomOption, FormatOption, JsonOption, resolve_format
from wishdesk.i18n import N_, _

commands = typer.Typer()
CODES = N_("Exit codes: 0 success; 2 trouble (unknown key, bad value, store, settings file).")
config_app = typer.Typer(
    help="Show and change settings (calendar, SLA, merchant; this machine's pager).",
    no_args_is_help=True,
    epilog=epilog(
        "wishdesk config list",
        'wishdesk config set merchant.name "Aurora Home & Style"',
        "wishdesk config set ui.pager ''      # no pager on this machine",
        codes=CODES,
    ),
)
commands.add_typer(config_app, name="config")

Key = Annotated[str, typer.Argument(metavar="KEY", help="A setting (see `config list`).")]
Value = Annotated[str, typer.Argument(metavar="VALUE", help="Its new value; '' for empty.")]
Country = Annotated[Optional[str], typer.Option(help="ISO country code for holidays.")]
Subdivision = Annotated[Optional[str], typer.Option(help="State/province for holidays.")]
TimeZone = Annotated[Optional[str], typer.Option(help="IANA time zone, e.g. Asia/Shanghai.")]
SlaDays = Annotated[Optional[int], typer.Option(help="Business days to answer [default: 2].")]
EscalationHours = Annotated[
    Optional[int], typer.Option(help="Hours before Wish support steps in [default: 48].")
]
Weekend = Annotated[
    Optional[str], typer.Option(help="Weekend days, e.g. fri,sat [default: the country's].")
]


@commands.command(
    epilog=epilog(
        "wishdesk init --country CN --timezone Asia/Shanghai --sla-days 2",
        "wishdesk init --country US --subdivision CA --timezone America/Los_Angeles",
        codes="Exit codes: 0 success; 2 trouble (a bad value: nothing is created; store).",
    )
)
def init(
    ctx: typer.Context,
    country: Country = None,
    subdivision: Subdivision = None,
    timezone: TimeZone = None,
    sla_days: SlaDays = None,
    escalation_hours: EscalationHours = None,
    weekend: Weekend = None,
) -> None:
    """Create the store and its settings. Safe to re-run: it never deletes data."""
    from wishdesk.render.safe import clean
    from wishdesk.services import config

    given = {
        "calendar.country": country,
        "calendar.subdivision": subdivision,
        "calendar.timezone": timezone,
        "sla.business_days": sla_days,
        "sla.escalation_hours": escalation_hours,
        "calendar.weekend": weekend,
    }
    changes = config.validated({k: str(v) for k, v in given.items() if v is not None})
    store = app_context(ctx).store(create=True)  # only once the values are known good
    config.update(store, changes)
    print(_("store ready: {path}").format(path=clean(store.location, one_line=True)))
    for key, value in config.current(store).items():
        print(f"  {key} = {clean(value, one_line=True)}")


@config_app.command(
    "path",
    epilog=epilog("wishdesk config path", "wishdesk --db shop.db config path", codes=CODES),
)
def config_path(ctx: typer.Context) -> None:
    """Print the path of the store in use."""
    print(app_context(ctx).location())


@config_app.command(
    "list", epilog=epilog("wishdesk config list", "wishdesk config list --json", codes=CODES)
)
def config_list(
    ctx: typer.Context,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
    bom: BomOption = False,
) -> None:
    """List every setting with its value."""
    from wishdesk.render.formats import write_records
    from wishdesk.services import config

    records = config.records(app_context(ctx).store())
    out_format = resolve_format(fmt, as_json)
    if out_format == "table":
        from wishdesk.render.config import print_settings

        print_settings(records)
        return
    write_records(sys.stdout, out_format, records, config.RECORD_FIELDS)


@config_app.command(
    "get",
    epilog=epilog(
        "wishdesk config get calendar.timezone", "wishdesk config get ui.pager", codes=CODES
    ),
)
def config_get(ctx: typer.Context, key: Key) -> None:
    """Print one setting."""
    from wishdesk.render.safe import clean
    from wishdesk.services import config

    # merchant.name is free text: shown clean (the stored value is left as typed).
    print(clean(config.get(app_context(ctx).store, key), one_line=True))


@config_app.command(
    "set",
    epilog=epilog(
        "wishdesk config set sla.business_days 3       # recomputes open deadlines",
        "wishdesk config set calendar.extra_holidays 2026-12-24,2026-12-31",
        "wishdesk config set ui.pager 'less -R'        # this machine only",
        codes=CODES,
    ),
)
def config_set(ctx: typer.Context, key: Key, value: Value) -> None:
    """Change one setting; calendar and SLA changes recompute open deadlines at once."""
    from wishdesk.render.safe import clean
    from wishdesk.services import config

    app = app_context(ctx)
    # the store is created only once the value is known good, and never for ui.pager
    count = config.set_value(lambda: app.store(create=True), key, value)
    shown = clean(config.get(app.store, key), one_line=True)
    if count:
        text = _("{key} = {value} (deadlines of {count} open tickets recomputed)")
        print(text.format(key=key, value=shown, count=count))
    else:
        print(f"{key} = {shown}")
