"""``wishdesk init`` and ``wishdesk config``."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from wishdesk.cli.context import app_context
from wishdesk.cli.options import FormatOption, JsonOption, resolve_format

config_app = typer.Typer(
    help="Show and change settings (calendar, SLA, merchant).", no_args_is_help=True
)


def init(
    ctx: typer.Context,
    country: Annotated[Optional[str], typer.Option(help="ISO country code for holidays.")] = None,
    subdivision: Annotated[Optional[str], typer.Option(help="State/province for holidays.")] = None,
    timezone: Annotated[
        Optional[str], typer.Option(help="IANA time zone, e.g. Asia/Shanghai.")
    ] = None,
    sla_days: Annotated[
        Optional[int], typer.Option(help="Business days to answer [default: 2].")
    ] = None,
    escalation_hours: Annotated[
        Optional[int], typer.Option(help="Hours before Wish support steps in [default: 48].")
    ] = None,
    weekend: Annotated[
        Optional[str], typer.Option(help="Weekend days, e.g. fri,sat [default: the country's].")
    ] = None,
) -> None:
    """Create the store and its settings. Safe to re-run: it never deletes data."""
    from wishdesk.services import settings

    app = app_context(ctx)
    given = {
        "calendar.country": country,
        "calendar.subdivision": subdivision,
        "calendar.timezone": timezone,
        "sla.business_days": sla_days,
        "sla.escalation_hours": escalation_hours,
        "calendar.weekend": weekend,
    }
    changes = {k: str(v) for k, v in given.items() if v is not None}
    if changes:
        from wishdesk.domain.settings import validate

        for key, value in changes.items():
            validate(key, value)  # before the store file is created
    store = app.store(create=True)
    settings.update(store, changes)
    from wishdesk.render.safe import clean

    print(f"store ready: {clean(str(store.path), one_line=True)}")
    for key, value in settings.current(store).items():
        print(f"  {key} = {clean(value, one_line=True)}")


@config_app.command("path")
def config_path(ctx: typer.Context) -> None:
    """Print the path of the store in use."""
    print(app_context(ctx).db_path)


@config_app.command("list")
def config_list(ctx: typer.Context, fmt: FormatOption = None, as_json: JsonOption = False) -> None:
    """List every setting with its value."""
    from wishdesk.domain.settings import KEYS
    from wishdesk.render.formats import write_records
    from wishdesk.render.safe import clean
    from wishdesk.services import settings

    values = settings.current(app_context(ctx).store())
    records = [{"key": k, "value": v, "help": KEYS[k].help} for k, v in values.items()]
    out_format = resolve_format(fmt, as_json)
    if out_format == "table":
        for r in records:
            print(f"{r['key']:<24} {clean(r['value'], one_line=True):<20} {r['help']}")
        return
    import sys

    write_records(sys.stdout, out_format, records, ("key", "value", "help"))


@config_app.command("get")
def config_get(ctx: typer.Context, key: str) -> None:
    """Print one setting."""
    from wishdesk.render.safe import clean
    from wishdesk.services import settings

    # merchant.name is free text: shown clean (the stored value is left as typed).
    print(clean(settings.get(app_context(ctx).store(), key), one_line=True))


@config_app.command("set")
def config_set(ctx: typer.Context, key: str, value: str) -> None:
    """Change one setting; calendar and SLA changes recompute open deadlines at once."""
    from wishdesk.domain.settings import validate
    from wishdesk.render.safe import clean
    from wishdesk.services import settings

    validate(key, value)  # before the store file is created
    store = app_context(ctx).store(create=True)
    count = settings.update(store, {key: value})
    note = f" (deadlines of {count} open tickets recomputed)" if count else ""
    print(f"{key} = {clean(settings.get(store, key), one_line=True)}{note}")


def register(app: typer.Typer) -> None:
    app.command()(init)
    app.add_typer(config_app, name="config")
