"""Order documents, the order list and payment methods, read over HTTP."""

from __future__ import annotations

import io
import re
from typing import Any

import httpx
import pytest
from PIL import Image

pytestmark = pytest.mark.integration

ITEM_KEYS = [
    "id",
    "product",
    "product_name",
    "product_data",
    "unit_price",
    "unit_discount",
    "quantity",
    "notes",
    "subtotal",
    "discount",
    "total",
    "created_at",
    "updated_at",
]
TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$")
PERSIAN = re.compile(r"[\u0600-\u06FF]")


def shape(value: Any) -> Any:
    """Keys in order and value types, recursively: the document's skeleton."""
    if isinstance(value, dict):
        return [(key, shape(item)) for key, item in value.items()]
    if isinstance(value, list):
        return [shape(item) for item in value]
    return type(value).__name__


@pytest.fixture(scope="module")
def admin(sandbox: Any) -> httpx.Client:
    return sandbox.client("admin")


@pytest.fixture(scope="module")
def all_orders(admin: httpx.Client) -> list[dict[str, Any]]:
    response = admin.get("/api/orders/", params={"page_size": 100})
    assert response.status_code == 200
    return response.json()["results"]


def test_order_2_has_exactly_the_shape_of_the_documented_example(
    admin: httpx.Client, example: dict[str, Any]
) -> None:
    order = admin.get("/api/orders/2").json()
    assert shape(order) == shape(example)
    assert (order["total"], order["amount_paid"]) == (75_000, 500_000)
    assert order["amount_outstanding"] == -425_000
    assert order["is_paid"] is True
    assert order["is_payable"] is True


def test_items_have_the_documented_keys(admin: httpx.Client) -> None:
    order = admin.get("/api/orders/1").json()
    assert len(order["items"]) >= 3
    for item in order["items"]:
        assert list(item) == ITEM_KEYS
        assert PERSIAN.search(item["product_name"])
        assert {"name", "sku", "price", "category", "image"} <= set(
            item["product_data"]
        )


def test_totals_follow_the_documented_arithmetic(
    all_orders: list[dict[str, Any]],
) -> None:
    for order in all_orders:
        items = order["items"]
        for item in items:
            assert item["subtotal"] == item["unit_price"] * item["quantity"]
            assert item["discount"] == item["unit_discount"] * item["quantity"]
            assert item["total"] == item["subtotal"] - item["discount"]
        items_subtotal = sum(item["subtotal"] for item in items)
        items_discount = sum(item["discount"] for item in items)
        paid = sum(p["amount"] for p in order["payments"] if p["approved"])
        assert order["count"] == len(items)
        assert order["quantity"] == sum(item["quantity"] for item in items)
        assert order["items_subtotal"] == items_subtotal
        assert order["items_discount"] == items_discount
        assert order["subtotal"] == items_subtotal - items_discount
        assert order["total_discount"] >= items_discount
        assert order["total"] == (
            items_subtotal - order["total_discount"] + order["shipping_cost"]
        )
        assert order["amount_paid"] == paid
        assert order["amount_outstanding"] == order["total"] - paid
        assert order["is_paid"] is (order["amount_outstanding"] <= 0)
        assert order["is_payable"] is (order["status"] not in {"cancelled", "refunded"})


def test_seed_covers_the_cases_the_client_must_handle(
    all_orders: list[dict[str, Any]],
) -> None:
    by_id = {order["id"]: order for order in all_orders}
    assert len(all_orders) >= 60
    assert by_id[1]["count"] >= 3
    assert {p["approved"] for p in by_id[1]["payments"]} == {True, False}
    assert by_id[1]["shipping_method_data"]["image"]["thumbnails"]
    assert by_id[4]["notes"].startswith("<b>bold</b> <img src=x>")
    assert "\u202e" in by_id[5]["notes"]
    assert by_id[6]["status"] == "on_hold"
    outstanding = [order["amount_outstanding"] for order in all_orders]
    assert min(outstanding) < 0 < max(outstanding)
    assert 0 in outstanding
    assert None in {order["billing_national_code"] for order in all_orders}
    assert any(order["shipping_method_data"] is None for order in all_orders)
    for order in all_orders:
        assert PERSIAN.search(order["customer_data"]["full_name"])
        assert re.fullmatch(r"09\d{9}", order["billing_mobile_number"])
        assert re.fullmatch(r"\d{10}", order["billing_postal_code"])
        assert order["billing_country_data"] == {"id": 1, "name": "ایران", "code": "IR"}
        stamps = [order["created_at"], order["updated_at"]]
        stamps += [p["updated_at"] for p in order["payments"]]
        assert all(TIMESTAMP.match(stamp) for stamp in stamps)


