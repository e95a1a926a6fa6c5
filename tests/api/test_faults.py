"""Network faults from a real socket server: resets, truncation, trickling.

Each test uses a short timeout so that a deadline that is not enforced shows
up as a slow test and a failed bound, not as a hang.
"""

import socket
import threading
import time
from collections.abc import Callable

import pytest

from orderdesk.api import (
    ApiError,
    ClientClosed,
    DeadlineExceeded,
    MalformedResponse,
    NetworkError,
    ServerError,
    ShopClient,
    UnexpectedRedirect,
)
from orderdesk.models import PaymentUpdate

from .support import TOKEN, Behaviour, StartServer, http_answer, reset, send, trickle

TIMEOUT = 0.5
SLACK = 0.5
"""How much later than the timeout a call may end: scheduling, not a read."""

Call = Callable[[ShopClient], object]


def _get(client: ShopClient) -> object:
    return client.get_order(1)


def _patch(client: ShopClient) -> object:
    return client.update_payment(1, 2, PaymentUpdate(notes="x"))


GET: Call = _get
PATCH: Call = _patch

DJANGO_500 = b"<!doctype html><html><body><h1>Server Error (500)</h1></body></html>"


def _reset_after_request(
    conn: socket.socket, request: bytes, stop: threading.Event
) -> None:
    reset(conn)


def _close_without_answer(
    conn: socket.socket, request: bytes, stop: threading.Event
) -> None:
    conn.shutdown(socket.SHUT_RDWR)


def _reset_mid_body(conn: socket.socket, request: bytes, stop: threading.Event) -> None:
    conn.sendall(http_answer(200, b'{"id": 1', length=1000))
    reset(conn)


def _trickled_body(conn: socket.socket, request: bytes, stop: threading.Event) -> None:
    conn.sendall(http_answer(200, b"", length=100_000))
    trickle(b" " * 100_000)(conn, request, stop)


def _silent(conn: socket.socket, request: bytes, stop: threading.Event) -> None:
    stop.wait()


def _call(url: str, call: Call) -> tuple[ApiError, float]:
    started = time.monotonic()
    with (
        ShopClient(url, TOKEN, timeout=TIMEOUT) as client,
        pytest.raises(ApiError) as caught,
    ):
        call(client)
    return caught.value, time.monotonic() - started


BROKEN = {
    "reset": _reset_after_request,
    "closed without answer": _close_without_answer,
    "truncated body": send(http_answer(200, b'{"id": 1, "tot', length=1000)),
    "reset mid-body": _reset_mid_body,
}


@pytest.mark.parametrize("behaviour", BROKEN.values(), ids=BROKEN.keys())
@pytest.mark.parametrize(
    ("call", "unknown_outcome"), [(GET, False), (PATCH, True)], ids=["GET", "PATCH"]
)
def test_broken_connection_is_network_error(
    fault_server: StartServer, behaviour: Behaviour, call: Call, unknown_outcome: bool
) -> None:
    server = fault_server(behaviour)

    error, _ = _call(server.url, call)

    assert type(error) is NetworkError
    assert error.status_code is None
    assert error.unknown_outcome is unknown_outcome
    assert error.__cause__ is not None


@pytest.mark.parametrize("call", [GET, PATCH], ids=["GET", "PATCH"])
def test_connection_refused_is_network_error_with_known_outcome(call: Call) -> None:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    # Nothing listens on the port any more.

    error, _ = _call(f"http://127.0.0.1:{port}", call)

    assert type(error) is NetworkError
    assert "connect" in error.message
    assert error.unknown_outcome is False


SLOW = {
    "silent": _silent,
    "trickled headers": trickle(http_answer(200, b"{}")),
    "trickled body": _trickled_body,
}


@pytest.mark.parametrize("behaviour", SLOW.values(), ids=SLOW.keys())
@pytest.mark.parametrize(
    ("call", "unknown_outcome"), [(GET, False), (PATCH, True)], ids=["GET", "PATCH"]
)
def test_slow_server_is_cut_off_at_the_deadline(
    fault_server: StartServer, behaviour: Behaviour, call: Call, unknown_outcome: bool
) -> None:
    server = fault_server(behaviour)

    error, elapsed = _call(server.url, call)

    assert isinstance(error, DeadlineExceeded)
    assert isinstance(error, NetworkError)
    assert error.unknown_outcome is unknown_outcome
    assert TIMEOUT * 0.8 <= elapsed < TIMEOUT + SLACK


