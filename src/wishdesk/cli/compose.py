"""``wishdesk reply`` and ``wishdesk notify``."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from wishdesk.cli.context import AppContext, app_context
from wishdesk.cli.errors import EXIT_CODES_EPILOG
from wishdesk.cli.options import FormatOption, JsonOption, resolve_format
from wishdesk.errors import UsageError

if TYPE_CHECKING:
    from wishdesk.domain.policy import Finding
    from wishdesk.services.compose import ReplyTarget


def parse_vars(pairs: list[str]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"bad --var {pair!r}: use key=value")
        out[key.strip()] = value
    return out


def read_body_file(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read {path}: {exc}") from None


def _interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def _show_findings(app: AppContext, body: str, findings: Sequence[Finding], header: str) -> None:
    from wishdesk.render.findings import print_text

    print_text(app.console(stderr=True), body, findings, header=header)


def reply(
    ctx: typer.Context,
    ticket: Annotated[str, typer.Argument(help="Ticket id or a unique prefix of it.")],
    message: Annotated[
        Optional[str], typer.Option("--message", "-m", help="The reply text.")
    ] = None,
    body_file: Annotated[
        Optional[str],
        typer.Option("--body-file", help="Read the reply from a file; - reads stdin."),
    ] = None,
    editor: Annotated[
        bool, typer.Option("--editor", help="Write it in $VISUAL / $EDITOR.")
    ] = False,
    template: Annotated[
        Optional[str],
        typer.Option("--template", "-t", help="Fill a template in the buyer's language."),
    ] = None,
    var: Annotated[list[str], typer.Option("--var", help="Template value, key=value.")] = [],  # noqa: B006
    draft: Annotated[bool, typer.Option("--draft", help="Reopen the last blocked draft.")] = False,
    override: Annotated[
        list[str],
        typer.Option("--override", help="Send despite this truth.* rule (needs --reason)."),
    ] = [],  # noqa: B006
    reason: Annotated[
        Optional[str], typer.Option("--reason", help="Why, for the audit log.")
    ] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Send despite warnings.")] = False,
    close: Annotated[bool, typer.Option("--close", help="Also close the ticket.")] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Lint and print; store nothing.")
    ] = False,
) -> None:
    """Answer a ticket awaiting you. The policy linter checks the text first.

    Errors block (exit 1; the text is kept as a draft), warnings ask on a terminal and block
    without one unless --yes; truth.* errors can be sent with --override RULE --reason TEXT.
    """
    from wishdesk.clock import now
    from wishdesk.services import compose
    from wishdesk.services.audit import merchant_rules
    from wishdesk.services.settings import current

    app = app_context(ctx)
    sources = [message is not None, body_file is not None, editor, template is not None, draft]
    if sum(sources) > 1:
        raise UsageError("give one of -m, --body-file, --editor, --template or --draft")
    if var and template is None:
        raise UsageError("--var fills a --template; it has no effect on other bodies")
    if override and reason is None:
        raise UsageError("--override needs --reason TEXT")
    store = app.store()
    target = compose.target(store, ticket)
    rules = merchant_rules()
    overrides = {rule: reason or "" for rule in override}
    compose.check_overrides(overrides, rules)
    if message is not None:
        body = message
    elif body_file is not None:
        body = read_body_file(body_file)
    elif template is not None:
        merchant = current(store)["merchant.name"]
        body = compose.render_template(template, target, merchant, parse_vars(var))
    elif draft:
        body = compose.latest_draft(store, target.ticket_id)
        if _interactive():
            body = _edit(body, target)
    elif editor or _interactive():
        body = _edit("", target)
    else:
        raise UsageError(
            "no message: give -m, --body-file, --template, --editor or --draft "
            "(the editor opens by itself only on a terminal)"
        )
    moment = now()
    verdict = compose.judge(body, target, moment, rules, overrides)
    if verdict.findings:
        _show_findings(app, body, verdict.findings, f"reply to {target.ticket_id}")
        for finding in verdict.overridden:
            print(
                f"wishdesk: {finding.rule} overridden: {overrides[finding.rule]} "
                "(recorded in the audit log)",
                file=sys.stderr,
            )
    if dry_run:
        from wishdesk.render.safe import clean

        print(clean(body))  # placeholders may have brought buyer text in
        raise typer.Exit(1 if verdict.blocking else 0)
    blocked = bool(verdict.blocking)
    if not blocked and verdict.warnings and not yes:
        blocked = not (
            _interactive()
            and typer.confirm(f"Send with {len(verdict.warnings)} warning(s)?", default=False)
        )
    if blocked:
        compose.save_draft(store, target.ticket_id, body, verdict, moment)
        what = "policy errors" if verdict.blocking else "warnings (use --yes to send anyway)"
        print(
            f"wishdesk: not sent: {what}. Your text is saved as a draft: "
            f"`wishdesk reply {target.ticket_id} --draft` reopens it.",
            file=sys.stderr,
        )
        raise typer.Exit(1)
    ids = compose.send(store, target, body, verdict, moment, close=close)
    kinds = "reply and close" if close else "reply"
    print(
        f"queued {kinds} for {target.ticket_id} (outbox #{', #'.join(map(str, ids))}); "
        "`wishdesk sync` sends it"
    )


def _edit(initial: str, target: ReplyTarget) -> str:
    from wishdesk.cli.editor import edit, quote_thread

    return edit(initial, quote_thread(target.thread))


def notify(
    ctx: typer.Context,
    order_ids: Annotated[
        Optional[list[str]], typer.Argument(help="Order ids.", show_default=False)
    ] = None,
    orders_file: Annotated[
        Optional[str],
        typer.Option(
            "--orders-file", help="Ids one a line, or CSV with an order_id column; - is stdin."
        ),
    ] = None,
    template: Annotated[
        Optional[str], typer.Option("--template", "-t", help="Template name.")
    ] = None,
    message: Annotated[
        Optional[str],
        typer.Option("--message", "-m", help="The text; {placeholders} are filled per order."),
    ] = None,
    body_file: Annotated[
        Optional[str], typer.Option("--body-file", help="Read the text from a file.")
    ] = None,
    var: Annotated[list[str], typer.Option("--var", help="Template value, key=value.")] = [],  # noqa: B006
    resend: Annotated[bool, typer.Option("--resend", help="Queue even if sent before.")] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Queue despite warnings.")] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Render and lint; store nothing.")
    ] = False,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
) -> None:
    """Message buyers about their orders (delays, tracking, sold-out items), for scripts.

    Each message is rendered and linted per order, then queued: as a reply where the order
    has a ticket awaiting you, otherwise as a notification. Re-runs skip what was queued
    before. Exit 1 if any message was blocked, 2 if any order was not found.
    """
    from wishdesk.cli.progress import progress
    from wishdesk.clock import now
    from wishdesk.services import notify as service
    from wishdesk.services.audit import merchant_rules
    from wishdesk.services.settings import current

    app = app_context(ctx)
    if sum(x is not None for x in (template, message, body_file)) != 1:
        raise UsageError("give one of --template, -m or --body-file")
    if orders_file == "-" and body_file == "-":
        raise UsageError("--orders-file and --body-file cannot both read stdin")
    out_format = resolve_format(fmt, as_json)
    orders: list[tuple[str, dict[str, str]]] = [(o, {}) for o in order_ids or []]
    if orders_file is not None:
        lines = sys.stdin if orders_file == "-" else _open_lines(orders_file)
        orders += list(service.read_orders(lines, orders_file))
    if not orders:
        raise UsageError("no orders: give order ids or --orders-file")
    text = (
        message
        if message is not None
        else (read_body_file(body_file) if body_file is not None else None)
    )
    store = app.store()
    templates = None
    if template is not None:
        from wishdesk.services.templates import load_templates

        templates = load_templates()
        templates.get(template, "en")  # an unknown name fails before any order is touched
    context = service.Context(
        store=store,
        body=service.Body(template=template, text=text, variables=parse_vars(var)),
        now=now(),
        rules=merchant_rules(),
        templates=templates,
        merchant_name=current(store)["merchant.name"],
        resend=resend,
        dry_run=dry_run,
        allow_warnings=yes,
    )
    with progress(app, "notifying", total=len(orders)) as advance:
        results = list(service.notify(context, orders, advance))
    _emit_results(app, results, out_format)
    counts: dict[str, int] = {}
    for r in results:
        counts[r["status"]] = counts.get(r["status"], 0) + 1
    print("notify: " + ", ".join(f"{n} {s}" for s, n in sorted(counts.items())), file=sys.stderr)
    if counts.get("not_found"):
        raise typer.Exit(2)
    if counts.get("blocked"):
        raise typer.Exit(1)


def _open_lines(path: str) -> list[str]:
    try:
        return Path(path).read_text(encoding="utf-8-sig").splitlines(keepends=True)
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read {path}: {exc}") from None


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


def register(app: typer.Typer) -> None:
    app.command(epilog=EXIT_CODES_EPILOG)(reply)
    app.command(epilog=EXIT_CODES_EPILOG)(notify)
