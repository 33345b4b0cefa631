"""Wish's own OpenAPI extract, as the test fake checks requests and responses against it.

``wish-v3-tickets-orders.json`` beside this module is a copy of
``shared/reference/wish-v3-tickets-orders.json`` (a test fails when the two differ). The
document is used as it is, with only what its own ``x-conventions`` say made explicit:

- ``info`` (the extract dropped it; the validator requires it);
- the envelope: every response is ``{code, message, data}`` and the response schemas
  describe ``data``; errors are ``APIError`` (``{code, message}``) at any status, so each
  operation also gets a ``default`` response of that shape;
- the OAuth operations (``/api/v3/oauth/access_token``, ``/refresh_token``, ``/test``), which
  the extract describes in ``x-conventions.auth`` and ``securitySchemes`` only; their
  parameters and the ``AccessToken`` object are transcribed from there and from
  reference/wish-api-v3.md.

``check_request`` returns what is wrong with a request: no such path or method, an unknown
query parameter (the document defines every name the API takes: ``states[]`` is not one),
a value of the wrong format or style, a body off its schema. ``check_response`` does the
same for what the fake answers. Validation is openapi-core's (a test dependency).
"""

from __future__ import annotations

import copy
import functools
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

SPEC_PATH = Path(__file__).with_name("wish-v3-tickets-orders.json")
SHARED_SPEC = Path(__file__).resolve().parents[2] / "shared" / "reference" / SPEC_PATH.name

_OBJECT_ID = re.compile(r"[0-9a-f]{24}")
_BCP47 = re.compile(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")
_ISO_3166 = re.compile(r"[A-Z]{2}")
_ISO_4217 = re.compile(r"[A-Z]{3}")


def _uri(value: Any) -> bool:
    parts = urlsplit(str(value))
    return bool(parts.scheme and parts.netloc)


FORMATS = {
    "object-id": lambda v: bool(_OBJECT_ID.fullmatch(str(v))),
    "BCP 47": lambda v: bool(_BCP47.fullmatch(str(v))),
    "iso-3166": lambda v: bool(_ISO_3166.fullmatch(str(v))),
    "iso-4217": lambda v: bool(_ISO_4217.fullmatch(str(v))),
    "uri": _uri,
}


def _envelope(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["code", "message"],
        "properties": {
            "code": {"type": "integer", "enum": [0]},
            "message": {"type": "string"},
            "data": data,
        },
    }


def _query(name: str, **schema: Any) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": True, "schema": {"type": "string", **schema}}


_JSON = "application/json"
_ERROR = {"$ref": "#/components/schemas/APIError"}
_ACCESS_TOKEN = {
    "type": "object",
    "properties": {
        "access_token": {"type": "string"},
        "refresh_token": {"type": "string"},
        "expiry_time": {"type": "string", "format": "date-time"},
        "merchant_id": {"type": "string", "format": "object-id"},
        "scopes": {"type": "array", "items": {"type": "string"}},
    },
}
_EXCHANGE = ("client_id", "client_secret", "code", "redirect_uri")


def _oauth_paths() -> dict[str, Any]:
    def token() -> dict[str, Any]:
        return {
            "200": {"description": "AccessToken", "content": {_JSON: {"schema": _ACCESS_TOKEN}}}
        }

    exchange = [*(_query(n) for n in _EXCHANGE), _query("grant_type", enum=["authorization_code"])]
    body = {
        "type": "object",
        "required": [*_EXCHANGE, "grant_type"],
        "properties": {
            **{n: {"type": "string"} for n in _EXCHANGE},
            "grant_type": {"type": "string", "enum": ["authorization_code"]},
        },
    }
    refresh = [
        *(_query(n) for n in ("client_id", "client_secret", "refresh_token")),
        _query("grant_type", enum=["refresh_token"]),
    ]
    test = {
        "type": "object",
        "properties": {"merchant_id": {"type": "string", "format": "object-id"}},
    }
    return {
        "/api/v3/oauth/access_token": {
            "get": {"operationId": "exchangeCode", "parameters": exchange, "responses": token()},
            "post": {
                "operationId": "exchangeCodePost",
                "requestBody": {"required": True, "content": {_JSON: {"schema": body}}},
                "responses": token(),
            },
        },
        "/api/v3/oauth/refresh_token": {
            "get": {"operationId": "refreshToken", "parameters": refresh, "responses": token()}
        },
        "/api/v3/oauth/test": {
            "get": {
                "operationId": "testToken",
                "responses": {"200": {"description": "ok", "content": {_JSON: {"schema": test}}}},
            }
        },
    }


def document() -> dict[str, Any]:
    """The extract with its conventions made explicit (see the module docstring)."""
    spec: dict[str, Any] = json.loads(SPEC_PATH.read_text(encoding="utf-8"))
    spec.setdefault("info", {"title": "Wish Marketplace V3 (extract)", "version": "3.0.65"})
    spec["paths"].update(copy.deepcopy(_oauth_paths()))
    for operations in spec["paths"].values():
        for operation in operations.values():
            responses = operation["responses"]
            for status, response in responses.items():
                media = response.get("content", {}).get(_JSON)
                if status.startswith("2") and media:
                    media["schema"] = _envelope(media["schema"])
            responses.setdefault(
                "default",
                {"description": "APIError", "content": {_JSON: {"schema": _ERROR}}},
            )
    return spec


@functools.cache
def api() -> Any:
    from openapi_core import Config, OpenAPI

    config = Config(extra_format_validators=FORMATS)
    return OpenAPI.from_dict(document(), config=config)


def _resolve(spec: dict[str, Any], item: dict[str, Any]) -> dict[str, Any]:
    ref = item.get("$ref")
    if not ref:
        return item
    node: Any = spec
    for part in ref.lstrip("#/").split("/"):
        node = node[part]
    return dict(node)


@functools.cache
def _query_names() -> dict[tuple[str, str], tuple[re.Pattern[str], frozenset[str]]]:
    """(template, method) -> (path pattern, the query parameter names it defines)."""
    spec = document()
    out = {}
    for template, operations in spec["paths"].items():
        pattern = re.compile("^" + re.sub(r"\{[^}]+\}", "[^/]+", template) + "$")
        for method, operation in operations.items():
            params = [_resolve(spec, p) for p in operation.get("parameters", [])]
            names = frozenset(p["name"] for p in params if p["in"] == "query")
            out[template, method] = (pattern, names)
    return out


class _Request:
    host_url = "https://merchant.wish.com"
    content_type = _JSON

    def __init__(
        self, method: str, path: str, query: list[tuple[str, str]], body: bytes | None
    ) -> None:
        from openapi_core.datatypes import RequestParameters
        from werkzeug.datastructures import Headers, ImmutableMultiDict

        self.method = method.lower()
        self.path = path
        self.body = body
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(query), header=Headers(), cookie=ImmutableMultiDict()
        )


