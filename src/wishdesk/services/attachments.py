"""Buyer photos: downloaded while their links work, listed by ``show``, copied out by
``wishdesk attachments TICKET --save DIR``.

A damaged-item claim is decided on the buyer's photos, and Wish's links to them expire an
hour after they are served. So the pull registers every ``supporting_files`` entry with its
page (``Photos.register``, in the page's transaction), and downloads the new ones right after
the page commits (``Photos.download``), a few at once. Each is checked to be an image (the
Content-Type and the file's own first bytes), at most ``MAX_BYTES``, and kept in
``<data dir>/attachments/`` (0700; files 0600) under its content hash, so a re-pull downloads
nothing twice and the buyer's file name never reaches the file system. A download that fails
stays ``pending``: the next sync tries again, with a fresh link (the ticket read again) once
the old one is an hour old. A failed download never fails the sync.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wishdesk import clock
from wishdesk.domain import attachments as rules
from wishdesk.domain.models import Ticket
from wishdesk.store import attachments as rows
from wishdesk.store.attachments import AttachmentRow
from wishdesk.store.db import Store

if TYPE_CHECKING:
    from wishdesk.services.sync.client import WishClient
    from wishdesk.services.sync.pull import PullResult

LINK_LIFETIME = timedelta(minutes=rules.LINK_LIFETIME_MINUTES)
FRESH_FOR = LINK_LIFETIME - timedelta(minutes=5)  # older links are asked for again first


def directory() -> Path:
    from wishdesk.store.location import data_dir

    return data_dir() / "attachments"


@dataclass(frozen=True)
class Outcome:
    row: AttachmentRow
    status: str
    error: str = ""
    sha256: str = ""
    path: str = ""
    size: int = 0
    content_type: str = ""


def _keep(folder: Path, name: str, content: bytes) -> None:
    """Write a photo once, privately: a temporary file renamed into place."""
    target = folder / name
    if target.exists():
        return
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    tmp = folder / f".{name}.{os.getpid()}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(content)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


class Photos:
    """The photos of a pull: registered with their page, downloaded after it commits."""

    def __init__(
        self, store: Store, client: WishClient, result: PullResult, folder: Path | None = None
    ) -> None:
        self.store = store
        self.client = client
        self.result = result
        self.folder = folder or directory()
        self.done: set[str] = set()  # tickets whose photos this pull has tried

    def register(self, tickets: Sequence[Ticket]) -> None:
        """Inside the page's transaction: new photos pending, fresh links on the others."""
        served = clock.iso(clock.now())
        for t in tickets:
            rows.register(self.store, t.id, t.messages, served)

    def download(self, ticket_ids: Sequence[str]) -> None:
        """Download the pending photos of these tickets; record each outcome."""
        from wishdesk.services.sync.pool import parallel

        self.done.update(ticket_ids)
        todo = rows.pending(self.store, list(ticket_ids))
        outcomes = list(parallel(self.fetch, todo, self.client.concurrency))
        with self.store.transaction():
            for outcome in outcomes:
                self.settle(outcome)

    def retry(self) -> None:
        """Photos left pending by earlier syncs: links older than ``FRESH_FOR`` are asked
        for again (the ticket read again), then every one of them is downloaded."""
        from wishdesk.services.sync.errors import ApiError, AuthError, NetworkError
        from wishdesk.services.sync.pull import parse_served_ticket

        left = [r for r in rows.pending(self.store) if r.ticket_id not in self.done]
        now = clock.now()
        stale = sorted({r.ticket_id for r in left if not _fresh(r, now)})
        for ticket_id in stale:
            try:
                ticket = parse_served_ticket(self.client.get_ticket(ticket_id).data)
            except AuthError:
                raise
            except (ApiError, NetworkError, ValueError) as exc:
                self.result.warn(f"ticket {ticket_id}: photos not downloaded: {exc}")
                continue
            with self.store.transaction():
                self.register([ticket])
        self.download(sorted({r.ticket_id for r in left}))

    def fetch(self, row: AttachmentRow) -> Outcome:
        url = row.url or ""
        if not url.startswith(("https://", "http://")):
            return Outcome(row, rules.FAILED, "not a web link")
        answer = self.client.fetch_file(url, rules.MAX_BYTES)
        if answer.too_big:
            return Outcome(row, rules.REJECTED, f"over the {rules.MAX_BYTES >> 20} MB limit")
        if answer.content is None:
            expired = answer.status in (401, 403, 404, 410)
            why = "link expired" if expired else answer.problem or f"HTTP {answer.status}"
            return Outcome(row, rules.PENDING, f"{why} (HTTP {answer.status})" if expired else why)
        ext = rules.image_type(answer.content[:16])
        if ext is None or not rules.is_image_type(answer.content_type):
            return Outcome(row, rules.REJECTED, f"not an image ({answer.content_type or '?'})")
        sha = hashlib.sha256(answer.content).hexdigest()
        name = rules.stored_name(sha, ext)
        _keep(self.folder, name, answer.content)
        return Outcome(row, rules.SAVED, "", sha, name, len(answer.content), answer.content_type)

    def settle(self, outcome: Outcome) -> None:
        row = outcome.row
        if outcome.status == rules.SAVED:
            rows.saved(
                self.store,
                row.id,
                sha256=outcome.sha256,
                path=outcome.path,
                size=outcome.size,
                content_type=outcome.content_type,
                at=clock.iso(clock.now()),
            )
            self.result.photos += 1
            return
        status = outcome.status
        if status == rules.PENDING and row.attempts + 1 >= rules.MAX_ATTEMPTS:
            status = rules.FAILED
        rows.not_saved(self.store, row.id, status, outcome.error)
        if status != rules.PENDING:
            name = rules.safe_name(row.file_name)
            self.result.warn(f"ticket {row.ticket_id}: photo {name} not saved: {outcome.error}")


