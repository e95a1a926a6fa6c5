"""The long lists of an order document, for handling a slice at a time.

An order can carry thousands of items and hundreds of payments. Reading
or writing them in one pydantic call holds the GIL for tens of ms, so the
client (`orderdesk.models.sliced_reading`) and the offline store
(`orderdesk.store.document_json`) take them `LIST_SLICE` elements per call.
"""

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from pydantic import TypeAdapter

from orderdesk.models.order import OrderItem, OrderPayment

LIST_SLICE = 250
"""List elements per pydantic call: about a millisecond of GIL each."""

ORDER_LISTS: Mapping[str, TypeAdapter[list[Any]]] = MappingProxyType(
    {
        "items": TypeAdapter(list[OrderItem]),
        "payments": TypeAdapter(list[OrderPayment]),
    }
)
"""The order's long list fields, by name, each with the adapter of its list."""
