"""``wishdesk lint`` and ``wishdesk audit``: the pre-send policy linter on the command line."""

from __future__ import annotations

import enum
from typing import Annotated, Optional

import typer

LINT_EPILOG = (
    "Exit codes: 0 no policy error; 1 policy errors found (with --strict, warnings too); "
    "2 trouble (usage, unknown ticket or order, bad input or rules file). Rules: docs/policy.md."
)


class LintFormat(str, enum.Enum):
    text = "text"
    json = "json"


class AuditFormat(str, enum.Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


def _read_stdin() -> str:
    import sys

    if sys.stdin is None or sys.stdin.isatty():
        from wishdesk.errors import UsageError

        raise UsageError("give the message as TEXT, or pipe it on stdin (`-`)")
    return sys.stdin.read()


def register(app: typer.Typer) -> None:
    @app.command("lint", epilog=LINT_EPILOG)
    def lint_command(
        ctx: typer.Context,
        text: Annotated[
            Optional[str], typer.Argument(help="The message; `-` or nothing reads stdin.")
        ] = None,
        ticket: Annotated[
            Optional[str], typer.Option("--ticket", help="Ticket id: its orders give context.")
        ] = None,
        order: Annotated[
            Optional[str], typer.Option("--order", help="Order id: context for truth.* rules.")
        ] = None,
        fmt: Annotated[
            LintFormat, typer.Option("--format", "-F", help="text or json.", case_sensitive=False)
        ] = LintFormat.text,
        strict: Annotated[bool, typer.Option("--strict", help="Warnings count as errors.")] = False,
        batch: Annotated[
            Optional[str],
            typer.Option(
                "--batch", help='JSON Lines {"id","text","order_id"?,"ticket_id"?}; - = stdin.'
            ),
        ] = None,
    ) -> None:
        """Check a message against Wish's customer-service policy before sending it."""
        import sys

        from wishdesk import clock
        from wishdesk.cli.context import app_context
        from wishdesk.errors import UsageError
        from wishdesk.render import findings as render
        from wishdesk.render.formats import write_json, write_jsonl
        from wishdesk.services import audit as service

        app_ctx = app_context(ctx)
        if ticket and order:
            raise UsageError("give --ticket or --order, not both")
        rules = service.merchant_rules()
        now = clock.now()
        if batch is not None:
            if text is not None or ticket or order:
                raise UsageError("--batch takes no TEXT, --ticket or --order (put them per line)")
            if batch == "-":
                lines, source = sys.stdin, "stdin"
            else:
                try:
                    lines, source = open(batch, encoding="utf-8"), batch  # noqa: SIM115
                except OSError as exc:
                    from wishdesk.errors import InputError

                    raise InputError(f"cannot read {batch}: {exc.strerror}") from None
            records = list(service.parse_batch(lines, source))
            failed = False
            out = []
            for result in service.lint_batch(
                records, store_opener=app_ctx.store, now=now, rules=rules
            ):
                failed |= not result.ok(strict=strict)
                out.append(result.to_dict(strict=strict))
            write_jsonl(sys.stdout, out)
            raise typer.Exit(1 if failed else 0)
        body = _read_stdin() if text in (None, "-") else text
        assert body is not None
        store = app_ctx.store() if (ticket or order) else None
        orders = service.order_context(store, order_id=order, ticket_id=ticket)
        result = service.lint_one(body, orders=orders, now=now, rules=rules)
        if fmt is LintFormat.json:
            write_json(sys.stdout, result.to_dict(strict=strict))
        else:
            render.print_text(app_ctx.console(), body, result.findings)
        raise typer.Exit(0 if result.ok(strict=strict) else 1)

    @app.command("audit", epilog=LINT_EPILOG)
    def audit_command(
        ctx: typer.Context,
        since: Annotated[
            Optional[str], typer.Option("--since", help="Only messages from this date (ISO-8601).")
        ] = None,
        fmt: Annotated[
            Optional[AuditFormat],
            typer.Option(
                "--format",
                "-F",
                help="text, json or jsonl (default: text on a terminal, jsonl when piped).",
                case_sensitive=False,
                show_default=False,
            ),
        ] = None,
    ) -> None:
        """Re-lint every merchant message in the store (sent and queued); list violations."""
        import sys
        from collections.abc import Iterator

        from wishdesk import clock
        from wishdesk.cli.context import app_context, stdout_is_tty
        from wishdesk.errors import UsageError
        from wishdesk.render import findings as render
        from wishdesk.render.formats import write_json_list, write_jsonl
        from wishdesk.services import audit as service

        app_ctx = app_context(ctx)
        bound = None
        if since is not None:
            try:
                bound = clock.normalise(since)
            except ValueError:
                raise UsageError(f"--since is not an ISO-8601 date: {since[:40]!r}") from None
        rules = service.merchant_rules()
        store = app_ctx.store()
        chosen = fmt.value if fmt else ("text" if stdout_is_tty() else "jsonl")
        failed = False
        shown = 0

        def violations() -> Iterator[service.LintResult]:
            """Written as they are found: a store of millions of messages is never held."""
            nonlocal failed, shown
            for result in service.audit(store, now=clock.now(), rules=rules, since=bound):
                if result.findings:
                    failed |= not result.ok()
                    shown += 1
                    yield result

        if chosen == "json":
            write_json_list(sys.stdout, (r.to_dict() for r in violations()))
        elif chosen == "jsonl":
            write_jsonl(sys.stdout, (r.to_dict() for r in violations()))
        else:
            console = app_ctx.console()
            for r in violations():
                header = f"{r.id}" + (f"  (ticket {r.ticket_id})" if r.ticket_id else "")
                render.print_text(console, r.text, r.findings, header=header)
                console.print()
            if not shown:
                console.print("No policy problems in the store.")
        raise typer.Exit(1 if failed else 0)