def _fresh(row: AttachmentRow, now: datetime) -> bool:
    if not row.served_at:
        return False
    try:
        return now - clock.parse_time(row.served_at) < FRESH_FOR
    except ValueError:
        return False


# What show and `wishdesk attachments` see ---------------------------------------------------
def note(row: AttachmentRow | None, now: datetime) -> str:
    """Why a photo has no local file, in a few words ("" when it has one)."""
    if row is not None and row.status == rules.SAVED:
        return ""
    if row is None or (row.status == rules.PENDING and not _fresh(row, now)):
        return "link expired"
    return row.error or "not downloaded yet"


def record(row: AttachmentRow | None, url: str, name: str, folder: Path) -> dict[str, Any]:
    """One photo as ``show --json`` and ``attachments --json`` give it."""
    path = row.path if row is not None and row.status == rules.SAVED else None
    return {
        "file_name": name,
        "path": str(folder / path) if path else None,
        "url": (row.url if row and row.url else url) or None,
        "size": row.size if path and row else None,
    }


def for_messages(
    store: Store, ticket_id: str, messages: Sequence[Any], now: datetime
) -> tuple[list[list[dict[str, Any]]], list[dict[str, Any]]]:
    """(each message's files with ``path``, ``size`` and ``note``, the ticket's photos) for
    the messages of ``store.messages.thread``."""
    found = {(r.message_id, r.position): r for r in rows.for_ticket(store, ticket_id)}
    folder = directory()
    per_message: list[list[dict[str, Any]]] = []
    flat: list[dict[str, Any]] = []
    for m in messages:
        files = []
        for position, f in enumerate(m.file_list()):
            row = found.get((m.id, position))
            entry = record(row, f.get("url") or "", f.get("file_name") or "", folder)
            flat.append(entry)
            files.append({**f, **entry, "note": note(row, now)})
        per_message.append(files)
    return per_message, flat


def copy_out(store: Store, ticket_id: str, target: Path) -> tuple[list[Path], list[str]]:
    """``--save DIR``: copy the ticket's downloaded photos into ``target`` under their
    (sanitised, de-duplicated) names, never over an existing file. Returns (the copies, the
    names of photos that have no local file)."""
    folder = directory()
    copied: list[Path] = []
    missing: list[str] = []
    target.mkdir(parents=True, exist_ok=True)
    for row in rows.for_ticket(store, ticket_id):
        ext = row.path.rsplit(".", 1)[-1] if row.path else None
        name = rules.safe_name(row.file_name, ext, fallback=f"photo-{row.id}")
        if row.status != rules.SAVED or not row.path or not (folder / row.path).is_file():
            missing.append(name)
            continue
        copied.append(_copy_new(folder / row.path, target / name))
    return copied, missing


def _copy_new(source: Path, path: Path) -> Path:
    """Copy into ``path``, or ``name-2.ext``, ``name-3.ext``, ...: never over a file."""
    for n in range(1, 10_000):
        candidate = path if n == 1 else path.with_name(f"{path.stem}-{n}{path.suffix}")
        try:
            fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        with os.fdopen(fd, "wb") as out, source.open("rb") as src:
            shutil.copyfileobj(src, out)
        return candidate
    raise OSError(f"no free name for {path}")


FIELDS = ("file_name", "path", "size", "sent_at", "sender", "note", "url")


def of_ticket(store: Store, ref: str, now: datetime) -> list[dict[str, Any]]:
    """``wishdesk attachments TICKET``: each photo of the thread, oldest first."""
    from wishdesk.services.inbox import resolve
    from wishdesk.store import messages

    ticket_id = resolve(store, ref)
    thread = messages.thread(store, ticket_id)
    files, _ = for_messages(store, ticket_id, thread, now)
    return [
        {**{k: f[k] for k in ("file_name", "path", "size", "note", "url")},
         "sent_at": m.sent_at, "sender": m.sender}
        for m, per_message in zip(thread, files, strict=True)
        for f in per_message
    ]  # fmt: skip


def save_copies(store: Store, ref: str, target: Path) -> tuple[list[Path], list[str]]:
    """``--save DIR``: see ``copy_out``."""
    from wishdesk.services.inbox import resolve

    try:
        return copy_out(store, resolve(store, ref), target)
    except OSError as exc:
        from wishdesk.errors import UsageError

        raise UsageError(
            "cannot save into {target}: {reason}", target=target, reason=exc.strerror or exc
        ) from None
