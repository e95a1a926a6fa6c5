"""The client's requests and its reading of answers, through a mock transport.

What the real server does is covered by `test_integration`; here are the
requests the client builds and the answers a real server cannot be made to
give.
"""

import gzip
import importlib.util
import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from orderdesk.api import (
    ClientClosed,
    DeadlineExceeded,
    ForeignOriginRefused,
    MalformedResponse,
    ResponseTooLarge,
    ShopClient,
)
from orderdesk.models import Order, PaymentUpdate

from .support import TOKEN, MakeClient

ORDER_JSON = {"Content-Type": "application/json"}


class Recorder:
    """A mock handler that records requests and answers from a queue."""

    def __init__(self, *answers: httpx.Response) -> None:
        self.requests: list[httpx.Request] = []
        self._answers = list(answers)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self._answers.pop(0) if len(self._answers) > 1 else self._answers[0]

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]


def test_seed_example_is_read_through_the_client(
    mock_client: MakeClient, example_bytes: bytes
) -> None:
    recorder = Recorder(httpx.Response(200, content=example_bytes, headers=ORDER_JSON))
    client = mock_client(recorder)

    order = client.get_order(2)

    assert recorder.last.method == "GET"
    assert recorder.last.url.path == "/api/orders/2"
    assert order == Order.model_validate_json(example_bytes)
    assert (order.total, order.amount_paid, order.amount_outstanding) == (
        75000,
        500000,
        -425000,
    )
    assert order.is_payable is True


def test_update_sends_only_the_set_fields_and_reads_the_answered_order(
    mock_client: MakeClient, example_bytes: bytes
) -> None:
    recorder = Recorder(httpx.Response(200, content=example_bytes, headers=ORDER_JSON))
    client = mock_client(recorder)

    order = client.update_payment(2, 2, PaymentUpdate(approved=True, notes=""))

    request = recorder.last
    assert request.method == "PATCH"
    assert request.url.path == "/api/orders/2/payments/2"
    assert request.headers["Content-Type"] == "application/json"
    assert json.loads(request.content) == {"approved": True, "notes": ""}
    assert order.id == 2


def test_every_request_carries_the_token_and_accepts_json(
    mock_client: MakeClient, example_bytes: bytes
) -> None:
    recorder = Recorder(httpx.Response(200, content=example_bytes, headers=ORDER_JSON))

    mock_client(recorder).get_order(2)

    headers = recorder.last.headers
    assert headers["Authorization"] == f"Token {TOKEN}"
    assert headers["Accept"] == "application/json"
    assert headers["Accept-Encoding"] == "gzip, deflate"


def test_language_is_sent_as_accept_language(example_bytes: bytes) -> None:
    recorder = Recorder(httpx.Response(200, content=example_bytes, headers=ORDER_JSON))
    transport = httpx.MockTransport(recorder)

    with ShopClient(
        "http://127.0.0.1:8000", TOKEN, transport=transport, language="fa"
    ) as client:
        client.get_order(2)

    assert recorder.last.headers["Accept-Language"] == "fa"


def test_base_path_prefix_is_kept(example_bytes: bytes) -> None:
    recorder = Recorder(httpx.Response(200, content=example_bytes, headers=ORDER_JSON))
    transport = httpx.MockTransport(recorder)

    with ShopClient(
        "http://127.0.0.1:8000/shop/", TOKEN, transport=transport
    ) as client:
        client.get_order(2)

    assert recorder.last.url.path == "/shop/api/orders/2"


EMPTY_PAGE: dict[str, Any] = {"count": 0, "next": None, "previous": None, "results": []}


@pytest.mark.parametrize(
    ("arguments", "params"),
    [
        ({}, {"page": "1"}),
        ({"page": 3, "page_size": 10}, {"page": "3", "page_size": "10"}),
        ({"search": "  قربانی "}, {"page": "1", "search": "قربانی"}),
        ({"search": "   "}, {"page": "1"}),
        ({"status": "shipped"}, {"page": "1", "status": "shipped"}),
        ({"is_paid": True}, {"page": "1", "is_paid": "true"}),
        ({"is_paid": False}, {"page": "1", "is_paid": "false"}),
    ],
)
def test_list_orders_sends_its_filters(
    mock_client: MakeClient, arguments: dict[str, Any], params: dict[str, str]
) -> None:
    recorder = Recorder(httpx.Response(200, json=EMPTY_PAGE))

    page = mock_client(recorder).list_orders(**arguments)

    assert recorder.last.url.path == "/api/orders/"
    assert dict(recorder.last.url.params) == params
    assert page.count == 0
    assert not page.has_next


