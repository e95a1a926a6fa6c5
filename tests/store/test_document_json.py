"""An order dumped in slices is the JSON that pydantic's dump gives."""

import json

import pytest

from orderdesk.models import Order
from orderdesk.store.document_json import order_json_parts

from ..models.test_sliced_reading import large_example


@pytest.mark.parametrize(
    ("items", "payments", "every"),
    [(0, 0, 5), (1, 0, 5), (0, 3, 5), (23, 7, 5), (10, 10, 10), (3, 2, 250)],
)
def test_the_same_json_as_model_dump_json(
    items: int, payments: int, every: int
) -> None:
    order = Order.model_validate(
        large_example(items, payments) | {"unknown_field": {"kept": ["as", "is"]}}
    )

    dumped = b"".join(order_json_parts(order, every=every))

    assert json.loads(dumped) == json.loads(order.model_dump_json())
    assert Order.model_validate_json(dumped) == order


def test_persian_text_stays_utf_8() -> None:
    order = Order.model_validate(large_example(2, 1))

    assert "کالای 1".encode() in b"".join(order_json_parts(order))
