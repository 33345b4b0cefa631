"""What an argument or option completes to in the shell: ticket ids, order ids, template
names, agents' names (``autocompletion=`` of the options in cli/). Read from the store only
when the shell asks (cli/completion.py answers it); a completer never fails loudly: no store,
a broken one, anything at all, and there are simply no candidates."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

Candidates = list[tuple[str, str]]  # (value, what to show beside it)


def ticket(ctx: Any, incomplete: str) -> Candidates:
    """Ticket ids starting with what was typed (``autocompletion=`` of TICKET arguments)."""
    from wishdesk.services.completion import ticket_ids

    return _from_store(ctx, lambda store: ticket_ids(store, incomplete))


def closable(ctx: Any, incomplete: str) -> Candidates:
    """Tickets ``close`` can close."""
    from wishdesk.domain.outbox import CHANGES_FROM
    from wishdesk.services.completion import ticket_ids

    states = CHANGES_FROM["close"]
    return _from_store(ctx, lambda store: ticket_ids(store, incomplete, states))


def appealable(ctx: Any, incomplete: str) -> Candidates:
    """Tickets ``appeal`` can hand to Wish support."""
    from wishdesk.domain.outbox import CHANGES_FROM
    from wishdesk.services.completion import ticket_ids

    states = CHANGES_FROM["appeal"]
    return _from_store(ctx, lambda store: ticket_ids(store, incomplete, states))


def snoozed(ctx: Any, incomplete: str) -> Candidates:
    """``snooze TICKET``: open tickets; after ``--unsnooze``, the snoozed ones."""
    from wishdesk.clock import iso, now
    from wishdesk.services.completion import snoozed_ids, ticket_ids

    if getattr(ctx, "params", {}).get("unsnooze"):
        return _from_store(ctx, lambda store: snoozed_ids(store, incomplete, iso(now())))
    return _from_store(ctx, lambda store: ticket_ids(store, incomplete))


def order(ctx: Any, incomplete: str) -> Candidates:
    """Order ids starting with what was typed (``--order``, ``notify ORDER...``)."""
    from wishdesk.services.completion import order_ids

    return _from_store(ctx, lambda store: order_ids(store, incomplete))


def template(ctx: Any, incomplete: str) -> Candidates:
    """Template names, built-in and the user's (``--template``, ``templates show``)."""
    from wishdesk.services.completion import template_names

    return _quietly(lambda: template_names(incomplete))


def _from_store(ctx: Any, candidates: Callable[[Any], Candidates]) -> Candidates:
    from wishdesk.cli.context import completion_app

    app = completion_app(ctx)
    try:
        return _quietly(lambda: candidates(app.store()))
    finally:
        with contextlib.suppress(Exception):
            app.close()


def _quietly(work: Callable[[], Candidates]) -> Candidates:
    """The candidates ``work`` finds, or none at all if it fails in any way. Descriptions
    come from buyers (subjects, products): each is made one clean line."""
    try:
        from wishdesk.render.safe import clean

        return [(value, clean(text, one_line=True).replace("\t", " ")) for value, text in work()]
    except Exception:
        return []


def agent(ctx: Any, incomplete: str) -> Candidates:
    """The agents' names in the store that start with what was typed (``--to``,
    ``--assignee``)."""
    from wishdesk.services.assign import assignee_names

    return _from_store(ctx, lambda store: assignee_names(store, incomplete))
