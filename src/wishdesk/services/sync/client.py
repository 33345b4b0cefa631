"""A small client for the Wish Merchant API v3: auth, envelope, errors, 429 and retries.

httpx is imported here only, and this module is imported only by ``wishdesk sync`` and
``wishdesk auth``.

What the client retries on its own, and what it leaves to the caller:

- HTTP 429: waits until ``Wish-Rate-Limit-Reset`` (each wait at most ``MAX_WAIT``; a reset
  that cannot be read gets backoff, at most ``MAX_WAIT`` in all for one request) and tries
  again; the request pool (``pool.Gate``) shrinks to one request at a time.
- A refused token (``errors.refused_token``: Wish's code 1007/1008/1002/1006/1012 at any
  HTTP status, or HTTP 401): renewed once through the ``TokenSource`` when it can be, and the
  request repeated (Wish did not act on it); otherwise ``AuthError``.
- HTTP 5xx, timeouts, connection failures: capped exponential backoff with jitter, for
  requests that are safe to repeat (GET, PUT). A POST is repeated only when Wish certainly
  did not act on it (the connection was never made, or HTTP 503); any other failure of a POST
  raises ``AmbiguousError``: the caller must check on Wish before trying again.
- Other 4xx: never retried; ``ApiError`` with Wish's message, code and ``Wish-Request-Id``.

No secret (access token, refresh token, client secret) appears in an error message or a log
line: ``redact`` removes each of them from every text this module produces, Wish's own
messages included, and the log names paths without their query.
"""

from __future__ import annotations

import functools
import random as _random
import re
import time as _time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from wishdesk import clock
from wishdesk.errors import Phrase
from wishdesk.services.sync.errors import (
    TOKEN_CODES,
    AmbiguousError,
    ApiError,
    AuthError,
    E,
    NetworkError,
    http_error_text,
    redacted_error,
    refused_token,
)
from wishdesk.services.sync.pool import DEFAULT_CONCURRENCY, Gate, parse_reset
from wishdesk.services.sync.token import TokenSource

if TYPE_CHECKING:
    import httpx

PRODUCTION_URL = "https://merchant.wish.com"
SANDBOX_URL = "https://sandbox.merchant.wish.com"
DEFAULT_TIMEOUT = 30.0
MAX_RETRIES = 5  # after the first attempt, for 5xx and network failures
MAX_RATE_LIMIT_WAITS = 20  # 429s in a row for one request before giving up
MAX_WAIT = 90.0  # seconds: cap on one rate-limit wait, and on all of them for an unreadable reset
BACKOFF_BASE = 1.0  # seconds
BACKOFF_CAP = 60.0  # seconds
MESSAGE_CHARS = 300
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


def _sleep(seconds: float) -> None:
    _time.sleep(seconds)


def _jitter() -> float:
    return _random.random()


# Module attributes, looked up at call time: tests replace them so that nothing really sleeps.
default_sleep: Callable[[float], None] = _sleep
default_random: Callable[[], float] = _jitter


@dataclass(frozen=True)
class Response:
    status: int
    data: Any
    request_id: str | None


@dataclass(frozen=True)
class FileAnswer:
    status: int  # 0: no answer (``problem`` says why)
    content_type: str
    content: bytes | None
    too_big: bool = False
    problem: str = ""