def test_list_orders_reads_a_page(
    mock_client: MakeClient, example_bytes: bytes
) -> None:
    page_data = {
        "count": 30,
        "next": "http://127.0.0.1:8000/api/orders/?page=2",
        "previous": None,
        "results": [json.loads(example_bytes)],
    }
    recorder = Recorder(httpx.Response(200, json=page_data))

    page = mock_client(recorder).list_orders()

    assert page.count == 30
    assert page.has_next
    assert [summary.id for summary in page.results] == [2]


@pytest.mark.parametrize("bad", [True, 0, -1, "1", 1.0, None])
def test_ids_and_pages_must_be_positive_integers(
    mock_client: MakeClient, bad: Any
) -> None:
    recorder = Recorder(httpx.Response(200, json={}))
    client = mock_client(recorder)

    with pytest.raises(ValueError, match="order_id"):
        client.get_order(bad)
    with pytest.raises(ValueError, match="payment_id"):
        client.update_payment(1, bad, PaymentUpdate(notes=""))
    with pytest.raises(ValueError, match="page_size"):
        client.list_orders(page_size=bad if bad is not None else 0)

    assert recorder.requests == []


METHOD = {"id": 1, "name": "پرداخت در محل", "image": None}


def test_payment_methods_as_a_plain_list(mock_client: MakeClient) -> None:
    recorder = Recorder(httpx.Response(200, json=[METHOD, {**METHOD, "id": 2}]))

    methods = mock_client(recorder).list_payment_methods()

    assert recorder.last.url.path == "/api/payment-methods/"
    assert [method.id for method in methods] == [1, 2]


def test_payment_methods_from_every_page(mock_client: MakeClient) -> None:
    recorder = Recorder(
        httpx.Response(200, json={"count": 2, "next": "?page=2", "results": [METHOD]}),
        httpx.Response(
            200, json={"count": 2, "next": None, "results": [{**METHOD, "id": 2}]}
        ),
    )

    methods = mock_client(recorder).list_payment_methods()

    assert [method.id for method in methods] == [1, 2]
    assert [dict(r.url.params) for r in recorder.requests] == [{}, {"page": "2"}]


@pytest.mark.parametrize(
    "answer",
    [
        {"methods": [METHOD]},
        "cash",
        [{"name": "no id"}],
        {"count": 1, "next": "?page=2", "results": [METHOD]},
    ],
    ids=["no results", "a string", "invalid method", "pages never end"],
)
def test_unreadable_payment_methods_are_malformed(
    mock_client: MakeClient, answer: Any
) -> None:
    client = mock_client(Recorder(httpx.Response(200, json=answer)))

    with pytest.raises(MalformedResponse):
        client.list_payment_methods()


UNREADABLE = {
    "HTML 200": (b"<html><body>Login</body></html>", "text/html; charset=utf-8"),
    "plain text": (b"ok", "text/plain"),
    "invalid JSON": (b'{"id": 2,', "application/json"),
    "deep nesting": (b"[" * 100_000 + b"]" * 100_000, "application/json"),
    "not an order": (b'{"id": 2, "total": "many"}', "application/json"),
    "a list": (b"[]", "application/json"),
}


@pytest.mark.parametrize(
    ("body", "content_type"), UNREADABLE.values(), ids=UNREADABLE.keys()
)
@pytest.mark.parametrize("write", [False, True], ids=["GET", "PATCH"])
def test_unreadable_success_is_malformed(
    mock_client: MakeClient, body: bytes, content_type: str, write: bool
) -> None:
    answer = httpx.Response(200, content=body, headers={"Content-Type": content_type})
    client = mock_client(Recorder(answer))

    call: Callable[[], object] = (
        (lambda: client.update_payment(2, 2, PaymentUpdate(notes="x")))
        if write
        else (lambda: client.get_order(2))
    )

    with pytest.raises(MalformedResponse) as caught:
        call()

    # A PATCH answered 200 was saved, but what it saved cannot be shown.
    assert caught.value.unknown_outcome is write
    assert caught.value.status_code == 200


