"""The client against the real sandbox server: reads, writes and refusals.

Reads use the session's shared `sandbox`. Writes use `writable`, a server of
this module's own whose every test puts back what it changed, or
`fresh_sandbox` when a test needs the seeded state of a whole order.
"""

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic import PrivateAttr

from orderdesk.api import (
    AuthenticationFailed,
    NotFound,
    PermissionDenied,
    ShopClient,
    Throttled,
    UnexpectedRedirect,
    UnexpectedStatus,
    ValidationFailed,
    paths,
)
from orderdesk.api import client as client_module
from orderdesk.demo import SandboxInfo, SandboxServer
from orderdesk.models import (
    SLICED_FROM_BYTES,
    Order,
    OrderPayment,
    PaymentUpdate,
    balance_of,
    read_order_in_slices,
)

pytestmark = pytest.mark.integration

UNKNOWN_ID = 999_999


@pytest.fixture(scope="module")
def writable(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxInfo]:
    """A server for this module's writes; each test restores what it changed."""
    db = tmp_path_factory.mktemp("writable") / "shop.sqlite3"
    with SandboxServer(db) as server:
        assert server.info is not None
        yield server.info


def client_of(server: SandboxInfo, role: str = "cashier", **options: Any) -> ShopClient:
    return ShopClient(server.url, server.tokens[role], **options)


@pytest.fixture
def admin(sandbox: SandboxInfo) -> Iterator[ShopClient]:
    with client_of(sandbox, "admin") as client:
        yield client


@pytest.fixture
def cashier(writable: SandboxInfo) -> Iterator[ShopClient]:
    with client_of(writable) as client:
        yield client


@pytest.fixture(scope="module")
def all_orders(sandbox: SandboxInfo) -> list[Any]:
    """Every order summary of the shared server, page by page."""
    with client_of(sandbox, "admin") as client:
        first = client.list_orders(page_size=10)
        orders = list(first.results)
        page = 1
        while first.has_next:
            page += 1
            first = client.list_orders(page=page, page_size=10)
            orders += first.results
    return orders


def test_pages_cover_every_order_once(admin: ShopClient, all_orders: list[Any]) -> None:
    ids = [order.id for order in all_orders]

    assert len(ids) == admin.list_orders().count > 25
    assert len(set(ids)) == len(ids)


def test_default_page_and_page_size(admin: ShopClient) -> None:
    first = admin.list_orders()
    small = admin.list_orders(page=2, page_size=5)

    assert first.has_next
    assert len(first.results) == 25
    assert [order.id for order in small.results] == [
        order.id for order in first.results[5:10]
    ]


def test_page_past_the_end_is_not_found(admin: ShopClient) -> None:
    with pytest.raises(NotFound) as caught:
        admin.list_orders(page=UNKNOWN_ID)

    assert caught.value.endpoint_missing is False
    assert caught.value.detail


def test_search_by_customer_name_and_by_key(admin: ShopClient) -> None:
    order = admin.get_order(2)
    assert order.customer_data is not None

    by_name = admin.list_orders(search=order.customer_data.last_name, page_size=100)
    by_key = admin.list_orders(search=order.key)

    assert 2 in [summary.id for summary in by_name.results]
    assert [summary.id for summary in by_key.results] == [2]


@pytest.mark.parametrize("status", ["shipped", "pending", "on_hold"])
def test_status_filter(admin: ShopClient, status: str, all_orders: list[Any]) -> None:
    page = admin.list_orders(status=status, page_size=100)

    expected = sorted(o.id for o in all_orders if o.status == status)
    assert sorted(summary.id for summary in page.results) == expected
    assert expected


def test_paid_filter_splits_the_orders(
    admin: ShopClient, all_orders: list[Any]
) -> None:
    paid = admin.list_orders(is_paid=True, page_size=100)
    unpaid = admin.list_orders(is_paid=False, page_size=100)

    assert all(summary.is_paid for summary in paid.results)
    assert not any(summary.is_paid for summary in unpaid.results)
    assert paid.count + unpaid.count == len(all_orders)


