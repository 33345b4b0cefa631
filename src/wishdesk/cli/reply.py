"""``wishdesk reply``."""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from wishdesk.cli import candidates
from wishdesk.cli.context import AppContext, app_context
from wishdesk.cli.errors import epilog
from wishdesk.cli.options import Ticket, Vars, parse_vars
from wishdesk.i18n import _

if TYPE_CHECKING:
    from datetime import datetime

    from wishdesk.services.reply_outcomes import NeedsConfirm, Outcome
    from wishdesk.services.replying import GoOn, Mark

commands = typer.Typer()

Message = Annotated[Optional[str], typer.Option("--message", "-m", help="The reply text.")]
BodyFile = Annotated[
    Optional[str], typer.Option("--body-file", help="Read the reply from a file; - reads stdin.")
]
Editor = Annotated[bool, typer.Option("--editor", help="Write it in $VISUAL / $EDITOR.")]
Template = Annotated[
    Optional[str],
    typer.Option(
        "--template",
        "-t",
        help="Fill a template in the buyer's language.",
        autocompletion=candidates.template,
    ),
]
Draft = Annotated[bool, typer.Option("--draft", help="Reopen the last blocked draft.")]
Override = Annotated[
    list[str], typer.Option("--override", help="Send despite this truth.* rule (needs --reason).")
]
Reason = Annotated[Optional[str], typer.Option("--reason", help="Why, for the audit log.")]
Yes = Annotated[
    bool, typer.Option("--yes", "-y", help="Send despite warnings; queue a --template unseen.")
]
Close = Annotated[bool, typer.Option("--close", help="Also close the ticket.")]
DryRun = Annotated[bool, typer.Option("--dry-run", help="Lint and print; store nothing.")]
Force = Annotated[
    bool, typer.Option("--force", help="Reply although another agent is replying to it.")
]


def interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def _edit(initial: str, thread: Sequence[Mapping[str, Any]]) -> str:
    from wishdesk.cli.editor import edit, quote_thread

    return edit(initial, quote_thread(thread))


@commands.command(
    epilog=epilog(
        "wishdesk reply TICKET --template damaged-missing  # buyer's language",
        'wishdesk reply TICKET -m "Your parcel left our warehouse today." --close',
        "wishdesk reply TICKET --editor",
        codes="Exit codes: 0 queued (or, with --dry-run, nothing blocking); 1 blocked by the "
        "policy linter (the text is kept as a draft); 2 trouble (usage, unknown ticket, a "
        "ticket not awaiting you, store).",
    )
)
def reply(
    ctx: typer.Context,
    ticket: Ticket,
    message: Message = None,
    body_file: BodyFile = None,
    editor: Editor = False,
    template: Template = None,
    var: Vars = [],  # noqa: B006
    draft: Draft = False,
    override: Override = [],  # noqa: B006
    reason: Reason = None,
    yes: Yes = False,
    close: Close = False,
    dry_run: DryRun = False,
    force: Force = False,
) -> None:
    """Answer a ticket awaiting you. The policy linter checks the text first.

    Errors block (exit 1; the text is kept as a draft), warnings ask on a terminal and block
    without one unless --yes; truth.* errors can be sent with --override RULE --reason TEXT.
    """
    from wishdesk.clock import now
    from wishdesk.services import reply as service
    from wishdesk.services.reply_outcomes import NeedsConfirm as Pending

    app = app_context(ctx)
    request = service.ReplyRequest(
        ticket, message, body_file, editor, template, parse_vars(var), draft,
        override, reason, yes, close, dry_run, force,
    )  # fmt: skip
    store, moment = app.store(), now()
    outcome = service.reply(
        store, request, now=moment, edit=_edit, interactive=interactive(), go_on=_go_on(moment)
    )
    _show_verdict(app, outcome)
    if isinstance(outcome, Pending):
        pending = outcome
        outcome = service.confirm(store, pending, lambda: _ask(pending), now=moment)
    raise typer.Exit(_report(outcome))


def _go_on(moment: datetime) -> GoOn:
    """On a terminal, another agent replying to the ticket: say so, and ask (default no)."""

    def ask(mark: Mark) -> bool:
        from wishdesk.i18n import _
        from wishdesk.render.assign import replying_text

        print(f"wishdesk: {replying_text(mark.record(), moment)}", file=sys.stderr)
        return typer.confirm(_("Reply anyway?"), default=False)

    return ask


def _ask(pending: NeedsConfirm) -> bool:
    """Show a filled template, or count the warnings, and ask."""
    from wishdesk.render.safe import clean

    composed = pending.composed
    if pending.preview:
        print(clean(composed.body))  # placeholders bring buyer text in
        print()
        question = _("Queue this reply to {ticket}?").format(ticket=composed.target.ticket_id)
        return typer.confirm(question, default=False)
    count = len(composed.verdict.warnings)
    return typer.confirm(_("Send with {count} warning(s)?").format(count=count), default=False)


def _show_verdict(app: AppContext, outcome: Outcome) -> None:
    """The findings on stderr, and the overrides that lift some of them."""
    from wishdesk.render.findings import print_text

    composed = outcome.composed
    verdict = composed.verdict
    if not verdict.findings:
        return
    header = _("reply to {ticket}").format(ticket=composed.target.ticket_id)
    print_text(app.console(stderr=True), composed.body, verdict.findings, header=header)
    for finding in verdict.overridden:
        said = _("{rule} overridden: {reason} (recorded in the audit log)").format(
            rule=finding.rule, reason=verdict.overrides[finding.rule]
        )
        print(f"wishdesk: {said}", file=sys.stderr)


def _report(outcome: Outcome) -> int:
    """What happened, in a line; returns the exit code."""
    from wishdesk.render.safe import clean
    from wishdesk.services.reply_outcomes import Drafted, DryRun, Sent

    composed = outcome.composed
    ticket_id = composed.target.ticket_id
    if isinstance(outcome, DryRun):
        print(clean(composed.body))  # placeholders may have brought buyer text in
        return 1 if composed.verdict.blocking else 0
    if isinstance(outcome, Drafted):
        what = (
            _("not sent: policy errors.")
            if outcome.blocked_by_errors
            else _("not sent: you said no.")
            if outcome.declined and not composed.verdict.warnings
            else _("not sent: warnings (use --yes to send anyway).")
        )
        kept = _("Your text is saved as a draft: `wishdesk reply {ticket} --draft` reopens it.")
        print(f"wishdesk: {what} {kept.format(ticket=ticket_id)}", file=sys.stderr)
        return 1
    assert isinstance(outcome, Sent)
    ids = ", #".join(map(str, outcome.outbox_ids))
    if composed.close:
        said = _("queued reply and close for {ticket} (outbox #{ids}); `wishdesk sync` sends it")
    else:
        said = _("queued reply for {ticket} (outbox #{ids}); `wishdesk sync` sends it")
    print(said.format(ticket=ticket_id, ids=ids))
    return 0
