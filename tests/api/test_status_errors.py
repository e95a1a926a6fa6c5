"""Every refusal of the server becomes the right exception, with its fields.

Answers come through `httpx.MockTransport`: only their shape matters here.
"""

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from orderdesk.api import (
    ApiError,
    AuthenticationFailed,
    NotFound,
    PermissionDenied,
    ServerError,
    Throttled,
    UnexpectedRedirect,
    UnexpectedStatus,
    ValidationFailed,
)
from orderdesk.api.status_errors import parse_retry_after
from orderdesk.models import PaymentUpdate

from .support import MakeClient

HTML = {"Content-Type": "text/html; charset=utf-8"}
JSON = {"Content-Type": "application/json"}


def respond(
    status: int, body: Any = None, *, headers: dict[str, str] | None = None
) -> httpx.Response:
    """An answer; `body` is JSON unless it is bytes."""
    if isinstance(body, bytes):
        return httpx.Response(status, content=body, headers=headers or HTML)
    if body is None:
        return httpx.Response(status, headers=headers)
    return httpx.Response(status, json=body, headers=headers)


def raised(
    mock_client: MakeClient, answer: httpx.Response, *, write: bool = False
) -> ApiError:
    """The exception a call answered with `answer` raises."""
    requests: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return answer

    client = mock_client(handler)
    call: Callable[[], object] = (
        (lambda: client.update_payment(1, 2, PaymentUpdate(amount=5)))
        if write
        else (lambda: client.get_order(1))
    )
    with pytest.raises(ApiError) as caught:
        call()

    # Nothing is ever retried or followed.
    assert len(requests) == 1
    return caught.value


STATUSES: dict[str, tuple[httpx.Response, type[ApiError], dict[str, Any]]] = {
    "401 JSON": (
        respond(
            401, {"detail": "Invalid token."}, headers={"WWW-Authenticate": "Token"}
        ),
        AuthenticationFailed,
        {"detail": "Invalid token."},
    ),
    "403 JSON": (
        respond(403, {"detail": "شما اجازه این کار را ندارید."}),
        PermissionDenied,
        {"detail": "شما اجازه این کار را ندارید."},
    ),
    "404 JSON": (
        respond(404, {"detail": "Not found."}),
        NotFound,
        {"endpoint_missing": False, "detail": "Not found."},
    ),
    "404 Django page": (
        respond(404, b"<h1>Not Found</h1><p>The requested resource was not found.</p>"),
        NotFound,
        {"endpoint_missing": True, "detail": None},
    ),
    "405": (
        respond(405, {"detail": 'Method "PUT" not allowed.'}),
        UnexpectedStatus,
        {},
    ),
    "406": (
        respond(406, {"detail": "Could not satisfy the request Accept header."}),
        UnexpectedStatus,
        {},
    ),
    "415": (
        respond(415, {"detail": 'Unsupported media type "text/plain".'}),
        UnexpectedStatus,
        {},
    ),
    "418 without body": (respond(418), UnexpectedStatus, {"detail": None}),
    "400 Django page (host not allowed)": (
        respond(400, b"<!doctype html><title>Bad Request (400)</title>"),
        UnexpectedStatus,
        {"detail": None},
    ),
    "429 seconds": (
        respond(
            429, {"detail": "Request was throttled."}, headers={"Retry-After": "7"}
        ),
        Throttled,
        {"retry_after": 7.0},
    ),
    "429 without Retry-After": (
        respond(429, {"detail": "Slow down."}),
        Throttled,
        {"retry_after": None},
    ),
    "500 Django page": (
        respond(500, b"<h1>Server Error (500)</h1>"),
        ServerError,
        {"detail": None},
    ),
    "502 text": (
        respond(502, b"Bad Gateway", headers={"Content-Type": "text/plain"}),
        ServerError,
        {},
    ),
    "503 JSON": (
        respond(503, {"detail": "Maintenance."}),
        ServerError,
        {"detail": "Maintenance."},
    ),
    "500 claiming JSON but not": (
        respond(500, b"<h1>oops", headers=JSON),
        ServerError,
        {"detail": None},
    ),
}


@pytest.mark.parametrize(
    ("answer", "error_type", "attributes"), STATUSES.values(), ids=STATUSES.keys()
)
def test_status_becomes_its_exception(
    mock_client: MakeClient,
    answer: httpx.Response,
    error_type: type[ApiError],
    attributes: dict[str, Any],
) -> None:
    error = raised(mock_client, answer)

    assert type(error) is error_type
    assert error.status_code == answer.status_code
    assert error.method == "GET"
    assert error.path == "/api/orders/1"
    for name, value in attributes.items():
        assert getattr(error, name) == value
    assert error.unknown_outcome is False


