"""``wishdesk notify``."""

from __future__ import annotations

import sys
from typing import Annotated, Any, Optional

import typer

from wishdesk.cli import candidates
from wishdesk.cli.context import AppContext, app_context
from wishdesk.cli.errors import epilog
from wishdesk.cli.options import (
    BomOption,
    FormatOption,
    JsonOption,
    Vars,
    parse_vars,
    resolve_format,
)
from wishdesk.i18n import N_, _

commands = typer.Typer()

OrderIds = Annotated[
    Optional[list[str]],
    typer.Argument(
        metavar="[ORDER]...",
        help="Order ids.",
        show_default=False,
        autocompletion=candidates.order,
    ),
]
OrdersFile = Annotated[
    Optional[str],
    typer.Option(
        "--orders-file", help="Ids one a line, or CSV with an order_id column; - is stdin."
    ),
]
Template = Annotated[
    Optional[str],
    typer.Option("--template", "-t", help="Template name.", autocompletion=candidates.template),
]
Message = Annotated[
    Optional[str],
    typer.Option("--message", "-m", help="The text; {placeholders} are filled per order."),
]
BodyFile = Annotated[Optional[str], typer.Option("--body-file", help="Read the text from a file.")]
Resend = Annotated[bool, typer.Option("--resend", help="Queue even if sent before.")]
Yes = Annotated[bool, typer.Option("--yes", "-y", help="Queue despite warnings.")]
DryRun = Annotated[bool, typer.Option("--dry-run", help="Render and lint; store nothing.")]


@commands.command(
    epilog=epilog(
        "wishdesk notify ORDER --template address-confirm --dry-run",
        "wishdesk notify ORDER --template shipping-delay --var new_date=2026-12-24",
        "wishdesk notify --orders-file late.csv --template sold-out --format jsonl",
        codes="Exit codes: 0 every message queued or skipped; 1 a message was blocked by the "
        "policy linter; 2 an order was not found, or trouble (usage, bad input, store).",
    )
)
def notify(
    ctx: typer.Context,
    order_ids: OrderIds = None,
    orders_file: OrdersFile = None,
    template: Template = None,
    message: Message = None,
    body_file: BodyFile = None,
    var: Vars = [],  # noqa: B006
    resend: Resend = False,
    yes: Yes = False,
    dry_run: DryRun = False,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
    bom: BomOption = False,
) -> None:
    """Message buyers about their orders (delays, tracking, sold-out items), for scripts.

    Each message is rendered and linted per order, then queued: as a reply where the order
    has a ticket awaiting you, otherwise as a notification. Re-runs skip what was queued
    before.
    """
    from wishdesk.cli.progress import progress
    from wishdesk.clock import now
    from wishdesk.services import notify as service

    app = app_context(ctx)
    request = service.NotifyRequest(
        order_ids or [], orders_file, template, message, body_file, parse_vars(var),
        resend, yes, dry_run,
    )  # fmt: skip
    out_format = resolve_format(fmt, as_json)
    orders = service.requested_orders(request)
    context = service.prepare(app.store(), request, now())
    with progress(app, _("notifying"), total=len(orders)) as advance:
        results = list(service.notify(context, orders, advance))
    _emit_results(app, results, out_format)
    counts = service.tally(results)
    print(_("notify: {counts}").format(counts=_counts(counts)), file=sys.stderr)
    raise typer.Exit(2 if counts.get("not_found") else 1 if counts.get("blocked") else 0)


# how the summary line counts each status (the status ids of the results stay as they are)
COUNTED = {
    "queued": N_("{count} queued"),
    "skipped": N_("{count} skipped"),
    "blocked": N_("{count} blocked"),
    "not_found": N_("{count} not_found"),
    "dry_run": N_("{count} dry_run"),
}


def _counts(counts: dict[str, int]) -> str:
    """``2 queued, 1 skipped``: each status with its count."""
    parts = [
        _(COUNTED[status]).format(count=n) if status in COUNTED else f"{n} {status}"
        for status, n in counts.items()
    ]
    return _(", ").join(parts)


def _emit_results(app: AppContext, results: list[dict[str, Any]], out_format: str) -> None:
    from wishdesk.render.formats import write_records
    from wishdesk.services.notify import RESULT_FIELDS

    if out_format in ("json", "jsonl"):
        write_records(sys.stdout, out_format, results, RESULT_FIELDS)
        return
    rows = [{**r, "findings": [f["rule"] for f in r["findings"]]} for r in results]
    if out_format == "table":
        from wishdesk.render.outbox import print_notify_table

        print_notify_table(app.console(), rows)
        return
    write_records(sys.stdout, out_format, rows, RESULT_FIELDS)
