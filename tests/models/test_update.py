"""The partial update sends exactly what changed, and nothing invalid."""

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from orderdesk.models import Order, OrderPayment, PaymentUpdate, balance_with


@pytest.fixture
def order(fixtures_dir: Path) -> Order:
    return Order.model_validate_json((fixtures_dir / "order-example.json").read_bytes())


@pytest.fixture
def payment(order: Order) -> OrderPayment:
    found = order.payment(2)
    assert found is not None
    return found


def test_unset_fields_are_not_sent_and_empty_strings_are() -> None:
    assert PaymentUpdate().body() == {}
    assert PaymentUpdate(notes="").body() == {"notes": ""}
    assert PaymentUpdate(approved=False).body() == {"approved": False}


@pytest.mark.parametrize(
    ("values", "body"),
    [
        ({"amount": 9800, "notes": "by zarinpal"}, {}),
        ({"amount": 9900}, {"amount": 9900}),
        ({"approved": True, "notes": "by zarinpal"}, {"approved": True}),
        ({"notes": ""}, {"notes": ""}),
        ({"transaction_id": "T-1", "payment_method": 2}, {"transaction_id": "T-1"}),
        ({"payment_method": 3}, {"payment_method": 3}),
    ],
)
def test_between_keeps_only_the_differences(
    payment: OrderPayment, values: dict[str, Any], body: dict[str, Any]
) -> None:
    update = PaymentUpdate.between(payment, **values)

    assert update.body() == body
    assert update.is_empty == (not body)


def test_between_refuses_unknown_fields(payment: OrderPayment) -> None:
    with pytest.raises(TypeError):
        PaymentUpdate.between(payment, colour="red")


@pytest.mark.parametrize(
    "fields",
    [
        {"amount": -1},
        {"amount": 2**63},
        {"amount": 12.0},
        {"amount": "12"},
        {"approved": "yes"},
        {"payment_method": None},
        {"notes": None},
        {"colour": "red"},
    ],
)
def test_invalid_updates_are_refused(fields: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        PaymentUpdate.model_validate(fields)


def test_body_is_json_serialisable() -> None:
    update = PaymentUpdate(amount=2**63 - 1, transaction_id="۱۲۳")

    assert json.loads(json.dumps(update.body())) == {
        "amount": 2**63 - 1,
        "transaction_id": "۱۲۳",
    }


def test_preview_of_approving_counts_the_payment(
    order: Order, payment: OrderPayment
) -> None:
    update = PaymentUpdate(approved=True, amount=10000)

    preview = balance_with(order, update.applied_to(payment))

    assert preview.amount_paid == 510000
    assert preview.amount_outstanding == 75000 - 510000
    assert preview.is_paid
    assert preview.overpaid_by == 435000


def test_preview_of_unapproving_everything(order: Order) -> None:
    approved = order.payment(1)
    assert approved is not None

    preview = balance_with(order, PaymentUpdate(approved=False).applied_to(approved))

    assert preview.amount_paid == 0
    assert preview.amount_outstanding == 75000
    assert not preview.is_paid