def test_orders_read_and_balance(admin: ShopClient, all_orders: list[Any]) -> None:
    # The hand-written orders and a sample of the random ones.
    sample = [o for o in all_orders if o.id <= 8 or o.id % 4 == 0]

    for summary in sample:
        order = admin.get_order(summary.id)
        balance = balance_of(order.total, order.payments)

        assert order.amount_paid == balance.amount_paid, order.id
        assert order.amount_outstanding == order.total - order.amount_paid, order.id
        assert order.is_paid is balance.is_paid, order.id


def test_one_client_serves_many_threads(admin: ShopClient) -> None:
    ids = list(range(1, 17))

    with ThreadPoolExecutor(max_workers=8) as pool:
        orders = list(pool.map(admin.get_order, ids))

    assert [order.id for order in orders] == ids


def test_example_shaped_order(admin: ShopClient) -> None:
    order = admin.get_order(2)

    assert order.items == []
    assert order.billing_national_code is None
    assert order.amount_outstanding < 0
    assert [p.approved for p in order.payments] == [True, False]
    assert order.amount_paid == order.payments[0].amount


def test_unknown_order_is_not_found(admin: ShopClient) -> None:
    with pytest.raises(NotFound) as caught:
        admin.get_order(UNKNOWN_ID)

    assert caught.value.status_code == 404
    assert caught.value.endpoint_missing is False
    assert caught.value.path == f"/api/orders/{UNKNOWN_ID}"


def test_unknown_url_is_not_found_from_the_html_page(sandbox: SandboxInfo) -> None:
    with (
        ShopClient(sandbox.url + "/not-the-api", sandbox.tokens["admin"]) as client,
        pytest.raises(NotFound) as caught,
    ):
        client.get_order(1)

    assert caught.value.endpoint_missing is True
    assert caught.value.detail is None


