"""``wishdesk lint`` and ``wishdesk audit``: the pre-send policy linter on the command line.

Both take the shared output options; their human format is the annotated ``text`` (each
finding under its line). In tsv and csv each finding is one row.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from wishdesk.cli.context import AppContext, app_context
from wishdesk.cli.errors import epilog
from wishdesk.cli.options import (
    BomOption,
    FormatOption,
    JsonOption,
    order_option,
    resolve_format,
    ticket_option,
)
from wishdesk.i18n import N_, _

if TYPE_CHECKING:
    from wishdesk.services.policy import LintResult

LINT_EPILOG = epilog(
    'wishdesk lint "Please send the payment to our PayPal"',
    'wishdesk lint "It will arrive tomorrow" --order ORDER',
    'wishdesk lint --strict --json "AS I ALREADY TOLD YOU, READ THE LISTING"',
    codes="Exit codes: 0 no policy error; 1 policy errors found (with --strict, warnings too); "
    "2 trouble (usage, unknown ticket or order, bad input or rules file). Rules: docs/policy.md.",
)
AUDIT_EPILOG = epilog(
    "wishdesk audit",
    "wishdesk audit --since 2026-11-01 --format csv > violations.csv",
    codes="Exit codes: 0 no policy error; 1 policy errors found; 2 trouble (usage, bad --since "
    "date, store or rules file). Rules: docs/policy.md.",
)
commands = typer.Typer()

Text = Annotated[Optional[str], typer.Argument(help="The message; `-` or nothing reads stdin.")]
TicketOption = Annotated[Optional[str], ticket_option(N_("Ticket id: its orders give context."))]
OrderOption = Annotated[Optional[str], order_option(N_("Order id: context for truth.* rules."))]
Strict = Annotated[bool, typer.Option("--strict", help="Warnings count as errors.")]
Batch = Annotated[
    Optional[str],
    typer.Option("--batch", help='JSON Lines {"id","text","order_id"?,"ticket_id"?}; - = stdin.'),
]
Since = Annotated[
    Optional[str], typer.Option("--since", help="Only messages from this date (ISO-8601).")
]


@commands.command("lint", epilog=LINT_EPILOG)
def lint_command(
    ctx: typer.Context,
    text: Text = None,
    ticket: TicketOption = None,
    order: OrderOption = None,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
    bom: BomOption = False,
    strict: Strict = False,
    batch: Batch = None,
) -> None:
    """Check a message against Wish's customer-service policy before sending it."""
    from wishdesk import clock
    from wishdesk.services import policy

    app = app_context(ctx)
    policy.check_lint_request(text, ticket, order, batch)
    now, rules = clock.now(), policy.merchant_rules()
    if batch is not None:  # JSON Lines unless another format is asked for
        out_format = resolve_format(fmt, as_json) if fmt or as_json else "jsonl"
        records = list(policy.parse_batch(*policy.open_batch(batch)))
        results = policy.lint_batch(records, store_opener=app.store, now=now, rules=rules)
        raise typer.Exit(_write(app, out_format, results, strict=strict, batch=True))
    out_format = resolve_format(fmt, as_json, piped="table")  # text, even in a pipe
    body = policy.read_message(text)
    orders = policy.order_context(app.store, order_id=order, ticket_id=ticket)
    result = policy.lint_one(body, orders=orders, now=now, rules=rules)
    raise typer.Exit(_write(app, out_format, [result], strict=strict, batch=False))


@commands.command("audit", epilog=AUDIT_EPILOG)
def audit_command(
    ctx: typer.Context,
    since: Since = None,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
    bom: BomOption = False,
) -> None:
    """Re-lint every merchant message in the store (sent and queued); list violations.

    Default format: text on a terminal, jsonl when piped."""
    from wishdesk import clock
    from wishdesk.services import policy

    app = app_context(ctx)
    out_format = resolve_format(fmt, as_json, piped="jsonl")
    bound = policy.since_bound(since)
    rules = policy.merchant_rules()
    found = policy.audit(app.store(), now=clock.now(), rules=rules, since=bound)
    violations = (r for r in found if r.findings)  # written as found: nothing is held
    raise typer.Exit(_write(app, out_format, violations, strict=False, batch=True))


def _write(
    app: AppContext, fmt: str, results: Iterable[LintResult], *, strict: bool, batch: bool
) -> int:
    """Write results as they come; returns the exit code (1 if any has an error)."""
    from wishdesk.render import findings as render

    failed = False

    def checked() -> Iterator[LintResult]:
        nonlocal failed
        for result in results:
            failed |= not result.ok(strict=strict)
            yield result

    if fmt == "table":
        if batch:
            empty = _("No policy problems in the store.")
            render.print_results(app.console(), checked(), headers=True, empty=empty)
        else:
            (result,) = checked()  # one message
            if result.findings:
                render.print_results(app.console(), [result], headers=False, empty=None)
            else:  # no console needed (rich is slow to import)
                render.print_clean(sys.stdout, color=app.plain_color())
        return 1 if failed else 0
    from wishdesk.render.formats import write_json, write_json_list, write_jsonl, write_records

    if fmt == "json" and not batch:
        write_json(sys.stdout, next(checked()).to_dict(strict=strict))
    elif fmt == "json":
        write_json_list(sys.stdout, (r.to_dict(strict=strict) for r in checked()))
    elif fmt == "jsonl":
        write_jsonl(sys.stdout, (r.to_dict(strict=strict) for r in checked()))
    else:
        rows = (row for r in checked() for row in render.finding_rows(r))
        write_records(sys.stdout, fmt, rows, render.ROW_FIELDS)
    return 1 if failed else 0
