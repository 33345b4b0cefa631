"""``wishdesk note``: an internal remark on a ticket. Never sent to anyone, never linted
(it is not a message to the buyer), never linted; signed with ``user.name``, and the audit
log records who kept it."""

from __future__ import annotations

from datetime import datetime

from wishdesk.clock import iso
from wishdesk.errors import UsageError
from wishdesk.services import attribution
from wishdesk.services.inbox import resolve
from wishdesk.store import notes
from wishdesk.store.db import Store
from wishdesk.store.notes import Note

MAX_NOTE_CHARS = 10_000


def add_note(
    store: Store, ref: str, text: str | None, body_file: str | None, now: datetime
) -> Note:
    """Keep a note on the ticket ``ref`` names; the text from ``-m`` or a file (``-``:
    standard input)."""
    from wishdesk.services.config import user_name

    if (text is None) == (body_file is None):
        raise UsageError("give the note with one of -m TEXT or --body-file PATH")
    if body_file is not None:
        from wishdesk.services.textin import read_text

        text = read_text(body_file)
    assert text is not None
    text = text.strip()
    if not text:
        raise UsageError("the note is empty: nothing to keep")
    if len(text) > MAX_NOTE_CHARS:
        raise UsageError(
            "the note is {length} characters: at most {limit}",
            length=len(text),
            limit=MAX_NOTE_CHARS,
        )
    ticket_id = resolve(store, ref)
    author, at = user_name(), iso(now)
    with store.transaction():
        note_id = notes.add(store, ticket_id, text, author, at)
        attribution.record(store, "note", ticket_id, at=at, agent=author, detail={"note": note_id})
    return Note(note_id, ticket_id, text, author, at)
