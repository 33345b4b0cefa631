"""``wishdesk auth``: a private app's tokens, kept where ``sync`` finds them, renewed in time.

The tokens live in ``<config dir>/credentials.json`` (mode 0600 in a 0700 directory; never in
the store, never printed): the base URL they are for, the app's client id, client secret and
redirect URI, the access and refresh tokens, their expiry, merchant id and scopes. Wish's
refresh revokes the old tokens, so a renewed pair is written (a temporary file, fsynced,
renamed over the old one) before it is used, under a lock that keeps two processes from
renewing at once: the second one takes the pair the first one wrote.

The code exchange uses the POST form the reference documents (the secret stays out of
URLs); the refresh has only a GET form, whose query no log line or error ever shows.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlencode, urlsplit

from wishdesk import clock
from wishdesk.errors import Phrase, UsageError
from wishdesk.services.sync.errors import ApiError, AuthError

if TYPE_CHECKING:
    from wishdesk.services.sync.client import WishClient
    from wishdesk.services.sync.token import TokenSource

CREDENTIALS = "credentials.json"
RENEW_BEFORE = timedelta(days=1)  # sync renews a token that expires sooner than this


class CredentialsError(AuthError):
    """No usable credentials, or Wish would not issue or renew the tokens (an auth failure:
    outbox items stay queued)."""

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message, renewable=False, **params)


@dataclass(frozen=True)
class Login:
    base_url: str
    client_id: str
    redirect_uri: str
    client_secret: str = field(repr=False)
    access_token: str = field(repr=False)
    refresh_token: str = field(repr=False)
    expiry_time: str | None = None  # UTC ISO
    merchant_id: str | None = None
    scopes: tuple[str, ...] = ()

    def secrets(self) -> tuple[str, ...]:
        return (self.client_secret, self.access_token, self.refresh_token)

    def relogin(self) -> Phrase:
        return Phrase(
            "run `wishdesk auth login --client-id {client_id} --redirect-uri {redirect_uri}` again",
            client_id=self.client_id,
            redirect_uri=self.redirect_uri,
        )

    def status(self) -> dict[str, Any]:
        """What ``auth status`` shows: nothing secret."""
        return {
            "base_url": self.base_url,
            "merchant_id": self.merchant_id,
            "client_id": self.client_id,
            "scopes": list(self.scopes),
            "expiry_time": self.expiry_time,
        }


def credentials_path() -> Path:
    from wishdesk.store.location import data_dir

    return data_dir() / CREDENTIALS


# The file --------------------------------------------------------------------------------
def load(path: Path | None = None) -> Login | None:
    """The stored login, or None when there is none; refuses a file others can read."""
    path = path or credentials_path()
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise CredentialsError(
            "cannot read {path}: {reason}", path=path, reason=exc.strerror or exc
        ) from None
    with os.fdopen(fd, encoding="utf-8") as f:
        if os.fstat(f.fileno()).st_mode & 0o077:
            raise CredentialsError(
                "{path} is readable by others: `chmod 600 {path}` first", path=path
            )
        try:
            doc = json.load(f)
            return Login(**{**doc, "scopes": tuple(doc.get("scopes") or ())})
        except (ValueError, TypeError):
            raise CredentialsError(
                "{path} is not a wishdesk credentials file: `wishdesk auth logout`, then log in",
                path=path,
            ) from None


def save(login: Login, path: Path | None = None) -> None:
    """Replace the file atomically: a reader sees the old pair or the new one, never half."""
    path = path or credentials_path()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".credentials.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            os.fchmod(f.fileno(), 0o600)
            json.dump({**asdict(login), "scopes": list(login.scopes)}, f, indent=2)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):  # the rename itself, durable
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def logout(path: Path | None = None) -> bool:
    """Delete the file; False when there was none."""
    try:
        (path or credentials_path()).unlink()
    except FileNotFoundError:
        return False
    return True


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """One renewal at a time across processes (an advisory lock beside the file)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd = os.open(path.with_name(path.name + ".lock"), os.O_CREAT | os.O_RDWR, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


# Wish's OAuth ----------------------------------------------------------------------------
def authorize_url(base_url: str, client_id: str) -> str:
    """Where the merchant grants the app access (in a browser); Wish then redirects to the
    app's redirect URI with ``?code=...``."""
    return f"{base_url.rstrip('/')}/v3/oauth/authorize?{urlencode({'client_id': client_id})}"


def _expiry(value: Any) -> str | None:
    """Wish's ``expiry_time`` (ISO-8601, or an epoch number) as the store's UTC form."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return clock.iso(datetime.fromtimestamp(value, clock.UTC))
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            return clock.iso(clock.parse_time(value))
    return None


def _issued(data: Any, base: Login) -> Login:
    """A login from Wish's ``AccessToken`` object."""
    if not isinstance(data, Mapping) or not all(
        isinstance(data.get(k), str) and data.get(k) for k in ("access_token", "refresh_token")
    ):
        raise CredentialsError("Wish's answer holds no access and refresh token")
    scopes = data.get("scopes")
    merchant = data.get("merchant_id")
    return replace(
        base,
        access_token=data["access_token"],
        refresh_token=data["refresh_token"],
        expiry_time=_expiry(data.get("expiry_time")),
        merchant_id=merchant if isinstance(merchant, str) else base.merchant_id,
        scopes=tuple(s for s in scopes if isinstance(s, str)) if isinstance(scopes, list) else (),
    )


def login(client: WishClient, app: Login, code: str) -> Login:
    """Exchange an authorization code for tokens (``/api/v3/oauth/access_token``) and keep
    them. ``app`` holds the base URL, client id, secret and redirect URI."""
    client.tokens.keep_secret(*app.secrets(), code)
    body = {
        "client_id": app.client_id,
        "client_secret": app.client_secret,
        "code": code,
        "grant_type": "authorization_code",
        "redirect_uri": app.redirect_uri,
    }
    try:
        resp = client.request("POST", "/api/v3/oauth/access_token", body=body, authorized=False)
    except ApiError as exc:
        raise CredentialsError(
            "Wish would not exchange the code: {reason}; check the client id, secret "
            "and redirect URI, and use a fresh code (a code works once, for a few "
            "minutes)",
            reason=_reason(exc),
        ) from None
    fresh = _issued(resp.data, app)
    save(fresh)
    return fresh


def _reason(exc: ApiError) -> str | ApiError:
    said = exc.api_message or exc
    return Phrase("code {wish_code}: {said}", wish_code=exc.code, said=said) if exc.code else said


def refresh(client: WishClient, current: Login) -> Login:
    """New tokens (``/api/v3/oauth/refresh_token``), written before they are used. When
    another process renewed meanwhile, its pair is taken as it is."""
    path = credentials_path()
    with _locked(path):
        stored = load(path)
        if stored is not None and stored.refresh_token != current.refresh_token:
            client.tokens.keep_secret(*stored.secrets())
            return stored
        params = {
            "client_id": current.client_id,
            "client_secret": current.client_secret,
            "refresh_token": current.refresh_token,
            "grant_type": "refresh_token",
        }
        try:
            resp = client.request(
                "GET", "/api/v3/oauth/refresh_token", params=params, authorized=False
            )
        except ApiError as exc:
            raise CredentialsError(
                "Wish would not renew the access token ({reason}): {fix}",
                reason=_reason(exc),
                fix=current.relogin(),
            ) from None
        fresh = _issued(resp.data, current)
        client.tokens.keep_secret(*fresh.secrets())
        save(fresh, path)
    return fresh


def needs_renewal(current: Login, now: datetime) -> bool:
    """Does the access token expire within ``RENEW_BEFORE``?"""
    if not current.expiry_time:
        return False
    try:
        return clock.parse_time(current.expiry_time) - now < RENEW_BEFORE
    except ValueError:
        return True


def token_source(current: Login) -> TokenSource:
    """The tokens of a login for a session: renewed through ``refresh`` when Wish refuses
    them, the login kept up to date for the next renewal."""
    from wishdesk.services.sync.token import TokenSource

    state = {"login": current}

    def renew(client: WishClient) -> str:
        state["login"] = refresh(client, state["login"])
        return state["login"].access_token

    return TokenSource(
        current.access_token,
        renew,
        secrets=current.secrets(),
        hint=Phrase("the access token was refused after a renewal: {fix}", fix=current.relogin()),
    )


def for_url(base_url: str) -> Login | None:
    """The stored login when it is for ``base_url`` (a token is never sent elsewhere)."""
    stored = load()
    if stored is None:
        return None
    if stored.base_url.rstrip("/") != base_url.rstrip("/"):
        raise UsageError(
            "the stored credentials are for {stored}, not {base_url}: `wishdesk auth "
            "login` with the same --base-url/--sandbox, or use WISH_ACCESS_TOKEN",
            stored=stored.base_url,
            base_url=base_url,
        )
    return stored


# The use cases of `wishdesk auth` ----------------------------------------------------------
def _session(base_url: str, log: Callable[[str], None] | None) -> WishClient:
    from wishdesk.services.sync.client import WishClient
    from wishdesk.services.sync.token import TokenSource

    return WishClient(TokenSource("", hint=Phrase("run `wishdesk auth login`")), base_url, log=log)


def code_from(text: str) -> str:
    """The authorization code, from the code itself or the whole redirect URL pasted."""
    text = text.strip()
    if "code=" in text:
        found = parse_qs(urlsplit(text).query or text.split("?", 1)[-1]).get("code")
        text = found[0].strip() if found else ""
    if not text or any(c.isspace() or not c.isprintable() for c in text):
        raise UsageError("no authorization code: paste the code= value of the redirect URL")
    return text


def sign_in(app: Login, code: str, log: Callable[[str], None] | None = None) -> Login:
    """``auth login``: exchange ``code`` for tokens at ``app.base_url`` and keep them."""
    if not app.client_secret.strip():
        raise UsageError("the client secret is empty")
    with _session(app.base_url, log) as client:
        return login(client, app, code_from(code))


def stored(base_url: str) -> Login:
    """The login for ``base_url``, or a one-line error saying how to make one."""
    found = for_url(base_url)
    if found is None:
        raise CredentialsError("not logged in: run `wishdesk auth login` (see docs/sync.md)")
    return found


def renew(base_url: str, log: Callable[[str], None] | None = None) -> Login:
    """``auth refresh``: new tokens now, whatever their expiry."""
    current = stored(base_url)
    with _session(base_url, log) as client:
        return refresh(client, current)