def test_missing_trailing_slash_is_an_unfollowed_redirect(
    admin: ShopClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A deployment's paths are one line each; this one is deliberately wrong.
    monkeypatch.setattr(paths, "ORDERS", "/api/orders")

    with pytest.raises(UnexpectedRedirect) as caught:
        admin.list_orders(search="x")

    assert caught.value.status_code == 301
    assert caught.value.location == "/api/orders/"
    assert "/api/orders/" in caught.value.message


class _ForeignHost(httpx.BaseTransport):
    """A real network transport that presents another host name."""

    def __init__(self) -> None:
        self._inner = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.headers["Host"] = "shop.example.com"
        return self._inner.handle_request(request)

    def close(self) -> None:
        self._inner.close()


def test_host_not_allowed_is_a_clear_error(sandbox: SandboxInfo) -> None:
    with (
        client_of(sandbox, "admin", transport=_ForeignHost()) as client,
        pytest.raises(UnexpectedStatus) as caught,
    ):
        client.get_order(1)

    assert caught.value.status_code == 400
    assert "host" in caught.value.message


def test_api_refusing_an_image_accept_header_is_unexpected_status(
    admin: ShopClient,
) -> None:
    with pytest.raises(UnexpectedStatus) as caught:
        admin.fetch_image("/api/orders/1")

    assert caught.value.status_code == 406
    assert caught.value.detail


def test_payment_methods(admin: ShopClient) -> None:
    methods = admin.list_payment_methods()

    assert len(methods) >= 2
    assert len({method.id for method in methods}) == len(methods)
    assert all(method.name for method in methods)


def test_thumbnail_loads_from_the_server(admin: ShopClient) -> None:
    images = [m.image for m in admin.list_payment_methods() if m.image is not None]
    assert images

    url = images[-1].thumbnail_url(64)
    data = admin.fetch_image(url)

    assert data[:3] == b"\xff\xd8\xff" or data[:4] == b"\x89PNG"


@pytest.mark.parametrize("language", ["en", "fa"])
def test_bad_token_is_authentication_failed(
    sandbox: SandboxInfo, language: str
) -> None:
    token = "0" * 40
    with (
        ShopClient(sandbox.url, token, language=language) as client,
        pytest.raises(AuthenticationFailed) as caught,
    ):
        client.get_order(1)

    assert caught.value.status_code == 401
    assert caught.value.detail


# Writes.

CHANGES: dict[str, Any] = {
    "payment_method": lambda p: 3 if p.payment_method_id != 3 else 2,
    "amount": lambda p: p.amount + 12_345,
    "approved": lambda p: not p.approved,
    "transaction_id": lambda p: "TXN-UPDATED-789",
    "notes": lambda p: "پرداخت پس از بررسی تأیید شد",
}


class _RawUpdate(PaymentUpdate):
    """An update sent as given, past PaymentUpdate's checks, to hear the server."""

    _raw: dict[str, Any] = PrivateAttr(default_factory=dict)

    @classmethod
    def sending(cls, body: dict[str, Any]) -> "_RawUpdate":
        update = cls()
        update._raw = body
        return update

    def body(self) -> dict[str, Any]:
        return self._raw


def _value(payment: OrderPayment, field: str) -> Any:
    if field == "payment_method":
        return payment.payment_method_id
    return getattr(payment, field)


def _patched(client: ShopClient, order: Order, payment_id: int, **values: Any) -> Order:
    return client.update_payment(
        order.id, payment_id, PaymentUpdate.model_validate(values)
    )


@pytest.mark.parametrize("field", CHANGES)
def test_patch_changes_one_field(cashier: ShopClient, field: str) -> None:
    order = cashier.get_order(3)
    payment = order.payments[0]
    before = _value(payment, field)
    wanted = CHANGES[field](payment)

    try:
        answered = _patched(cashier, order, payment.id, **{field: wanted})

        changed = answered.payment(payment.id)
        assert changed is not None
        assert _value(changed, field) == wanted
        assert answered == cashier.get_order(3)
        others = [f for f in CHANGES if f != field]
        assert [_value(changed, f) for f in others] == [
            _value(payment, f) for f in others
        ]
    finally:
        restored = _patched(cashier, order, payment.id, **{field: before})

    back = restored.payment(payment.id)
    assert back is not None
    assert _value(back, field) == before


def test_notes_can_be_cleared(cashier: ShopClient) -> None:
    order = cashier.get_order(3)
    payment = order.payments[1]
    _patched(cashier, order, payment.id, notes="یادداشت موقت")

    try:
        answered = _patched(cashier, order, payment.id, notes="")
        cleared = answered.payment(payment.id)
        assert cleared is not None
        assert cleared.notes == ""
    finally:
        _patched(cashier, order, payment.id, notes=payment.notes)


def test_approving_the_open_payment_settles_order_1(fresh_sandbox: SandboxInfo) -> None:
    with client_of(fresh_sandbox) as client:
        order = client.get_order(1)
        open_payment = next(p for p in order.payments if not p.approved)
        assert order.amount_outstanding > 0
        assert not order.is_paid

        answered = _patched(client, order, open_payment.id, approved=True)

    approved = sum(p.amount for p in answered.payments if p.approved)
    assert answered.amount_paid == approved == order.amount_paid + open_payment.amount
    assert answered.amount_outstanding == answered.total - answered.amount_paid == 0
    assert answered.is_paid


@pytest.mark.parametrize("language", ["en", "fa"])
@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({"amount": -5}, {"amount"}),
        ({"amount": "12"}, {"amount"}),
        ({"amount": 1.5}, {"amount"}),
        ({"payment_method": UNKNOWN_ID}, {"payment_method"}),
        ({"approved": "maybe"}, {"approved"}),
        ({"amount": -1, "payment_method": UNKNOWN_ID}, {"amount", "payment_method"}),
    ],
)
def test_refused_values_are_validation_failed_per_field(
    writable: SandboxInfo, body: dict[str, Any], fields: set[str], language: str
) -> None:
    update = _RawUpdate.sending(body)

    with client_of(writable, language=language) as client:
        order = client.get_order(3)
        with pytest.raises(ValidationFailed) as caught:
            client.update_payment(3, order.payments[0].id, update)

    assert set(caught.value.field_errors) == fields
    assert all(caught.value.field_errors[field] for field in fields)
    assert caught.value.unknown_outcome is False