BAD_REQUESTS: dict[str, tuple[Any, dict[str, list[str]], list[str]]] = {
    "field list": (
        {"amount": ["A valid integer is required."]},
        {"amount": ["A valid integer is required."]},
        [],
    ),
    "field string": ({"amount": "Too big."}, {"amount": ["Too big."]}, []),
    "non_field_errors": ({"non_field_errors": ["Locked."]}, {}, ["Locked."]),
    "detail": (
        {"detail": "JSON parse error - Expecting value"},
        {},
        ["JSON parse error - Expecting value"],
    ),
    "nested": (
        {"payment_method": {"id": ["Unknown."]}},
        {"payment_method.id": ["Unknown."]},
        [],
    ),
    "list of objects": (
        {"items": [{}, {"amount": ["No."]}]},
        {"items.1.amount": ["No."]},
        [],
    ),
    "bare list": (["Payment is locked."], {}, ["Payment is locked."]),
}


@pytest.mark.parametrize(
    ("body", "field_errors", "non_field_errors"),
    BAD_REQUESTS.values(),
    ids=BAD_REQUESTS.keys(),
)
def test_bad_request_is_validation_failed_with_messages(
    mock_client: MakeClient,
    body: Any,
    field_errors: dict[str, list[str]],
    non_field_errors: list[str],
) -> None:
    error = raised(mock_client, respond(400, body), write=True)

    assert isinstance(error, ValidationFailed)
    assert error.status_code == 400
    assert error.field_errors == field_errors
    assert error.non_field_errors == non_field_errors
    # Refused before saving: the outcome is known.
    assert error.unknown_outcome is False


def test_validation_messages_for_a_field_include_nested_ones() -> None:
    error = ValidationFailed(
        "refused",
        field_errors={"items": ["a"], "items.0.amount": ["b"], "itemsx": ["c"]},
        non_field_errors=[],
    )

    assert error.messages_for("items") == ["a", "b"]


REDIRECTS = {
    "301 adding a slash": (301, "/api/orders/1/", "/api/orders/1/"),
    "302 absolute, same origin": (
        302,
        "http://127.0.0.1:8000/login/?next=/x",
        "/login/",
    ),
    "307 to https": (
        307,
        "https://127.0.0.1:8000/api/orders/1",
        "https://127.0.0.1:8000/api/orders/1",
    ),
    "308 elsewhere": (
        308,
        "https://evil.example/steal?token=1",
        "https://evil.example/steal",
    ),
}


@pytest.mark.parametrize(
    ("status", "location", "shown"), REDIRECTS.values(), ids=REDIRECTS.keys()
)
@pytest.mark.parametrize("write", [False, True], ids=["GET", "PATCH"])
def test_redirect_is_refused_and_named(
    mock_client: MakeClient, status: int, location: str, shown: str, write: bool
) -> None:
    error = raised(
        mock_client, respond(status, headers={"Location": location}), write=write
    )

    assert isinstance(error, UnexpectedRedirect)
    assert error.status_code == status
    assert error.location == shown
    assert shown in error.message
    assert "?" not in error.message
    assert error.unknown_outcome is False


def test_relative_redirect_is_resolved_against_the_request(
    mock_client: MakeClient,
) -> None:
    error = raised(mock_client, respond(301, headers={"Location": "1/"}))

    assert isinstance(error, UnexpectedRedirect)
    assert error.location == "/api/orders/1/"


def test_redirect_without_location(mock_client: MakeClient) -> None:
    error = raised(mock_client, respond(302))

    assert isinstance(error, UnexpectedRedirect)
    assert error.location is None


@pytest.mark.parametrize(
    ("status", "unknown_outcome"),
    [
        (500, True),
        (502, True),
        (503, True),
        (400, False),
        (403, False),
        (404, False),
        (429, False),
        (301, False),
    ],
)
def test_write_outcome_is_unknown_only_after_server_errors(
    mock_client: MakeClient, status: int, unknown_outcome: bool
) -> None:
    error = raised(mock_client, respond(status, {"detail": "x"}), write=True)

    assert error.method == "PATCH"
    assert error.unknown_outcome is unknown_outcome


NOW = datetime(2026, 12, 3, 12, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("120", 120.0),
        (" 1.5 ", 1.5),
        ("0", 0.0),
        ("Thu, 03 Dec 2026 12:00:30 GMT", 30.0),
        ("Thu, 03 Dec 2026 11:00:00 GMT", 0.0),
        ("-5", None),
        ("nan", None),
        ("inf", None),
        ("soon", None),
        ("", None),
        (None, None),
    ],
)
def test_retry_after_in_seconds_or_http_date(
    header: str | None, seconds: float | None
) -> None:
    assert parse_retry_after(header, now=NOW) == seconds
