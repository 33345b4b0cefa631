"""What ``assign`` and the replying mark say to a person (``list``, ``show``, ``reply``)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from wishdesk.i18n import _
from wishdesk.render.safe import clean

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from rich.text import Text

    from wishdesk.services.assign import Assigned


def _name(text: str) -> str:
    return clean(text, one_line=True)


def assigned_line(done: Assigned) -> str:
    """The one line ``assign`` prints."""
    if done.assignee is None:
        if done.previous is None:
            return _("{ticket} was not assigned").format(ticket=done.ticket_id)
        return _("{ticket} is no longer assigned (was {name})").format(
            ticket=done.ticket_id, name=_name(done.previous)
        )
    if not done.changed:
        return _("{ticket} was already assigned to {name}").format(
            ticket=done.ticket_id, name=_name(done.assignee)
        )
    return _("{ticket} assigned to {name}").format(ticket=done.ticket_id, name=_name(done.assignee))


def replying_text(mark: dict[str, Any], now: datetime) -> str:
    """``Ana is replying since 2 min`` for a ``replying`` record (``show --json``)."""
    from wishdesk.clock import parse_time

    minutes = max(int((now - parse_time(mark["since"])).total_seconds() // 60), 0)
    return _("{agent} is replying since {minutes} min").format(
        agent=_name(mark["by"]), minutes=minutes
    )


def team_rows(t: Mapping[str, Any], now: datetime) -> list[tuple[str, Text]]:
    """The ``show`` panel's rows for who works the ticket and who is replying to it."""
    from rich.text import Text

    rows = []
    if t.get("assignee"):
        rows.append((_("Assigned to"), Text(_name(t["assignee"]))))
    if t.get("replying"):
        rows.append((_("Replying"), Text(replying_text(t["replying"], now), style="yellow")))
    return rows


AGENT_COLUMN = 12  # the widest the inbox's agent column gets


def agent_width(rows: Sequence[Mapping[str, Text]], room: int) -> int:
    """The inbox table's agent column width: none where no ticket is assigned, or where it
    would leave the buyer and subject less than ``room`` (at 80 columns it never fits next
    to the deadlines, which always stay)."""
    names = [row["Agent"].cell_len for row in rows if row["Agent"].plain != "-"]
    if not names:
        return 0
    width = min(max([len("Agent"), *names]), AGENT_COLUMN)
    return width if room - (width + 2) >= 8 else 0
