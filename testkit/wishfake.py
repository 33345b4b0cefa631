"""A small fake of the Wish Merchant API v3 (the parts `wishdesk sync` uses), on 127.0.0.1.

Behaviour follows reference/wish-api-v3.md: bearer auth, the {code, message, data} envelope,
time-window paging (inclusive bounds, sort_by=updated_at.asc), Wish-Request-Id on every
response, replies only while AWAITING_MERCHANT and at most 2000 characters. Tests script
extra answers (429, 503, ...) per (method, path) with ``queue``.

Part of testkit/: used by ``tests/sync``, ``tests/security``, ``tests/reliability`` and by
``bench/run`` (the sync pull row); not shipped in the wheel.
"""

from __future__ import annotations

import contextlib
import functools
import json
import random
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from wishdesk.clock import parse_time

TOKEN = "wish-tok-9f8e7d6c5b4a-SECRET"


@dataclass
class Scripted:
    """One scripted answer; status 0 lets the request through to the normal handling."""

    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Call:
    method: str
    path: str
    query: dict[str, list[str]]
    body: Any


@functools.cache
def _time(text: str) -> datetime:
    """Parsed once per distinct text: listing scans every ticket on every page."""
    return parse_time(text)


class FakeWish:
    def __init__(self, token: str = TOKEN) -> None:
        self.token = token
        self.tickets: dict[str, dict[str, Any]] = {}
        self.orders: dict[str, dict[str, Any]] = {}
        self.calls: list[Call] = []
        self.scripts: dict[tuple[str, str], list[Scripted]] = {}
        self.now = "2026-11-26T06:59:00.000Z"
        self.reply_delay = 0.0  # seconds to stall after recording a reply (client timeouts)
        self.shuffle_ties = True  # items with equal updated_at come back in varying order
        self.lock = threading.Lock()
        self.count = 0
        self.server: ThreadingHTTPServer | None = None

    # Data --------------------------------------------------------------------------------
    def add_ticket(self, obj: dict[str, Any]) -> None:
        self.tickets[obj["id"]] = obj

    def add_order(self, obj: dict[str, Any]) -> None:
        self.orders[obj["id"]] = obj

    def queue(self, method: str, path: str, *answers: Scripted) -> None:
        self.scripts.setdefault((method, path), []).extend(answers)

    def calls_to(self, method: str, path: str | None = None) -> list[Call]:
        return [c for c in self.calls if c.method == method and (path is None or c.path == path)]

    # Server ------------------------------------------------------------------------------
    @property
    def url(self) -> str:
        assert self.server is not None
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakeWish:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                parts = urlsplit(self.path)
                status, body, headers, delay = fake.handle(
                    self.command,
                    parts.path,
                    parse_qs(parts.query, keep_blank_values=True),
                    json.loads(raw) if raw else None,
                    self.headers.get("Authorization", ""),
                )
                if delay:
                    time.sleep(delay)
                data = json.dumps(body).encode()
                try:
                    self.send_response(status)
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except OSError:
                    pass

            do_GET = do_POST = do_PUT = _serve

        class Server(ThreadingHTTPServer):
            daemon_threads = True
            block_on_close = False

            def handle_error(self, request: Any, client_address: Any) -> None:
                pass

        self.server = Server(("127.0.0.1", 0), Handler)
        threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        ).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()

    # The API -----------------------------------------------------------------------------
    def handle(
        self, method: str, path: str, query: dict[str, list[str]], body: Any, auth: str
    ) -> tuple[int, Any, dict[str, str], float]:
        with self.lock:
            self.count += 1
            headers = {
                "Wish-Request-Id": f"req-{self.count:04d}",
                "Wish-Rate-Limit-Remaining": "99",
            }
            self.calls.append(Call(method, path, query, body))
            script = self.scripts.get((method, path))
            answer = script.pop(0) if script else None
            if answer is not None and answer.status:  # status 0: answer normally
                return answer.status, answer.body, {**headers, **answer.headers}, 0.0
            if auth != f"Bearer {self.token}":
                return 401, {"code": 1015, "message": "access token expired"}, headers, 0.0
            status, out, delay = self._route(method, path, query, body)
            return status, out, headers, delay

    def _route(
        self, method: str, path: str, query: dict[str, list[str]], body: Any
    ) -> tuple[int, Any, float]:
        parts = path.strip("/").split("/")
        if parts[:3] != ["api", "v3", "tickets"] and parts[:3] != ["api", "v3", "orders"]:
            return 404, {"code": 1004, "message": "no such endpoint"}, 0.0
        if parts[2] == "orders" and len(parts) == 4 and method == "GET":
            order = self.orders.get(parts[3])
            if order is None:
                return 404, {"code": 1004, "message": "order not found"}, 0.0
            return 200, {"code": 0, "message": "", "data": order}, 0.0
        if parts[2] == "tickets" and len(parts) == 3 and method == "GET":
            return 200, {"code": 0, "message": "", "data": self._list(query)}, 0.0
        ticket = self.tickets.get(parts[3]) if len(parts) >= 4 else None
        if ticket is None:
            return 404, {"code": 1004, "message": "ticket not found"}, 0.0
        if len(parts) == 4 and method == "GET":
            return 200, {"code": 0, "message": "", "data": ticket}, 0.0
        if len(parts) == 4 and method == "PUT":
            ticket["state"] = body["state"]
            ticket["updated_at"] = self.now
            return 200, {"code": 0, "message": "", "data": ticket}, 0.0
        if len(parts) == 5 and parts[4] == "replies" and method == "POST":
            message = body.get("message", "")
            if len(message) > 2000:
                return 400, {"code": 1000, "message": "message is too long"}, 0.0
            if ticket["state"] != "AWAITING_MERCHANT":
                return 400, {"code": 1003, "message": "ticket is not awaiting merchant"}, 0.0
            reply = {"sender": "MERCHANT", "replied_at": self.now, "message": message}
            ticket["replies"].append(reply)
            ticket["state"] = "AWAITING_USER"
            ticket["updated_at"] = self.now
            return 200, {"code": 0, "message": "", "data": reply}, self.reply_delay
        return 405, {"code": 1002, "message": "method not allowed"}, 0.0

    def _list(self, query: dict[str, list[str]]) -> list[dict[str, Any]]:
        def bound(name: str) -> datetime | None:
            value = query.get(name)
            return parse_time(value[0]) if value else None

        lo, hi = bound("updated_at_min"), bound("updated_at_max")
        states = set(query.get("states[]", []))
        limit = int(query.get("limit", ["50"])[0])
        assert 1 <= limit <= 500
        assert query.get("sort_by") == ["updated_at.asc"]
        salt = random.Random(self.count)
        picked = []
        for t in self.tickets.values():
            at = _time(t["updated_at"])
            if (lo and at < lo) or (hi and at > hi) or (states and t["state"] not in states):
                continue
            picked.append((at, salt.random() if self.shuffle_ties else 0.0, t))
        picked.sort(key=lambda x: (x[0], x[1]))
        return [json.loads(json.dumps(t)) for _, _, t in picked[:limit]]


@contextlib.contextmanager
def running() -> Iterator[FakeWish]:
    """A fake Wish API serving on 127.0.0.1 for the duration of the block."""
    fake = FakeWish().start()
    try:
        yield fake
    finally:
        fake.stop()


def record_sleeps(monkeypatch: Any) -> list[float]:
    """Make the client record its retry and rate-limit waits instead of sleeping."""
    from wishdesk.services.sync import client

    waited: list[float] = []
    monkeypatch.setattr(client, "default_sleep", waited.append)
    monkeypatch.setattr(client, "default_random", lambda: 0.5)
    return waited