def test_invalid_document_message_names_fields_not_values(
    mock_client: MakeClient,
) -> None:
    body = {"id": 2, "total": "بهروز قربانی", "amount_paid": 0}
    client = mock_client(Recorder(httpx.Response(200, json=body)))

    with pytest.raises(MalformedResponse) as caught:
        client.get_order(2)

    assert "total" in caught.value.message
    assert "بهروز" not in str(caught.value)
    assert caught.value.__cause__ is None


def test_payments_of_an_order_are_read_alone(
    mock_client: MakeClient, example_bytes: bytes
) -> None:
    recorder = Recorder(httpx.Response(200, content=example_bytes, headers=ORDER_JSON))
    client = mock_client(recorder)

    read = client.get_order_payments(2)

    assert recorder.last.method == "GET"
    assert recorder.last.url.path == "/api/orders/2"
    assert read.id == 2
    assert read.payments == Order.model_validate_json(example_bytes).payments
    first = read.payments[0]
    assert read.payment(first.id) == first
    assert read.payment(987654) is None
    # Nothing but the payments is kept.
    assert not read.model_extra


UNREADABLE_PAYMENTS = {
    **{name: UNREADABLE[name] for name in ("HTML 200", "plain text", "a list")},
    "invalid JSON": (b'{"id": 2,', "application/json"),
    "empty": (b"", "application/json"),
    "deep nesting": (b"[" * 100_000 + b"]" * 100_000, "application/json"),
    "not payments": (b'{"id": 2, "payments": "many"}', "application/json"),
}


@pytest.mark.parametrize(
    ("body", "content_type"),
    UNREADABLE_PAYMENTS.values(),
    ids=UNREADABLE_PAYMENTS.keys(),
)
def test_unreadable_payments_are_malformed(
    mock_client: MakeClient, body: bytes, content_type: str
) -> None:
    answer = httpx.Response(200, content=body, headers={"Content-Type": content_type})
    client = mock_client(Recorder(answer))

    with pytest.raises(MalformedResponse) as caught:
        client.get_order_payments(2)

    assert caught.value.status_code == 200
    assert not caught.value.unknown_outcome
    assert caught.value.__cause__ is None


def test_invalid_json_is_named_so_when_reading_payments(
    mock_client: MakeClient,
) -> None:
    answer = httpx.Response(200, content=b'{"id": 2,', headers=ORDER_JSON)
    client = mock_client(Recorder(answer))

    with pytest.raises(MalformedResponse, match="not valid JSON"):
        client.get_order_payments(2)


