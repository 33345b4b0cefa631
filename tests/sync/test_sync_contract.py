"""The fake speaks Wish's OpenAPI document: what it checks, and that its copy is current."""

from __future__ import annotations

import json

import wishspec


def test_the_vendored_extract_is_the_shared_one() -> None:
    if wishspec.SHARED_SPEC.exists():  # beside the repository (../shared), where it is kept
        shared = json.loads(wishspec.SHARED_SPEC.read_text(encoding="utf-8"))
        assert json.loads(wishspec.SPEC_PATH.read_text(encoding="utf-8")) == shared


def test_requests_off_the_document_are_caught() -> None:
    check = wishspec.check_request
    ok = [("states", "AWAITING_MERCHANT"), ("states", "CLOSED"), ("limit", "500")]
    assert check("GET", "/api/v3/tickets", ok, None) == []
    assert (
        "'states[]' is not defined" in check("GET", "/api/v3/tickets", [("states[]", "X")], None)[0]
    )
    assert check("GET", "/api/v3/tickets", [("states", "AWAITING_MERCHANT,CLOSED")], None)
    assert check("GET", "/api/v3/tickets", [("limit", "501")], None)
    assert check("GET", "/api/v3/tickets", [("updated_at_min", "yesterday")], None)
    assert check("GET", "/api/v3/orders/not-an-id", [], None)
    assert check("PUT", "/api/v3/tickets/5f0000000000000000000001", [], b'{"state": "OPEN"}')
    assert check("DELETE", "/api/v3/tickets/5f0000000000000000000001", [], None)
    assert check("GET", "/api/v3/oauth/refresh_token", [("client_id", "x")], None)


def test_responses_off_the_document_are_caught() -> None:
    path = "/api/v3/orders/a00000000000000000000001"
    good = {"code": 0, "message": "", "data": {"id": "a00000000000000000000001"}}
    assert wishspec.check_response("GET", path, [], 200, json.dumps(good).encode()) == []
    bad = {"code": 0, "message": "", "data": {"id": "a1", "state": "LOST"}}
    problems = wishspec.check_response("GET", path, [], 200, json.dumps(bad).encode())
    assert any("object-id" in p for p in problems) and any("'LOST'" in p for p in problems)
    error = {"code": 1007, "message": "access token expired"}
    assert wishspec.check_response("GET", path, [], 400, json.dumps(error).encode()) == []