class _Response:
    content_type = _JSON

    def __init__(self, status: int, body: bytes) -> None:
        from werkzeug.datastructures import Headers

        self.status_code = status
        self.data = body
        self.headers = Headers()


def _describe(error: BaseException) -> list[str]:
    """One line per thing wrong (a schema error names the value and the rule it breaks)."""
    cause = error.__cause__
    details = [str(e).split("\n", 1)[0] for e in getattr(cause, "schema_errors", ()) or ()]
    return details or [str(error).split("\n", 1)[0]]


def _unknown_names(method: str, path: str, query: list[tuple[str, str]]) -> list[str]:
    for (_, verb), (pattern, names) in _query_names().items():
        if verb == method.lower() and pattern.match(path):
            return sorted({name for name, _ in query} - names)
    return []


def check_request(
    method: str, path: str, query: list[tuple[str, str]], body: bytes | None
) -> list[str]:
    """What is wrong with this request by the document (empty: nothing)."""
    request = _Request(method, path, query, body)
    problems = [
        f"{method} {path}: query parameter {name!r} is not defined by the OpenAPI document"
        for name in _unknown_names(method, path, query)
    ]
    for error in api().iter_request_errors(request):
        problems += [f"{method} {path}: {line}" for line in _describe(error)]
    return problems


def check_response(
    method: str, path: str, query: list[tuple[str, str]], status: int, body: bytes
) -> list[str]:
    """What is wrong with a response the fake serves (empty: nothing)."""
    request = _Request(method, path, query, None)
    errors = api().iter_response_errors(request, _Response(status, body))
    return [f"{method} {path} -> HTTP {status}: {line}" for e in errors for line in _describe(e)]


def _quiet() -> None:
    """openapi-core warns once per request that it cannot check OAuth2 itself: the fake does."""
    import warnings

    warnings.filterwarnings("ignore", message="Unsupported scheme type")


_quiet()
