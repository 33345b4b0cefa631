"""What ``assign`` and the replying mark say to a person (``list``, ``show``, ``reply``)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from wishdesk.i18n import _
from wishdesk.render.safe import clean

if TYPE_CHECKING:
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
