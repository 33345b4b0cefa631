"""Candidates for the shell's tab completion: the ids and names that start with what was
typed, each with a few words to show beside it (zsh and fish show them; bash does not)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import TypeVar

from wishdesk.store import orders, tickets
from wishdesk.store.db import Store

Row = TypeVar("Row")

LIMIT = 50  # enough to choose from; more would scroll the terminal away


def ticket_ids(store: Store, prefix: str, states: Sequence[str] = ()) -> list[tuple[str, str]]:
    """``(id, "awaiting-merchant  Where is my order?")`` for the tickets whose id starts
    with ``prefix`` (in one of ``states``, when given: those a command can act on)."""
    rows = _bounded(partial(tickets.with_prefix, states=states), store, prefix)
    return [
        (i, f"{state.lower().replace('_', '-')}  {subject or ''}") for i, state, subject in rows
    ]


def snoozed_ids(store: Store, prefix: str, now: str) -> list[tuple[str, str]]:
    """``(id, "until 2026-12-05T01:00:00Z  subject")`` for the snoozed tickets whose id
    starts with ``prefix`` (``snooze --unsnooze``)."""
    rows = tickets.snoozed_with_prefix(store, prefix, now, LIMIT)
    return [(i, f"until {until}  {subject or ''}") for i, until, subject in rows]


def order_ids(store: Store, prefix: str) -> list[tuple[str, str]]:
    """``(id, product)`` for the orders whose id starts with ``prefix``."""
    return [(i, product or "") for i, product in _bounded(orders.with_prefix, store, prefix)]


def template_names(prefix: str) -> list[tuple[str, str]]:
    """``(name, description)`` of the templates, built-in and the user's, whose name starts
    with ``prefix``."""
    from wishdesk.services.templates import load_templates

    found = load_templates()
    return [(n, found.info(n).description) for n in found.names() if n.startswith(prefix)]


def _bounded(query: Callable[..., list[Row]], store: Store, prefix: str) -> list[Row]:
    """At most ``LIMIT`` rows by id; when more match, the last one given is the greatest of
    them all, so that the first and the last share exactly what every match shares and a
    shell completes no further than that."""
    rows = query(store, prefix, LIMIT)
    if len(rows) == LIMIT:
        rows[-1:] = query(store, prefix, 1, last=True)
    return rows
