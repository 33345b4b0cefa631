"""``show`` in a pipe: the same content as the panels, as plain text (the ``gh issue view``
convention): ``field:<TAB>value`` header lines, each order, then ``--`` and the thread,
each message headed by its sender and UTC time. Every value is cleaned: buyer text never
drives the reader's terminal."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import IO, Any

from wishdesk.render.safe import address_lines, clean


def _field(name: str, value: Any) -> str:
    text = "" if value is None else clean(str(value), one_line=True)
    return f"{name}:\t{text}"


def _order(order: Mapping[str, Any], tracking_url: str | None) -> Iterator[str]:
    yield _field("order", order["id"])
    yield _field("product", order["product"])
    yield _field("size", order["size"])
    yield _field("color", order["color"])
    yield _field("quantity", order["quantity"])
    yield _field("order state", order["state"])
    yield _field("ship to", ", ".join(address_lines(order["shipping_address"] or {})))
    yield _field("tracking", order["tracking_number"])
    yield _field("carrier", order["carrier"])
    yield _field("tracking link", tracking_url)
    for old in (order.get("tracking") or [])[1:]:  # newest first: the rest were replaced
        yield _field("replaced tracking", f"{old['tracking_number']} ({old['carrier'] or '?'})")
    yield _field("ships by", order["expected_ship_at"])
    yield _field("delivery by", order["expected_delivery_at"])


def lines(t: Mapping[str, Any], tracking_urls: Mapping[str, str]) -> Iterator[str]:
    yield _field("title", t["subject"])
    yield _field("id", t["id"])
    yield _field("state", t["state"])
    yield _field("reason", f"{t['reason']} ({t['reason_source']})")
    yield _field("buyer", t["buyer_name"])
    yield _field("locale", t["buyer_locale"])
    yield _field("opened", t["opened_at"])
    yield _field("due", t["due_at"])
    yield _field("escalates", t["escalates_at"])
    yield _field("overdue", "yes" if t["overdue"] else "no")
    if t.get("snoozed_until"):
        yield _field("snoozed until", t["snoozed_until"])
    yield _field("orders", ", ".join(t["order_ids"]))
    for order in t["orders"]:
        yield ""
        yield from _order(order, tracking_urls.get(order["id"]))
    for item in t["outbox"]:
        yield _field("outbox", f"#{item['id']} {item['kind']} {item['status']}")
    for draft in t["drafts"]:
        yield _field("draft", f"{draft['created_at']} {draft['text']}")
    for note in t.get("notes") or []:  # internal: apart from the thread, never sent
        yield _field("note", f"{note['created_at']} {note['author']}: {note['text']}")
    yield "--"
    for i, m in enumerate(t["messages"]):
        if i:
            yield ""
        mark = " (queued, not sent)" if m.get("queued") else ""
        yield f"{clean(m['sender'], one_line=True)} {m['sent_at']}{mark}"
        yield clean(m["text"] or "")
        for f in m.get("files") or []:  # buyer photos: the local copy, or why there is none
            where = f.get("path") or f"not downloaded: {f.get('note') or 'link expired'}"
            name = f.get("file_name") or f.get("url") or "?"
            yield f"photo: {clean(str(name), one_line=True)}  {clean(str(where), one_line=True)}"


def write_plain(out: IO[str], t: Mapping[str, Any], tracking_urls: Mapping[str, str]) -> None:
    for line in lines(t, tracking_urls):
        out.write(line)
        out.write("\n")
