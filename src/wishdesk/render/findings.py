"""Policy findings for people: each under its line, the span underlined with carets.

    2 | Write to john (at) gmail (dot) com today
      |          ^^^^^^^^^^^^^^^^^^^^^^^^^ error  contact.off-platform
      |          Steers the buyer off Wish (an e-mail address).
      |          Fix: Remove the contact details; keep the conversation in the Wish ticket.

Buyer and merchant text is cleaned of control characters and escape sequences and is only
ever put in ``rich.text.Text`` objects, never interpreted as markup.

The report speaks the interface's language: a built-in rule's message and suggestion are
made again from its translated texts and the finding's fields (``said``). The findings
themselves keep the English (JSON, tsv and csv are machine output).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple, TextIO

from wishdesk.i18n import N_, _, language, ngettext

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from wishdesk.domain.policy import Finding
    from wishdesk.services.policy import LintResult

_STYLE = {"error": "bold red", "warning": "yellow"}
_SEVERITY = {"error": N_("error"), "warning": N_("warning")}  # as the report names them
CONTEXT = 60  # characters of the line shown before and after a finding's span
MARKED = 80  # characters of the span shown


def _display(text: str) -> str:
    from wishdesk.render.safe import clean  # not needed for a clean result (start-up)

    return clean(text, one_line=True)


class _Lines:
    """A text's lines and where each starts: split once for all of its findings."""

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self.starts: list[int] = []
        at = 0
        for line in self.lines:
            self.starts.append(at)
            at += len(line) + 1


def _window(line: str, col: int, end: int) -> tuple[str, str, str]:
    """The text before, of and after a span, for display: a long line is shown only around
    the span (``CONTEXT`` characters each side, ``MARKED`` of the span), so that a message
    of one endless line and thousands of findings prints in time linear in their number."""
    start = max(0, col - CONTEXT)
    before = ("…" if start else "") + line[start:col]
    marked = line[col:end]
    if len(marked) > MARKED:
        marked = marked[: MARKED - 1] + "…"
    after = line[end : end + CONTEXT] + ("…" if end + CONTEXT < len(line) else "")
    return _display(before), _display(marked), _display(after)


class Said(NamedTuple):
    """A finding's texts as the interface says them."""

    message: str
    explanation: str
    suggestion: str | None


def said(finding: Finding) -> Said:
    """The finding's message, explanation and suggestion in the interface's language: a
    built-in rule's texts translated and filled with the finding's fields (their own texts
    translated too: "a link to {host}"). A merchant's rule, or a text the merchant's rules
    file rewrote, is said as the merchant wrote it."""
    english = Said(finding.message, finding.explanation, finding.suggestion)
    meta = finding.meta
    if meta is None or language() == "en":
        return english
    from wishdesk.domain.policy.finding import fill, message_fields
    from wishdesk.domain.policy.ruleset import default_rules

    builtin = default_rules().rules.get(finding.rule)
    if builtin is None:  # a merchant's rule
        return english
    fields = message_fields(meta.defaults, finding.fields, finding.match, say=_)

    def say(template: str | None, original: str | None, filled: str | None) -> str | None:
        if template is None or template != original:
            return filled
        return fill(_(template), fields)

    return Said(
        say(meta.message, builtin.message, finding.message) or finding.message,
        say(meta.explanation, builtin.explanation, finding.explanation) or finding.explanation,
        say(meta.suggestion, builtin.suggestion, finding.suggestion),
    )


def finding_block(text: str, finding: Finding, lines: _Lines | None = None) -> Text:
    """One finding: the offending line, the caret underline, rule, message and suggestion."""
    from rich.cells import cell_len
    from rich.text import Text

    lines = lines or _Lines(text)
    index = min(finding.line - 1, len(lines.lines) - 1)
    line = lines.lines[index]
    line_start = lines.starts[index]
    col = finding.span[0] - line_start
    end = min(finding.span[1] - line_start, len(line))
    before, marked, after = _window(line, col, end)
    number = str(finding.line)
    gutter = " " * len(number) + " | "
    pad = " " * cell_len(before)
    style = _STYLE.get(finding.severity, "")
    texts = said(finding)
    out = Text()
    out.append(f"{number} | ", style="dim")
    out.append(before)
    out.append(marked, style=style + " underline" if marked else style)
    out.append(after)
    out.append("\n")
    out.append(gutter, style="dim")
    out.append(pad + "^" * max(1, cell_len(marked)), style=style)
    severity = _SEVERITY.get(finding.severity)
    out.append(" " + (_(severity) if severity else finding.severity), style=style)
    out.append(f"  {finding.rule}", style="bold")
    if finding.overridable:
        out.append("  " + _("(can be overridden)"), style="dim")
    out.append("\n")
    out.append(gutter + pad, style="dim")
    out.append(_display(texts.message))
    if texts.suggestion:
        out.append("\n")
        out.append(gutter + pad, style="dim")
        out.append(_("Fix: "), style="bold")
        out.append(_display(texts.suggestion))
    return out


CLEAN = N_("No policy problems found.")


def print_clean(stream: TextIO, *, color: bool) -> None:
    """The report of a message with no finding, written without a console (rich is slow to
    import, and a single ``wishdesk lint`` is often a script's check): the same line rich
    would print, green on a colour terminal."""
    clean = _(CLEAN)
    stream.write(f"\x1b[32m{clean}\x1b[0m\n" if color else f"{clean}\n")


def summary(findings: Sequence[Finding]) -> Text:
    from rich.text import Text

    errors = sum(f.is_error for f in findings)
    warnings = len(findings) - errors
    if not findings:
        return Text(_(CLEAN), style="green")
    parts = []
    if errors:
        parts.append(ngettext("{count} error", "{count} errors", errors).format(count=errors))
    if warnings:
        parts.append(
            ngettext("{count} warning", "{count} warnings", warnings).format(count=warnings)
        )
    line = (
        _("{errors}, {warnings}.").format(errors=parts[0], warnings=parts[1])
        if len(parts) == 2
        else _("{findings}.").format(findings=parts[0])
    )
    return Text(line, style="bold red" if errors else "yellow")


def print_text(console: Console, text: str, findings: Sequence[Finding], header: str = "") -> None:
    """The human report of one message."""
    from rich.text import Text

    if header:
        console.print(Text(_display(header), style="bold"))
    lines = _Lines(text)
    for finding in findings:
        console.print(finding_block(text, finding, lines))
        console.print()
    console.print(summary(findings))


def print_results(
    console: Console, results: Iterable[LintResult], *, headers: bool, empty: str | None
) -> None:
    """Several messages' reports, each headed by its id (``audit``, ``lint --batch``), or
    one message's without a header; ``empty`` is said when there was no result at all."""
    from rich.text import Text

    shown = 0
    for r in results:
        shown += 1
        if not headers:
            print_text(console, r.text, r.findings)
            continue
        header = (
            _("{id}  (ticket {ticket_id})").format(id=r.id, ticket_id=r.ticket_id)
            if r.ticket_id
            else f"{r.id}"
        )
        print_text(console, r.text, r.findings, header=header)
        console.print()
    if not shown and empty:
        console.print(Text(empty))


# One row per finding, for tsv and csv.
ROW_FIELDS = ("id", "ticket_id", "rule", "severity", "line", "column", "match", "message")


def finding_rows(result: LintResult) -> Iterator[dict[str, object]]:
    for f in result.findings:
        yield {
            "id": result.id,
            "ticket_id": result.ticket_id,
            "rule": f.rule,
            "severity": f.severity,
            "line": f.line,
            "column": f.column,
            "match": f.match,
            "message": f.message,
        }
