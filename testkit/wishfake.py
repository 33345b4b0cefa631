"""A fake of the Wish Merchant API v3 (the parts `wishdesk sync` and `auth` use), on 127.0.0.1.

Every request it receives is checked against Wish's own OpenAPI extract (``wishspec``: path,
method, query parameter names and style, value formats, body schema), and so is every
response it serves; what does not conform is answered HTTP 400 (code 1001) and recorded in
``violations``, which ``running()`` turns into a test failure. Behaviour follows
reference/wish-api-v3.md:

- bearer tokens that expire (HTTP 400, code 1007) and a refresh that revokes the old access
  token (code 1008 after it) and the old refresh token; the authorization-code exchange;
- the ``{code, message, data}`` envelope, ``Wish-Request-Id`` on every response;
- time-window paging, with ``updated_at_min/max`` read inclusive or exclusive (``bounds``:
  the document does not say which), ``sort_by`` asc or desc, ties in varying order;
- replies only while AWAITING_MERCHANT and at most 2000 characters;
- buyer photos whose links change every time a ticket is served and stop working once
  ``expire_links()`` is called (an hour passing), served outside the API;
- ``latency`` seconds added to every response, and scripted answers (429, 503, ...) per
  (method, path) with ``queue``.

Part of testkit/: used by ``tests/sync``, ``tests/security``, ``tests/reliability`` and by
the benches; not shipped in the wheel.
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
from urllib.parse import parse_qsl, urlsplit

from wishdesk.clock import parse_time

TOKEN = "wish-tok-9f8e7d6c5b4a-SECRET"
REFRESH_TOKEN = "wish-refresh-3c2b1a0f9e8d-SECRET"
CLIENT_ID = "5e0c1d2e3f4a5b6c7d8e9f01"
CLIENT_SECRET = "wish-client-secret-77aa66bb55cc-SECRET"
REDIRECT_URI = "https://example.com/wish/callback"
AUTH_CODE = "wish-code-0a1b2c3d4e5f"
MERCHANT_ID = "5d1e2f3a4b5c6d7e8f901234"
SCOPES = ["tickets:read", "tickets:write", "orders:read"]
JSON_TYPE = "application/json"


@dataclass
class Scripted:
    """One scripted answer; status 0 lets the request through to the normal handling.
    ``valid=False`` marks an answer that breaks the document on purpose (not checked)."""

    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    valid: bool = True


@dataclass
class Call:
    method: str
    path: str
    query: dict[str, list[str]]
    body: Any
    auth: str = ""


@dataclass
class Answer:
    status: int
    body: Any
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    raw: bytes | None = None  # a file, served as it is
    content_type: str = JSON_TYPE
    checked: bool = True


@functools.cache
def _time(text: str) -> datetime:
    """Parsed once per distinct text: listing scans every ticket on every page."""
    return parse_time(text)


def _error(status: int, code: int, message: str) -> Answer:
    return Answer(status, {"code": code, "message": message})


def _ok(data: Any, delay: float = 0.0) -> Answer:
    return Answer(200, {"code": 0, "message": "", "data": data}, delay=delay)


class FakeWish:
    def __init__(self, token: str = TOKEN, *, bounds: str = "inclusive", validate: bool = True):
        assert bounds in ("inclusive", "exclusive")
        self.bounds = bounds
        self.validate = validate
        self.tickets: dict[str, dict[str, Any]] = {}
        self.orders: dict[str, dict[str, Any]] = {}
        self.files: dict[str, tuple[str, bytes]] = {}  # key -> (content type, bytes)
        self.calls: list[Call] = []
        self.scripts: dict[tuple[str, str], list[Scripted]] = {}
        self.violations: list[str] = []
        self.tolerated: list[str] = []  # violations a test causes on purpose (see tolerate)
        self.now = "2026-11-26T06:59:00.000Z"
        self.reply_delay = 0.0  # seconds to stall after recording a reply (client timeouts)
        self.latency = 0.0  # seconds added to every response
        self.shuffle_ties = True  # items with equal updated_at come back in varying order
        self.link_generation = 0
        # OAuth: access token -> "valid" | "expired" | "revoked"; refresh tokens likewise
        self.access = {token: "valid"}
        self.refresh_tokens = {REFRESH_TOKEN: "valid"}
        self.expires_after: int | None = None  # API calls the current token still answers
        self.issued = 0
        self.lock = threading.Lock()
        self.in_flight = 0
        self.arrivals: list[tuple[str, int]] = []  # (path, requests in flight, itself included)
        self.count = 0
        self.server: ThreadingHTTPServer | None = None

    # Data --------------------------------------------------------------------------------
    def add_ticket(self, obj: dict[str, Any]) -> None:
        self.tickets[obj["id"]] = obj

    def add_order(self, obj: dict[str, Any]) -> None:
        self.orders[obj["id"]] = obj

    def add_file(self, key: str, content: bytes, content_type: str = "image/jpeg") -> str:
        """A buyer photo; put the returned placeholder in a reply's ``supporting_files``
        url: each time the ticket is served it becomes a fresh, expiring link."""
        self.files[key] = (content_type, content)
        return f"fake-file:{key}"

    def expire_links(self) -> None:
        """Every photo link served so far stops working (an hour has passed)."""
        self.link_generation += 1

    def expire_token_after(self, calls: int) -> None:
        """The current access token answers ``calls`` more API requests, then has expired."""
        self.expires_after = calls

    @property
    def token(self) -> str:
        """The access token in force (the newest valid one)."""
        return next((t for t, s in reversed(self.access.items()) if s == "valid"), "")

    @property
    def refresh_token(self) -> str:
        return next((t for t, s in reversed(self.refresh_tokens.items()) if s == "valid"), "")

    def tolerate(self, *fragments: str) -> None:
        """Serve data off the document on purpose (a newer Wish's enum value, a broken
        record): response violations containing one of ``fragments`` are not recorded."""
        self.tolerated.extend(fragments)

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
                query = parse_qsl(parts.query, keep_blank_values=True)
                auth = self.headers.get("Authorization", "")
                with fake.lock:
                    fake.in_flight += 1
                    fake.arrivals.append((parts.path, fake.in_flight))
                try:
                    answer = fake.handle(self.command, parts.path, query, raw, auth)
                    if answer.delay or fake.latency:
                        time.sleep(answer.delay + fake.latency)
                finally:
                    with fake.lock:
                        fake.in_flight -= 1
                data = answer.raw if answer.raw is not None else json.dumps(answer.body).encode()
                try:
                    self.send_response(answer.status)
                    for k, v in answer.headers.items():
                        self.send_header(k, v)
                    self.send_header("Content-Type", answer.content_type)
                    if "Content-Length" not in answer.headers:
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
        self, method: str, path: str, query: list[tuple[str, str]], raw: bytes, auth: str
    ) -> Answer:
        with self.lock:
            self.count += 1
            headers = {
                "Wish-Request-Id": f"req-{self.count:04d}",
                "Wish-Rate-Limit-Remaining": "99",
            }
            body = json.loads(raw) if raw else None
            grouped: dict[str, list[str]] = {}
            for k, v in query:
                grouped.setdefault(k, []).append(v)
            self.calls.append(Call(method, path, grouped, body, auth))
            if path.startswith("/files/"):
                return self._file(path, grouped)
            answer = self._answer(method, path, query, grouped, raw or None, body, auth)
            answer.headers = {**headers, **answer.headers}
            if self.validate and answer.checked:
                from wishspec import check_response

                data = json.dumps(answer.body).encode()
                self.violations += [
                    v
                    for v in check_response(method, path, query, answer.status, data)
                    if not any(f in v for f in self.tolerated)
                ]
            return answer

    def _answer(
        self,
        method: str,
        path: str,
        query: list[tuple[str, str]],
        grouped: dict[str, list[str]],
        raw: bytes | None,
        body: Any,
        auth: str,
    ) -> Answer:
        if self.validate:
            from wishspec import check_request

            problems = check_request(method, path, query, raw)
            if problems:
                self.violations += problems
                return _error(400, 1001, "invalid parameter: " + "; ".join(problems)[:300])
        script = self.scripts.get((method, path))
        scripted = script.pop(0) if script else None
        if scripted is not None and scripted.status:  # status 0: answer normally
            return Answer(
                scripted.status, scripted.body, dict(scripted.headers), checked=scripted.valid
            )
        if path.startswith("/api/v3/oauth/") and not path.endswith("/test"):
            return self._oauth(path, grouped, body)
        denied = self._auth(auth)
        if denied is not None:
            return denied
        return self._route(method, path, grouped, body)

    def _auth(self, auth: str) -> Answer | None:
        if not auth.startswith("Bearer "):
            return _error(401, 1012, "Missing access token in authorization header")
        state = self.access.get(auth.removeprefix("Bearer "))
        if state is None:
            return _error(400, 1006, "unauthorized: unknown access token")
        if state == "valid" and self.expires_after is not None:
            if self.expires_after <= 0:
                self.access[auth.removeprefix("Bearer ")] = state = "expired"
                self.expires_after = None
            else:
                self.expires_after -= 1
        if state == "expired":
            return _error(400, 1007, "access token expired")
        if state == "revoked":
            return _error(400, 1008, "access token revoked")
        return None

    def _oauth(self, path: str, query: dict[str, list[str]], body: Any) -> Answer:
        fields = {k: v[0] for k, v in query.items()} if body is None else dict(body)
        if (fields.get("client_id"), fields.get("client_secret")) != (CLIENT_ID, CLIENT_SECRET):
            return _error(400, 10001, "invalid client credentials")
        if path.endswith("/access_token"):
            if fields.get("code") != AUTH_CODE or fields.get("redirect_uri") != REDIRECT_URI:
                return _error(400, 10008, "invalid authorization code")
        elif self.refresh_tokens.get(fields.get("refresh_token", "")) != "valid":
            return _error(400, 1008, "refresh token revoked")
        return _ok(self._issue())

    def _issue(self) -> dict[str, Any]:
        """A new token pair; every earlier access and refresh token is revoked."""
        self.issued += 1
        for table in (self.access, self.refresh_tokens):
            for key in table:
                table[key] = "revoked"
        access = f"wish-tok-{self.issued:04d}-{random.getrandbits(48):012x}-SECRET"
        refresh = f"wish-refresh-{self.issued:04d}-{random.getrandbits(48):012x}-SECRET"
        self.access[access] = "valid"
        self.refresh_tokens[refresh] = "valid"
        self.expires_after = None
        return {
            "access_token": access,
            "refresh_token": refresh,
            "expiry_time": "2026-12-26T07:00:00.000+00:00",
            "merchant_id": MERCHANT_ID,
            "scopes": SCOPES,
        }

    def _file(self, path: str, query: dict[str, list[str]]) -> Answer:
        key = path.removeprefix("/files/")
        found = self.files.get(key)
        if found is None or query.get("v") != [str(self.link_generation)]:
            return Answer(403, None, raw=b"<Error>Request has expired</Error>",
                          content_type="application/xml", checked=False)  # fmt: skip
        content_type, content = found
        return Answer(200, None, raw=content, content_type=content_type, checked=False)

    def _served(self, ticket: dict[str, Any]) -> dict[str, Any]:
        """A copy of the ticket as Wish serves it: photo links fresh for this request."""
        out: dict[str, Any] = json.loads(json.dumps(ticket))
        replies = out.get("replies")
        for reply in replies if isinstance(replies, list) else []:
            for f in reply.get("supporting_files") or []:
                url = f.get("url", "")
                if url.startswith("fake-file:"):
                    key = url.removeprefix("fake-file:")
                    f["url"] = f"{self.url}/files/{key}?v={self.link_generation}&n={self.count}"
        return out

    def _route(self, method: str, path: str, query: dict[str, list[str]], body: Any) -> Answer:
        parts = path.strip("/").split("/")
        if parts == ["api", "v3", "oauth", "test"]:
            return _ok({"merchant_id": MERCHANT_ID})
        if parts[2] == "orders" and len(parts) == 4 and method == "GET":
            order = self.orders.get(parts[3])
            if order is None:
                return _error(404, 1004, "order not found")
            return _ok(order)
        if parts[2] == "tickets" and len(parts) == 3 and method == "GET":
            return _ok([self._served(t) for t in self._list(query)])
        ticket = self.tickets.get(parts[3]) if len(parts) >= 4 else None
        if ticket is None:
            return _error(404, 1004, "ticket not found")
        if len(parts) == 4 and method == "GET":
            return _ok(self._served(ticket))
        if len(parts) == 4 and method == "PUT":
            ticket["state"] = body["state"]
            ticket["updated_at"] = self.now
            return _ok(self._served(ticket))
        if len(parts) == 5 and parts[4] == "replies" and method == "POST":
            message = body.get("message", "")
            if len(message) > 2000:
                return _error(400, 1000, "message is too long")
            if ticket["state"] != "AWAITING_MERCHANT":
                return _error(400, 1003, "ticket is not awaiting merchant")
            reply = {"sender": "MERCHANT", "replied_at": self.now, "message": message}
            ticket["replies"].append(reply)
            ticket["state"] = "AWAITING_USER"
            ticket["updated_at"] = self.now
            return _ok(reply, self.reply_delay)
        return _error(405, 1002, "method not allowed")

    def _list(self, query: dict[str, list[str]]) -> list[dict[str, Any]]:
        def bound(name: str) -> datetime | None:
            value = query.get(name)
            return parse_time(value[0]) if value else None

        lo, hi = bound("updated_at_min"), bound("updated_at_max")
        inclusive = self.bounds == "inclusive"
        states = set(query.get("states", []))
        types = set(query.get("types", []))
        limit = int(query.get("limit", ["50"])[0])
        descending = query.get("sort_by", ["updated_at.desc"])[0] != "updated_at.asc"
        salt = random.Random(self.count)
        picked = []
        for t in self.tickets.values():
            at = _time(t.get("updated_at") or t.get("opened_at") or "1970-01-01T00:00:00Z")
            if lo and (at < lo or (at == lo and not inclusive)):
                continue
            if hi and (at > hi or (at == hi and not inclusive)):
                continue
            if (states and t.get("state") not in states) or (types and t.get("type") not in types):
                continue
            picked.append((at, salt.random() if self.shuffle_ties else 0.0, t))
        picked.sort(key=lambda x: (x[0], x[1]), reverse=descending)
        return [t for _, _, t in picked[:limit]]


@contextlib.contextmanager
def running(**options: Any) -> Iterator[FakeWish]:
    """A fake Wish API serving on 127.0.0.1 for the duration of the block; a request or a
    response off the OpenAPI document fails the block."""
    fake = FakeWish(**options).start()
    try:
        yield fake
    finally:
        fake.stop()
    if fake.violations:
        raise AssertionError("off the Wish OpenAPI document:\n" + "\n".join(fake.violations[:20]))


def record_sleeps(monkeypatch: Any) -> list[float]:
    """Make the client record its retry and rate-limit waits instead of sleeping."""
    from wishdesk.services.sync import client

    waited: list[float] = []
    monkeypatch.setattr(client, "default_sleep", waited.append)
    monkeypatch.setattr(client, "default_random", lambda: 0.5)
    return waited
