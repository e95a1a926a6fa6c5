"""Documents of the shop API: pure data, no Qt and no I/O.

Reading is tolerant (unknown fields are kept, documented nulls accepted);
writing, the `PaymentUpdate`, is strict.
"""

from orderdesk.models.balance import Balance, balance_of, balance_with
from orderdesk.models.catalog import (
    City,
    Country,
    Customer,
    PaymentMethod,
    ShippingMethod,
    State,
)
from orderdesk.models.media import ImageData, Thumbnail
from orderdesk.models.money import MONEY_MAX, MONEY_MIN, Money, to_money
from orderdesk.models.order import (
    Order,
    OrderItem,
    OrderPage,
    OrderPayment,
    OrderPayments,
    OrderStatus,
    OrderSummary,
)
from orderdesk.models.order_lists import LIST_SLICE, ORDER_LISTS
from orderdesk.models.sliced_reading import SLICED_FROM_BYTES, read_order_in_slices
from orderdesk.models.update import PaymentUpdate

__all__ = [
    "LIST_SLICE",
    "MONEY_MAX",
    "MONEY_MIN",
    "ORDER_LISTS",
    "SLICED_FROM_BYTES",
    "Balance",
    "City",
    "Country",
    "Customer",
    "ImageData",
    "Money",
    "Order",
    "OrderItem",
    "OrderPage",
    "OrderPayment",
    "OrderPayments",
    "OrderStatus",
    "OrderSummary",
    "PaymentMethod",
    "PaymentUpdate",
    "ShippingMethod",
    "State",
    "Thumbnail",
    "balance_of",
    "balance_with",
    "read_order_in_slices",
    "to_money",
]
