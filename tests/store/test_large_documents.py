"""A large cached order is read back in slices, as it was read from the server."""

import sqlite3
import zlib
from datetime import UTC, datetime

import pytest

from orderdesk.models import SLICED_FROM_BYTES, Order
from orderdesk.store import OrderStore
from orderdesk.store.crypto import CacheCipher
from orderdesk.store.tables import document_context

from ..models.test_sliced_reading import large_example

FETCHED = datetime(2026, 12, 4, 9, 30, tzinfo=UTC)
ITEMS = 1_200


@pytest.fixture
def large_order() -> Order:
    data = large_example(items=ITEMS, payments=40)
    for number, item in enumerate(data["items"]):
        # Equal snapshots, each its own object, as a parser makes them.
        item["product_data"] = (
            {"sku": "SKU-7", "image": {"id": 3}}
            if number % 2 == 0
            else {"sku": "SKU-9", "price": 1.0}
        )
    return Order.model_validate(data)


def test_a_large_order_reads_back_whole_with_its_snapshots_kept_once(
    store: OrderStore, large_order: Order
) -> None:
    assert len(large_order.model_dump_json()) > SLICED_FROM_BYTES
    store.save_order(large_order, FETCHED)

    cached = store.get_order(large_order.id)

    assert cached is not None
    assert cached.order == large_order
    assert cached.order.model_fields_set == large_order.model_fields_set
    snapshots = {id(item.product_data) for item in cached.order.items}
    assert len(snapshots) == 2
    assert cached.order.items[1].product_data == {"sku": "SKU-9", "price": 1.0}
    assert isinstance(cached.order.items[1].product_data["price"], float)


@pytest.mark.parametrize(
    "plain",
    [b"{" * 50 + b"not json", b'{"id": 1, "items": [{"id": "x"}]', b"\xff\xfe{}"],
    ids=["not json", "cut short", "bad encoding"],
)
def test_a_broken_large_document_is_dropped_not_raised(
    store: OrderStore, large_order: Order, key: bytes, plain: bytes
) -> None:
    store.save_order(large_order, FETCHED)
    padded = plain + b" " * SLICED_FROM_BYTES
    sealed = CacheCipher(key).seal(
        zlib.compress(padded), document_context(large_order.id)
    )
    with sqlite3.connect(store.path) as connection:
        connection.execute(
            "UPDATE documents SET document = ? WHERE id = ?", (sealed, large_order.id)
        )
    connection.close()

    assert store.get_order(large_order.id) is None
    assert store.get_order(large_order.id) is None
