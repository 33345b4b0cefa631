"""What ``reply`` decides, as values: the ticket a reply answers, the linter's verdict on a
body, and the outcomes (``Sent``, ``Drafted``, ``NeedsConfirm``, ``DryRun``) that
``services/reply.py`` returns and ``cli/reply.py`` prints."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wishdesk.domain.models import OrderFacts
    from wishdesk.domain.policy import Finding


@dataclass
class ReplyTarget:
    """The ticket a reply answers, with what composing and linting need."""

    ticket_id: str
    state: str
    buyer_name: str | None
    locale: str | None
    orders: list[dict[str, Any]]
    facts: list[OrderFacts]
    thread: list[dict[str, Any]]


@dataclass
class Verdict:
    """The linter's findings on a body, sorted into what they mean for sending."""

    findings: list[Finding]
    overrides: Mapping[str, str] = field(default_factory=dict)

    @property
    def blocking(self) -> list[Finding]:
        """Errors not lifted by a valid ``--override``."""
        return [
            f
            for f in self.findings
            if f.severity == "error" and not (f.overridable and f.rule in self.overrides)
        ]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    @property
    def overridden(self) -> list[Finding]:
        return [
            f
            for f in self.findings
            if f.severity == "error" and f.overridable and f.rule in self.overrides
        ]


@dataclass(frozen=True)
class Composed:
    """A body written for a ticket, with the linter's verdict on it."""

    target: ReplyTarget
    body: str
    verdict: Verdict
    close: bool = False


@dataclass(frozen=True)
class Sent:
    composed: Composed
    outbox_ids: list[int]


@dataclass(frozen=True)
class Drafted:
    composed: Composed
    declined: bool = False  # the merchant said no to the filled template

    @property
    def blocked_by_errors(self) -> bool:
        return bool(self.composed.verdict.blocking)


@dataclass(frozen=True)
class NeedsConfirm:
    """On a terminal, the merchant decides (``confirm``): a reply with warnings only, or a
    filled template, shown before it is queued (``preview``)."""

    composed: Composed
    preview: bool = False
    replying_as: str | None = None  # the agent holding the ticket's replying mark meanwhile


@dataclass(frozen=True)
class DryRun:
    composed: Composed


Outcome = Sent | Drafted | NeedsConfirm | DryRun
