"""Reading documents never fails in any way but the documented one.

Whatever the server sends, parsing raises `pydantic.ValidationError` or
returns a document whose money is an `int` within the signed 64-bit range.
"""

import contextlib
import copy
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from orderdesk.models import (
    MONEY_MAX,
    MONEY_MIN,
    ImageData,
    Order,
    OrderPage,
    OrderPayment,
    PaymentUpdate,
    to_money,
)

from .strategies import EXAMPLE, edge_ints, hostile_text, json_value, mutated

FAST = settings(max_examples=120, deadline=None)

ORDER_MONEY = (
    "shipping_cost",
    "items_subtotal",
    "items_discount",
    "subtotal",
    "total_discount",
    "total",
    "amount_paid",
    "amount_outstanding",
)


def _in_range(amount: object) -> bool:
    return type(amount) is int and MONEY_MIN <= amount <= MONEY_MAX


@FAST
@given(mutated(EXAMPLE))
def test_an_order_parses_or_raises_validation_error(document: dict[str, Any]) -> None:
    try:
        order = Order.model_validate(document)
    except ValidationError:
        return

    assert all(_in_range(getattr(order, name)) for name in ORDER_MONEY)
    assert all(_in_range(p.amount) for p in order.payments)
    for payment in order.payments:
        assert isinstance(payment.transaction_id, str)
        assert isinstance(payment.notes, str)
        payment.editable_values()
    order.known_status  # noqa: B018 - a property that must not raise


@FAST
@given(mutated(EXAMPLE["payments"][1]))
def test_a_payment_parses_or_raises_validation_error(document: dict[str, Any]) -> None:
    try:
        payment = OrderPayment.model_validate(document)
    except ValidationError:
        return
    assert _in_range(payment.amount)


@FAST
@given(mutated(EXAMPLE["shipping_method_data"]["image"]), edge_ints, st.floats())
def test_an_image_parses_and_always_picks_a_url(
    document: dict[str, Any], edge: int, ratio: float
) -> None:
    try:
        image = ImageData.model_validate(document)
    except ValidationError:
        return
    assert isinstance(image.thumbnail_url(edge, ratio), str)
    for thumbnail in image.thumbnails:
        assert thumbnail.edge is None or thumbnail.edge > 0


@FAST
@given(
    st.builds(
        lambda results, count: {"count": count, "next": None, "results": results},
        st.lists(mutated(EXAMPLE), max_size=2),
        json_value,
    )
)
def test_an_order_page_parses_or_raises_validation_error(
    document: dict[str, Any],
) -> None:
    with contextlib.suppress(ValidationError):
        OrderPage.model_validate(document)


@FAST
@given(json_value)
def test_any_json_is_refused_as_an_order_with_validation_error(value: Any) -> None:
    with pytest.raises(ValidationError):
        Order.model_validate(value)


@FAST
@given(
    st.dictionaries(
        st.sampled_from(
            ["payment_method", "amount", "approved", "transaction_id", "notes", "x"]
        ),
        json_value,
    )
)
def test_a_payment_update_is_strict(fields: dict[str, Any]) -> None:
    try:
        update = PaymentUpdate.model_validate(fields)
    except ValidationError:
        return

    body = update.body()
    assert set(body) == set(fields)
    assert None not in body.values()
    if "amount" in body:
        assert type(body["amount"]) is int
        assert 0 <= body["amount"] <= MONEY_MAX


@FAST
@given(
    st.fixed_dictionaries(
        {},
        optional={
            "payment_method": json_value,
            "amount": json_value,
            "approved": json_value,
            "transaction_id": json_value,
            "notes": json_value,
        },
    )
)
def test_an_update_between_two_payments_is_strict(values: dict[str, Any]) -> None:
    original = OrderPayment.model_validate(copy.deepcopy(EXAMPLE["payments"][1]))
    try:
        update = PaymentUpdate.between(original, **values)
    except ValidationError:
        return
    assert set(update.body()) <= set(values)


@FAST
@given(json_value)
@example("1e99999999")
@example("-1e99999999")
@example("9" * 100_000)
@example("0e99999999")
@example(float("nan"))
@example(2**63)
@example(True)
def test_money_is_an_int_in_range_or_value_error(value: Any) -> None:
    try:
        amount = to_money(value)
    except ValueError:
        return
    assert _in_range(amount)


@FAST
@given(hostile_text)
def test_money_text_is_read_only_when_whole(text: str) -> None:
    try:
        amount = to_money(text)
    except ValueError:
        return
    assert _in_range(amount)
