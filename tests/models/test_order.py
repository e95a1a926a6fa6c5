"""The order document parses the seed's example verbatim, quirks and all."""

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from orderdesk.models import Order, OrderPage, OrderStatus


@pytest.fixture
def example(fixtures_dir: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (fixtures_dir / "order-example.json").read_text("utf-8")
    )
    return data


def test_example_parses_verbatim(example: dict[str, Any]) -> None:
    order = Order.model_validate(example)

    assert order.id == 2
    assert order.key == "0c86ab758d3e236cb5a4"
    assert order.known_status is OrderStatus.SHIPPED
    assert order.customer_data is not None
    assert order.customer_data.display_name == "بهروز قربانی"
    assert order.billing_national_code is None
    assert order.payment_method_data is not None
    assert order.payment_method_data.image is None
    assert order.extra == {"some": "data"}
    assert order.is_payable is True


def test_example_money_is_int_and_balance_matches(example: dict[str, Any]) -> None:
    order = Order.model_validate(example)

    assert order.total == 75000
    assert order.amount_paid == 500000
    assert order.amount_outstanding == -425000
    assert order.is_paid
    money = [order.shipping_cost, order.total, order.amount_paid]
    money += [p.amount for p in order.payments]
    assert all(type(value) is int for value in money)


def test_example_image_quirks(example: dict[str, Any]) -> None:
    order = Order.model_validate(example)
    shipping = order.shipping_method_data
    assert shipping is not None
    assert shipping.image is not None

    assert shipping.image.type == "image"
    assert [t.edge for t in shipping.image.thumbnails] == [64, 128, 512, 1080]
    method = order.payments[1].payment_method_data
    assert method is not None
    assert method.image is not None
    assert method.image.thumbnails == []


def test_unknown_fields_are_kept(example: dict[str, Any]) -> None:
    example["loyalty_points"] = 12
    example["payments"][0]["gateway"] = {"ref": "x"}

    order = Order.model_validate(example)

    assert order.model_extra == {"loyalty_points": 12}
    assert order.model_dump()["payments"][0]["gateway"] == {"ref": "x"}


def test_unknown_status_is_kept_as_sent(example: dict[str, Any]) -> None:
    example["status"] = "awaiting_courier"

    order = Order.model_validate(example)

    assert order.status == "awaiting_courier"
    assert order.known_status is None


@pytest.mark.parametrize(
    ("sent", "held"),
    [
        (75000, 75000),
        ("75000.00", 75000),
        (75000.0, 75000),
        ("-425000", -425000),
        (2**63 - 1, 2**63 - 1),
    ],
)
def test_number_fields_are_held_as_int(
    example: dict[str, Any], sent: object, held: int
) -> None:
    example["shipping_cost"] = sent

    order = Order.model_validate(example)

    assert order.shipping_cost == held
    assert type(order.shipping_cost) is int


@pytest.mark.parametrize("sent", [75000.5, "12.3", "abc", True, 2**63, None, [1]])
def test_money_that_is_not_a_whole_number_is_refused(
    example: dict[str, Any], sent: object
) -> None:
    example["total"] = sent

    with pytest.raises(ValidationError):
        Order.model_validate(example)


def test_null_strings_read_as_empty(example: dict[str, Any]) -> None:
    example["notes"] = None
    example["payments"][0]["transaction_id"] = None

    order = Order.model_validate(example)

    assert order.notes == ""
    assert order.payments[0].transaction_id == ""


def test_payment_lookup(example: dict[str, Any]) -> None:
    order = Order.model_validate(example)

    payment = order.payment(2)
    assert payment is not None
    assert payment.payment_method_id == 2
    assert order.payment(99) is None


def test_order_page_has_next(example: dict[str, Any]) -> None:
    page = OrderPage.model_validate(
        {"count": 30, "next": "http://x/api/orders/?page=2", "results": [example]}
    )

    assert page.has_next
    assert page.results[0].key == example["key"]
    assert not OrderPage.model_validate({"count": 0, "results": []}).has_next
