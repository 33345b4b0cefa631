"""``show`` in a pipe: the same content as the panels, as plain text (the ``gh issue view``
convention): ``field:<TAB>value`` header lines, each order, then ``--`` and the thread,
each message headed by its sender and UTC time. Every value is cleaned: buyer text never
drives the reader's terminal."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import IO, Any

from wishdesk.render.reason import confidence_words
from wishdesk.render.safe import address_lines, clean


def field(name: str, value: Any) -> str:
    text = "" if value is None else clean(str(value), one_line=True)
    return f"{name}:\t{text}"


def order_lines(order: Mapping[str, Any], tracking_url: str | None) -> Iterator[str]:
    yield field("order", order["id"])
    yield field("product", order["product"])
    yield field("size", order["size"])
    yield field("color", order["color"])
    yield field("quantity", order["quantity"])
    yield field("order state", order["state"])
    yield field("ship to", ", ".join(address_lines(order["shipping_address"] or {})))
    yield field("tracking", order["tracking_number"])
    yield field("carrier", order["carrier"])
    yield field("tracking link", tracking_url)
    for old in (order.get("tracking") or [])[1:]:  # newest first: the rest were replaced
        yield field("replaced tracking", f"{old['tracking_number']} ({old['carrier'] or '?'})")
    yield field("ships by", order["expected_ship_at"])
    yield field("delivery by", order["expected_delivery_at"])


def lines(t: Mapping[str, Any], tracking_urls: Mapping[str, str]) -> Iterator[str]:
    yield field("title", t["subject"])
    yield field("id", t["id"])
    yield field("state", t["state"])
    yield field("reason", f"{t['reason']} ({t['reason_source']})")
    yield field("reason confidence", confidence_words(t, translated=False))
    yield field("buyer", t["buyer_name"])
    yield field("locale", t["buyer_locale"])
    yield field("opened", t["opened_at"])
    yield field("due", t["due_at"])
    yield field("escalates", t["escalates_at"])
    yield field("overdue", "yes" if t["overdue"] else "no")
    if t.get("snoozed_until"):
        yield field("snoozed until", t["snoozed_until"])
    if t.get("assignee"):
        yield field("assignee", t["assignee"])
    if t.get("replying"):
        yield field("replying", f"{t['replying']['by']} since {t['replying']['since']}")
    yield field("orders", ", ".join(t["order_ids"]))
    for order in t["orders"]:
        yield ""
        yield from order_lines(order, tracking_urls.get(order["id"]))
    for item in t["outbox"]:
        yield field("outbox", f"#{item['id']} {item['kind']} {item['status']}")
    for draft in t["drafts"]:
        yield field("draft", f"{draft['created_at']} {draft['text']}")
    for note in t.get("notes") or []:  # internal: apart from the thread, never sent
        yield field("note", f"{note['created_at']} {note['author']}: {note['text']}")
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