def test_django_html_500_is_server_error_with_unknown_outcome(
    fault_server: StartServer,
) -> None:
    server = fault_server(send(http_answer(500, DJANGO_500, content_type="text/html")))

    error, _ = _call(server.url, PATCH)

    assert isinstance(error, ServerError)
    assert error.status_code == 500
    assert error.detail is None
    assert error.unknown_outcome is True


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b'{"id": 1,', "application/json"),
        (b"<html><body>Welcome to nginx</body></html>", "text/html"),
        (b"", "application/json"),
    ],
    ids=["cut JSON", "HTML 200", "empty"],
)
def test_unreadable_success_is_malformed_response(
    fault_server: StartServer, body: bytes, content_type: str
) -> None:
    server = fault_server(send(http_answer(200, body, content_type=content_type)))

    error, _ = _call(server.url, GET)

    assert isinstance(error, MalformedResponse)
    assert error.status_code == 200


def test_request_carries_token_and_documented_path(fault_server: StartServer) -> None:
    server = fault_server(send(http_answer(500, DJANGO_500, content_type="text/html")))

    _call(server.url, PATCH)

    request_line, _, rest = server.requests[0].partition(b"\r\n")
    assert request_line == b"PATCH /api/orders/1/payments/2 HTTP/1.1"
    assert f"Authorization: Token {TOKEN}".encode() in rest
    assert rest.endswith(b'{"notes":"x"}')


def _slow_for_order_1(
    conn: socket.socket, request: bytes, stop: threading.Event
) -> None:
    if request.startswith(b"GET /api/orders/1 "):
        stop.wait()
    else:
        conn.sendall(http_answer(500, DJANGO_500, content_type="text/html"))


def test_concurrent_calls_keep_their_own_deadlines(fault_server: StartServer) -> None:
    server = fault_server(_slow_for_order_1)
    outcomes: dict[str, type[ApiError]] = {}

    with ShopClient(server.url, TOKEN, timeout=TIMEOUT) as client:

        def slow() -> None:
            try:
                client.get_order(1)
            except ApiError as error:
                outcomes["slow"] = type(error)

        thread = threading.Thread(target=slow)
        started = time.monotonic()
        thread.start()
        # While one call waits on its silent server, others on the same
        # client and pool get their answers at once.
        for _ in range(5):
            with pytest.raises(ServerError):
                client.get_order(2)
        quick = time.monotonic() - started
        thread.join(timeout=TIMEOUT + SLACK)

    assert quick < TIMEOUT
    assert outcomes == {"slow": DeadlineExceeded}


def test_closing_the_client_ends_calls_in_flight(fault_server: StartServer) -> None:
    server = fault_server(_silent)
    client = ShopClient(server.url, TOKEN, timeout=TIMEOUT)
    outcome: list[ApiError] = []

    def call() -> None:
        try:
            client.get_order(1)
        except ApiError as error:
            outcome.append(error)

    thread = threading.Thread(target=call)
    thread.start()
    assert server.received.wait(TIMEOUT)
    started = time.monotonic()
    client.close()
    thread.join(timeout=TIMEOUT + SLACK)

    assert not thread.is_alive()
    assert [type(error) for error in outcome] == [ClientClosed]
    # The blocked read was woken, not left to run into its deadline.
    assert time.monotonic() - started < TIMEOUT / 2


def _redirect_to(location: str, status: int) -> Behaviour:
    head = (
        f"HTTP/1.1 {status} Moved\r\nLocation: {location}\r\n"
        "Content-Length: 0\r\nConnection: close\r\n\r\n"
    )
    return send(head.encode("ascii"))


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
@pytest.mark.parametrize("call", [GET, PATCH], ids=["GET", "PATCH"])
def test_redirect_to_another_origin_sends_nothing_there(
    fault_server: StartServer, status: int, call: Call
) -> None:
    elsewhere = fault_server(send(http_answer(200, b"{}")))
    server = fault_server(_redirect_to(f"{elsewhere.url}/api/orders/1", status))

    error, _ = _call(server.url, call)

    assert isinstance(error, UnexpectedRedirect)
    assert error.location == f"{elsewhere.url}/api/orders/1"
    assert error.unknown_outcome is False
    # Neither the token nor the body went anywhere but the server itself.
    assert len(server.requests) == 1
    assert elsewhere.requests == []