class WishClient:
    """One API session, safe to share between threads. ``sleep``/``random``/``now`` default
    to the module's (injectable); ``concurrency`` sizes the request pool."""

    def __init__(
        self,
        token: str | TokenSource,
        base_url: str = PRODUCTION_URL,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        sleep: Callable[[float], None] | None = None,
        random: Callable[[], float] | None = None,
        now: Callable[[], datetime] | None = None,
        log: Callable[[str], None] | None = None,
        max_retries: int = MAX_RETRIES,
        max_wait: float = MAX_WAIT,
        concurrency: int = DEFAULT_CONCURRENCY,
    ) -> None:
        import httpx

        self.tokens = token if isinstance(token, TokenSource) else TokenSource(token)
        self.base_url = base_url.rstrip("/")
        self._sleep = sleep
        self._random = random
        self._now = now or clock.now
        self._log = log
        self.max_retries = max_retries
        self.max_wait = max_wait
        self.concurrency = concurrency
        self.gate = Gate(concurrency)
        self.requests = 0
        limits = httpx.Limits(max_connections=max(concurrency, 1) + 2)
        self._http = httpx.Client(
            base_url=self.base_url,
            timeout=httpx.Timeout(timeout),
            headers={"Accept": "application/json", "User-Agent": "wishdesk"},
            follow_redirects=False,
            limits=limits,
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> WishClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # Text safety -------------------------------------------------------------------------
    def redact(self, text: str) -> str:
        """``text`` without any secret, control characters or excessive length."""
        text = self.tokens.redact(text)
        text = _CONTROL.sub(" ", text).strip()
        return text if len(text) <= MESSAGE_CHARS else text[: MESSAGE_CHARS - 3] + "..."

    def _request_id(self, resp: httpx.Response) -> str | None:
        """``Wish-Request-Id``, redacted like Wish's messages: it is stored on outbox items."""
        value = resp.headers.get("Wish-Request-Id")
        return (self.redact(value) or None) if value else None

    def _debug(self, line: str) -> None:
        if self._log is not None:
            self._log(self.redact(line))

    def _wait(self, seconds: float) -> None:
        (self._sleep or default_sleep)(seconds)

    def _backoff(self, attempt: int) -> float:
        """Capped exponential backoff with "equal jitter": between half and all of the step."""
        step: float = min(BACKOFF_CAP, BACKOFF_BASE * 2.0**attempt)
        return step / 2 + step / 2 * (self._random or default_random)()

    # Requests ----------------------------------------------------------------------------
    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        body: Any = None,
        authorized: bool = True,
    ) -> Response:
        """One API call, with the retries above. ``authorized=False`` sends no token (the
        OAuth endpoints take the app's credentials instead)."""
        import httpx

        repeatable = method in ("GET", "PUT", "DELETE", "HEAD")
        what = f"{method} {path}"
        failures = 0
        waits = 0
        unread_wait = 0.0  # seconds waited on resets that could not be read
        while True:
            self.requests += 1
            token = self.tokens.token
            headers = {"Authorization": f"Bearer {token}"} if authorized else {}
            try:
                with self.gate.slot():
                    resp = self._http.request(
                        method, path, params=params, json=body, headers=headers
                    )
            except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
                # Never reached Wish: safe to repeat, whatever the method.
                problem = Phrase(
                    "cannot connect to {url}: {kind}", url=self.base_url, kind=type(exc).__name__
                )
                self._debug(f"{what}: {problem}")
            except httpx.TransportError as exc:
                problem = Phrase("no answer from Wish ({kind})", kind=type(exc).__name__)
                self._debug(f"{what}: {problem}")
                if not repeatable:
                    raise self._error(
                        AmbiguousError, Phrase("{what}: {problem}", what=what, problem=problem)
                    ) from None
            else:
                request_id = self._request_id(resp)
                self._debug(
                    f"{what} -> HTTP {resp.status_code} (Wish-Request-Id: {request_id or '-'})"
                )
                if resp.status_code == 429:
                    waits += 1
                    seconds, read = self._rate_limit_wait(resp, waits)
                    unread_wait += 0.0 if read else seconds
                    if waits > MAX_RATE_LIMIT_WAITS or unread_wait > self.max_wait:
                        still = Phrase(
                            "{what}: still rate limited by Wish after {waits} waits "
                            "(Wish-Request-Id: {request})",
                            what=what,
                            waits=waits - 1,
                            request=request_id or "-",
                        )
                        raise self._error(NetworkError, still, request_id=request_id)
                    self.gate.rate_limited(functools.partial(self._wait, seconds))
                    continue
                if resp.status_code >= 500:
                    problem = Phrase("HTTP {http} from Wish", http=resp.status_code)
                    text = self._error_text(what, resp, request_id)
                    if not repeatable and resp.status_code != 503:
                        raise self._error(AmbiguousError, text, request_id=request_id)
                    if failures >= self.max_retries:
                        gave_up = Phrase(
                            "{error}; gave up after {attempts} attempts",
                            error=text,
                            attempts=failures + 1,
                        )
                        raise self._error(NetworkError, gave_up, whole=False, request_id=request_id)
                else:
                    try:
                        return self._decode(what, resp, request_id)
                    except AuthError as exc:
                        # Wish did not act on a request whose token it refused: after a
                        # renewal (once a session) the same request is safe to send again.
                        if authorized and exc.renewable and self.tokens.renew(self, token):
                            continue
                        raise
            if failures >= self.max_retries:
                gave_up = Phrase(
                    "{what}: {problem}; gave up after {attempts} attempts",
                    what=what,
                    problem=problem,
                    attempts=failures + 1,
                )
                raise self._error(NetworkError, gave_up)
            self._wait(self._backoff(failures))
            failures += 1

    def _rate_limit_wait(self, resp: httpx.Response, waits: int) -> tuple[float, bool]:
        """(seconds to wait, whether ``Wish-Rate-Limit-Reset`` said so)."""
        reset = resp.headers.get("Wish-Rate-Limit-Reset")
        seconds = parse_reset(reset, self._now()) if reset else None
        read = seconds is not None
        if seconds is None:
            seconds = self._backoff(waits - 1)
        return min(self.max_wait, max(1.0, seconds)), read

    def _envelope(self, resp: httpx.Response) -> Mapping[str, Any] | None:
        """The response's JSON; a value nested too deeply costs only the record holding it
        (``fields.loads``), not the whole page."""
        from wishdesk.domain.fields import loads

        try:
            doc = loads(resp.content)
        except (ValueError, UnicodeDecodeError):
            return None
        return doc if isinstance(doc, Mapping) else None

    def _error(self, kind: type[E], text: Phrase, *, whole: bool = True, **options: Any) -> E:
        return redacted_error(kind, text, self.redact, whole=whole, **options)

    def _error_text(self, what: str, resp: httpx.Response, request_id: str | None) -> Phrase:
        return http_error_text(what, resp.status_code, self._envelope(resp), request_id)

    def _decode(self, what: str, resp: httpx.Response, request_id: str | None) -> Response:
        doc = self._envelope(resp)
        status = resp.status_code
        code = doc.get("code") if doc is not None else None
        if status < 300 and doc is not None and code in (0, None):
            return Response(status=status, data=doc.get("data"), request_id=request_id)
        api_message = doc.get("message") if doc is not None else None
        api_message = self.redact(api_message) if isinstance(api_message, str) else ""
        code = code if isinstance(code, int) else None
        rid = request_id or "-"
        if status >= 300:
            text = self._error_text(what, resp, request_id)
        elif doc is not None:
            text = Phrase(
                "{what}: Wish returned an error (code {wish_code}): {said} "
                "(Wish-Request-Id: {request})",
                what=what,
                wish_code=code,
                said=api_message,
                request=rid,
            )
        else:
            text = Phrase(
                "{what}: HTTP {http} but not a JSON envelope (Wish-Request-Id: {request})",
                what=what,
                http=status,
                request=rid,
            )
        details: dict[str, Any] = {"status": status, "code": code, "api_message": api_message}
        if not refused_token(status, code):
            raise self._error(ApiError, text, request_id=request_id, **details)
        scope = status == 403 and code not in TOKEN_CODES
        hint = (
            Phrase("the token lacks a scope (tickets:read, tickets:write, orders:read)")
            if scope
            else self.tokens.hint
        )
        refused = Phrase("Wish refused the token: {text}; {hint}", text=text, hint=hint)
        raise self._error(
            AuthError, refused, whole=False, renewable=not scope, request_id=request_id, **details
        )

    # Endpoints ---------------------------------------------------------------------------
    def list_tickets(
        self,
        *,
        limit: int,
        updated_at_min: str | None = None,
        updated_at_max: str | None = None,
        states: tuple[str, ...] = (),
        types: tuple[str, ...] = (),
        newest_first: bool = False,
    ) -> tuple[list[Any], str | None]:
        sort = "updated_at.desc" if newest_first else "updated_at.asc"
        params: dict[str, Any] = {"limit": limit, "sort_by": sort}
        if updated_at_min is not None:
            params["updated_at_min"] = updated_at_min
        if updated_at_max is not None:
            params["updated_at_max"] = updated_at_max
        # Arrays in the OpenAPI default style (form, exploded): states=A&states=B.
        if states:
            params["states"] = list(states)
        if types:
            params["types"] = list(types)
        resp = self.request("GET", "/api/v3/tickets", params=params)
        data = resp.data
        if data is None:
            return [], resp.request_id
        if not isinstance(data, list):
            raise ApiError(
                "GET /api/v3/tickets: Wish returned something other than a list "
                "(Wish-Request-Id: {request})",
                request=resp.request_id or "-",
                request_id=resp.request_id,
            )
        return data, resp.request_id

    def get_ticket(self, ticket_id: str) -> Response:
        return self.request("GET", f"/api/v3/tickets/{ticket_id}")

    def get_order(self, order_id: str) -> Response:
        return self.request("GET", f"/api/v3/orders/{order_id}")

    def post_reply(self, ticket_id: str, message: str) -> Response:
        return self.request(
            "POST", f"/api/v3/tickets/{ticket_id}/replies", body={"message": message}
        )

    def set_state(self, ticket_id: str, state: str) -> Response:
        return self.request("PUT", f"/api/v3/tickets/{ticket_id}", body={"state": state})

    def fetch_file(self, url: str, max_bytes: int) -> FileAnswer:
        """A file outside the API (a buyer photo's link): never sent the token, redirects
        followed, at most ``max_bytes`` read. Network trouble is an answer, not an error."""
        import httpx

        try:
            with self.gate.slot(), self._http.stream("GET", url, follow_redirects=True) as resp:
                self._debug(f"GET (photo link) -> HTTP {resp.status_code}")
                kind = resp.headers.get("Content-Type", "")
                declared = resp.headers.get("Content-Length", "")
                if resp.status_code != 200 or (declared.isdigit() and int(declared) > max_bytes):
                    return FileAnswer(resp.status_code, kind, None, too_big=resp.status_code == 200)
                content = bytearray()
                for chunk in resp.iter_bytes():
                    content += chunk
                    if len(content) > max_bytes:
                        return FileAnswer(resp.status_code, kind, None, too_big=True)
                return FileAnswer(resp.status_code, kind, bytes(content))
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            return FileAnswer(0, "", None, problem=type(exc).__name__)
