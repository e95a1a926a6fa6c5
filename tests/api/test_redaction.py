"""The token never reaches a log record, an exception message or a repr."""

import logging
import socket
import threading
from collections.abc import Callable

import httpx
import pytest

from orderdesk.api import (
    REDACTED,
    ApiError,
    RedactingFilter,
    ShopClient,
    quiet_http_loggers,
    redact,
    register_secret,
)
from orderdesk.api.redaction import forget_secret
from orderdesk.models import PaymentUpdate

from .support import TOKEN, StartServer, http_answer, reset

ANSWERS: dict[str, httpx.Response] = {
    "ok": httpx.Response(200, json={"count": 0, "results": []}),
    "401": httpx.Response(401, json={"detail": "Invalid token."}),
    "400": httpx.Response(400, json={"amount": [f"echo Token {TOKEN}"]}),
    "500 page": httpx.Response(500, content=b"<h1>Server Error</h1>"),
    "redirect": httpx.Response(301, headers={"Location": f"/login/?t={TOKEN}"}),
    "html 200": httpx.Response(
        200, content=b"<html>", headers={"Content-Type": "text/html"}
    ),
}


def _exercise(client: ShopClient) -> list[ApiError]:
    """Make every kind of call; return the errors they raised."""
    calls: list[Callable[[], object]] = [
        lambda: client.list_orders(search="بهروز", is_paid=True),
        lambda: client.get_order(2),
        lambda: client.update_payment(2, 1, PaymentUpdate(notes="secret note")),
        client.list_payment_methods,
        lambda: client.fetch_image("/media/a.jpg"),
        lambda: client.fetch_image("https://evil.example/a.jpg"),
    ]
    errors = []
    for call in calls:
        try:
            call()
        except ApiError as error:
            errors.append(error)
    return errors


def _assert_nothing_leaks(
    records: list[logging.LogRecord], errors: list[ApiError], client: ShopClient
) -> None:
    for record in records:
        assert TOKEN not in record.getMessage()
        assert "secret note" not in record.getMessage()
        assert "بهروز" not in record.getMessage() or record.name.startswith("httpx")
    for error in errors:
        assert TOKEN not in str(error)
        assert TOKEN not in repr(error)
        assert TOKEN not in (error.path or "")
    assert TOKEN not in repr(client)


@pytest.mark.parametrize("answer", ANSWERS.values(), ids=ANSWERS.keys())
def test_token_is_absent_from_logs_and_errors(
    caplog: pytest.LogCaptureFixture, answer: httpx.Response
) -> None:
    caplog.set_level(logging.DEBUG)
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return answer

    transport = httpx.MockTransport(handler)
    with ShopClient("http://127.0.0.1:8000", TOKEN, transport=transport) as client:
        errors = _exercise(client)

    # The token was really sent, so its absence below means something.
    assert all(r.headers["Authorization"] == f"Token {TOKEN}" for r in sent)
    assert caplog.records
    _assert_nothing_leaks(caplog.records, errors, client)


def test_token_is_absent_from_logs_of_network_failures(
    caplog: pytest.LogCaptureFixture, fault_server: StartServer
) -> None:
    caplog.set_level(logging.DEBUG)

    def behaviour(conn: socket.socket, request: bytes, stop: threading.Event) -> None:
        conn.sendall(http_answer(200, b'{"id"', length=100))
        reset(conn)

    server = fault_server(behaviour)
    with ShopClient(server.url, TOKEN, timeout=0.5) as client:
        errors = _exercise(client)

    assert errors
    assert any(record.levelno == logging.WARNING for record in caplog.records)
    _assert_nothing_leaks(caplog.records, errors, client)


def test_each_request_is_logged_with_method_path_status_and_time(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG, logger="orderdesk.api")
    transport = httpx.MockTransport(
        lambda request: httpx.Response(200, json={"count": 0})
    )

    with ShopClient("http://127.0.0.1:8000", TOKEN, transport=transport) as client:
        client.list_orders(search="بهروز")

    (record,) = [r for r in caplog.records if r.name == "orderdesk.api.client"]
    assert record.levelno == logging.INFO
    assert record.getMessage().startswith("GET /api/orders/ -> 200 in ")
    assert "بهروز" not in record.getMessage()


REDACTIONS = {
    "header line": (
        "Authorization: Token abcdef0123456789",
        f"Authorization: {REDACTED}",
    ),
    "dict repr": (
        "{'authorization': 'Token abcdef0123456789', 'accept': '*/*'}",
        f"{{'authorization': '{REDACTED}', 'accept': '*/*'}}",
    ),
    "bearer": ("sent Bearer abc.def-ghi_jkl", f"sent Bearer {REDACTED}"),
    "token pair": ("using Token 0123456789abcdef now", f"using Token {REDACTED} now"),
    "ordinary words": ("Token expired for order 12", "Token expired for order 12"),
    "nothing": ("GET /api/orders/ -> 200", "GET /api/orders/ -> 200"),
}


@pytest.mark.parametrize(("text", "masked"), REDACTIONS.values(), ids=REDACTIONS.keys())
def test_redact_masks_authorization_values(text: str, masked: str) -> None:
    assert redact(text) == masked


def test_registered_secret_is_masked_anywhere() -> None:
    secret = "bare-secret-value-42"
    register_secret(secret)
    try:
        assert redact(f"value={secret};") == f"value={REDACTED};"
    finally:
        forget_secret(secret)
    assert redact(secret) == secret


def test_short_strings_are_not_registered_as_secrets() -> None:
    register_secret("abc")

    assert redact("abc") == "abc"


def _record(
    message: str, *args: object, exc: BaseException | None = None
) -> logging.LogRecord:
    exc_info = (type(exc), exc, exc.__traceback__) if exc is not None else None
    return logging.LogRecord("x", logging.INFO, __file__, 1, message, args, exc_info)


def test_filter_masks_arguments_and_tracebacks() -> None:
    try:
        raise RuntimeError(f"header was Authorization: Token {TOKEN}")
    except RuntimeError as exc:
        record = _record("headers: %s", {"Authorization": f"Token {TOKEN}"}, exc=exc)

    assert RedactingFilter().filter(record) is True

    handler_output = logging.Formatter().format(record)
    assert TOKEN not in handler_output
    assert REDACTED in record.getMessage()
    assert record.exc_text is not None
    assert REDACTED in record.exc_text


def test_filter_leaves_clean_records_untouched() -> None:
    record = _record("GET %s -> %d", "/api/orders/1", 200)

    RedactingFilter().filter(record)

    assert record.msg == "GET %s -> %d"
    assert record.args == ("/api/orders/1", 200)


def test_http_library_loggers_are_quieted() -> None:
    saved = {name: logging.getLogger(name).level for name in ("httpx", "httpcore")}
    try:
        quiet_http_loggers()

        assert logging.getLogger("httpx").level == logging.WARNING
        assert logging.getLogger("httpcore").level == logging.WARNING
    finally:
        for name, level in saved.items():
            logging.getLogger(name).setLevel(level)