def _chunks(size: int, chunk: int = 65536) -> Iterator[bytes]:
    for _ in range(size // chunk):
        yield b" " * chunk


OVERSIZED: dict[str, Callable[[], httpx.Response]] = {
    "announced": lambda: httpx.Response(200, content=b" " * 2048, headers=ORDER_JSON),
    "streamed": lambda: httpx.Response(
        200, content=_chunks(4 * 65536), headers=ORDER_JSON
    ),
    # Passed as a stream so that the client, not the test, decompresses it.
    "gzip bomb": lambda: httpx.Response(
        200,
        content=iter([gzip.compress(b" " * 10_000_000)]),
        headers={**ORDER_JSON, "Content-Encoding": "gzip"},
    ),
}


@pytest.mark.parametrize("answer", OVERSIZED.values(), ids=OVERSIZED.keys())
def test_answers_over_the_size_cap_are_refused(
    mock_client: MakeClient, answer: Callable[[], httpx.Response]
) -> None:
    client = mock_client(Recorder(answer()), max_response_bytes=1024)

    with pytest.raises(ResponseTooLarge):
        client.get_order(2)


def test_compressed_answer_is_read(
    mock_client: MakeClient, example_bytes: bytes
) -> None:
    answer = httpx.Response(
        200,
        content=iter([gzip.compress(example_bytes)]),
        headers={**ORDER_JSON, "Content-Encoding": "gzip"},
    )

    order = mock_client(Recorder(answer)).get_order(2)

    assert order.id == 2


def test_corrupt_compression_is_malformed(mock_client: MakeClient) -> None:
    answer = httpx.Response(
        200,
        content=iter([b"not gzip"]),
        headers={**ORDER_JSON, "Content-Encoding": "gzip"},
    )

    with pytest.raises(MalformedResponse):
        mock_client(Recorder(answer)).get_order(2)


def test_deadline_is_checked_between_chunks(
    mock_client: MakeClient, example_bytes: bytes
) -> None:
    # A transport that never blocks is bounded only by the reader's check.
    answer = httpx.Response(200, content=iter([example_bytes]), headers=ORDER_JSON)
    client = mock_client(Recorder(answer), timeout=1e-9)

    with pytest.raises(DeadlineExceeded):
        client.get_order(2)


JPEG = b"\xff\xd8\xff\xe0" + b"\0" * 100


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/media/a.jpg",
        "HTTP://127.0.0.1:8000/media/a.jpg",
        "/media/a.jpg",
        "media/a.jpg",
    ],
)
def test_fetch_image_from_the_own_origin(mock_client: MakeClient, url: str) -> None:
    recorder = Recorder(
        httpx.Response(200, content=JPEG, headers={"Content-Type": "image/jpeg"})
    )

    data = mock_client(recorder).fetch_image(url)

    assert data == JPEG
    assert recorder.last.url.path == "/media/a.jpg"
    assert recorder.last.headers["Authorization"] == f"Token {TOKEN}"
    assert recorder.last.headers["Accept"] == "image/*"


@pytest.mark.parametrize(
    "url",
    [
        "http://evil.example/media/a.jpg",
        "http://127.0.0.1:8001/media/a.jpg",
        "https://127.0.0.1:8000/media/a.jpg",
        "http://localhost:8000/media/a.jpg",
        "//evil.example/a.jpg",
        "file:///etc/passwd",
        "data:image/png;base64,AAAA",
        "javascript:alert(1)",
        "ftp://127.0.0.1:8000/a.jpg",
    ],
)
def test_fetch_image_refuses_other_origins(mock_client: MakeClient, url: str) -> None:
    recorder = Recorder(httpx.Response(200, content=JPEG))
    client = mock_client(recorder)

    with pytest.raises(ForeignOriginRefused):
        client.fetch_image(url)

    assert recorder.requests == []


@pytest.mark.parametrize(
    ("answer", "error"),
    [
        (
            httpx.Response(
                200, content=b"<html>", headers={"Content-Type": "text/html"}
            ),
            MalformedResponse,
        ),
        (
            httpx.Response(200, content=JPEG, headers={"Content-Type": "image/jpeg"}),
            ResponseTooLarge,
        ),
    ],
    ids=["web page", "too large"],
)
def test_fetch_image_refuses_what_is_not_a_small_image(
    mock_client: MakeClient, answer: httpx.Response, error: type[Exception]
) -> None:
    client = mock_client(Recorder(answer))

    with pytest.raises(error):
        client.fetch_image("/media/a.jpg", max_bytes=10)


def test_closed_client_refuses_calls(mock_client: MakeClient) -> None:
    client = mock_client(Recorder(httpx.Response(200, json=EMPTY_PAGE)))
    with client:
        client.list_orders()

    with pytest.raises(ClientClosed):
        client.list_orders()


def test_repr_names_the_server_only() -> None:
    with ShopClient("http://127.0.0.1:8000/", TOKEN) as client:
        assert repr(client) == "ShopClient('http://127.0.0.1:8000')"
        assert client.base_url == "http://127.0.0.1:8000"
        assert str(client.origin) == "http://127.0.0.1:8000"


def test_the_api_does_not_load_the_httpx_command_line() -> None:
    # click is installed here (Schemathesis needs it), so httpx would import
    # its command-line client, rich and pygments with it, unless turned off.
    code = (
        "import sys, orderdesk.api, httpx; "
        "print(sorted({'click', 'rich', 'pygments'} & set(sys.modules)))"
    )
    finished = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )

    assert importlib.util.find_spec("click") is not None
    assert finished.stdout.strip() == "[]"
    assert callable(httpx.main)