def test_clerk_may_not_change_payments(writable: SandboxInfo) -> None:
    with client_of(writable, "clerk") as clerk:
        order = clerk.get_order(3)
        with pytest.raises(PermissionDenied) as caught:
            _patched(clerk, order, order.payments[0].id, notes="x")

    assert caught.value.status_code == 403
    assert caught.value.unknown_outcome is False


def test_bad_token_cannot_change_payments(writable: SandboxInfo) -> None:
    with (
        ShopClient(writable.url, "0" * 40) as client,
        pytest.raises(AuthenticationFailed) as caught,
    ):
        client.update_payment(3, 1, PaymentUpdate(notes="x"))

    assert caught.value.unknown_outcome is False


def test_unknown_or_foreign_payment_is_not_found(cashier: ShopClient) -> None:
    other = cashier.get_order(2).payments[0]

    with pytest.raises(NotFound):
        cashier.update_payment(3, UNKNOWN_ID, PaymentUpdate(notes="x"))
    with pytest.raises(NotFound):
        cashier.update_payment(3, other.id, PaymentUpdate(notes="x"))


def test_throttled_server_says_when_to_retry(tmp_path: Path) -> None:
    with SandboxServer(tmp_path / "shop.sqlite3", ("--throttle", "2/min")) as server:
        assert server.info is not None
        with client_of(server.info, "clerk") as client:
            client.get_order(1)
            client.get_order(1)
            with pytest.raises(Throttled) as caught:
                client.get_order(1)

    assert caught.value.status_code == 429
    assert caught.value.retry_after is not None
    assert 0 < caught.value.retry_after <= 60


@pytest.fixture(scope="module")
def large_shop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxInfo]:
    """A server with one order large enough to be read in slices."""
    db = tmp_path_factory.mktemp("large") / "shop.sqlite3"
    with SandboxServer(db, ("--large-order", "1500", "60")) as server:
        assert server.info is not None
        yield server.info


def test_a_large_order_reads_and_saves_as_the_plain_parse_does(
    large_shop: SandboxInfo, monkeypatch: pytest.MonkeyPatch
) -> None:
    sliced_bodies: list[int] = []

    def counted(body: bytes) -> Order:
        sliced_bodies.append(len(body))
        return read_order_in_slices(body)

    monkeypatch.setattr(client_module, "read_order_in_slices", counted)
    order_id = int(str(large_shop.extra["large_order"]))
    token = large_shop.tokens["cashier"]
    path = paths.ORDER.format(order_id=order_id)
    bare = httpx.get(large_shop.url + path, headers={"Authorization": f"Token {token}"})
    assert len(bare.content) > SLICED_FROM_BYTES

    with client_of(large_shop) as client:
        order = client.get_order(order_id)
        assert order == Order.model_validate_json(bare.content)
        assert len(order.items) == 1500

        payment = order.payments[-1]
        saved = client.update_payment(
            order_id, payment.id, PaymentUpdate(notes="read in slices")
        )

    changed = saved.payment(payment.id)
    assert changed is not None
    assert changed.notes == "read in slices"
    assert saved.items == order.items
    assert len(sliced_bodies) == 2
    assert min(sliced_bodies) > SLICED_FROM_BYTES