def test_list_pages_newest_first(sandbox: Any, admin: httpx.Client) -> None:
    first = admin.get("/api/orders/").json()
    assert list(first) == ["count", "next", "previous", "results"]
    assert len(first["results"]) == 25
    assert first["previous"] is None
    assert first["next"].startswith(sandbox.url + "/api/orders/?page=2")
    second = admin.get(first["next"]).json()
    assert second["previous"] is not None

    orders = first["results"] + second["results"]
    assert len({order["id"] for order in orders}) == 50
    created = [order["created_at"] for order in orders]
    assert created == sorted(created, reverse=True)


def test_page_size_is_capped_at_100(admin: httpx.Client) -> None:
    page = admin.get("/api/orders/", params={"page_size": 1000}).json()
    assert len(page["results"]) == min(page["count"], 100)
    small = admin.get("/api/orders/", params={"page_size": 3, "page": 2}).json()
    assert len(small["results"]) == 3


def test_page_past_the_end_is_404(admin: httpx.Client) -> None:
    response = admin.get("/api/orders/", params={"page": 999})
    assert response.status_code == 404
    assert "detail" in response.json()


@pytest.mark.parametrize(
    ("field", "pick"),
    [
        ("key", lambda order: order["key"]),
        ("last name", lambda order: order["customer_data"]["last_name"]),
        ("full name", lambda order: order["customer_data"]["full_name"]),
        ("billing name", lambda order: order["billing_first_name"]),
        ("mobile", lambda order: order["billing_mobile_number"][2:9]),
    ],
)
def test_search(
    admin: httpx.Client, all_orders: list[Any], field: str, pick: Any
) -> None:
    target = all_orders[7]
    term = pick(target)
    found = admin.get("/api/orders/", params={"search": term, "page_size": 100})
    ids = [order["id"] for order in found.json()["results"]]
    assert target["id"] in ids, field
    assert len(ids) < len(all_orders)


def test_status_filter(admin: httpx.Client) -> None:
    on_hold = admin.get("/api/orders/", params={"status": "on_hold"}).json()
    assert [order["id"] for order in on_hold["results"]] == [6]
    cancelled = admin.get("/api/orders/", params={"status": "cancelled"}).json()
    assert cancelled["count"] > 0
    assert {order["status"] for order in cancelled["results"]} == {"cancelled"}


def test_is_paid_filter(admin: httpx.Client, all_orders: list[Any]) -> None:
    counts = {}
    for value in (True, False):
        params = {"is_paid": str(value).lower(), "page_size": 100}
        page = admin.get("/api/orders/", params=params).json()
        assert {order["is_paid"] for order in page["results"]} == {value}
        counts[value] = page["count"]
    assert counts[True] + counts[False] == len(all_orders)

    response = admin.get("/api/orders/", params={"is_paid": "maybe"})
    assert response.status_code == 400
    assert "is_paid" in response.json()


def test_payment_methods(admin: httpx.Client) -> None:
    methods = admin.get("/api/payment-methods/").json()
    assert [method["id"] for method in methods] == [1, 2, 3, 4]
    assert all(list(method) == ["id", "name", "image"] for method in methods)
    assert methods[0]["image"] is None
    assert "thumbnails" not in methods[1]["image"]
    for method in methods[2:]:
        edges = [thumb["size"] for thumb in method["image"]["thumbnails"]]
        assert edges == [64, 128, 512, 1080]


def test_images_and_thumbnails_are_served(admin: httpx.Client) -> None:
    image = admin.get("/api/orders/1").json()["shipping_method_data"]["image"]
    original = httpx.get(image["f"])
    assert original.status_code == 200
    assert len(original.content) == image["size"]
    with Image.open(io.BytesIO(original.content)) as picture:
        assert picture.size == (image["width"], image["height"])
        assert picture.mode == image["mode"]

    for thumb in image["thumbnails"]:
        response = httpx.get(thumb["f"])
        assert response.status_code == 200
        with Image.open(io.BytesIO(response.content)) as picture:
            longest = max(image["width"], image["height"])
            assert max(picture.size) == min(thumb["size"], longest)


def test_unknown_order_is_404_json(admin: httpx.Client) -> None:
    response = admin.get("/api/orders/999999")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/json"
    assert "detail" in response.json()
