"""Seeding of orders, their items and payments, and the optional large order.

The first orders are written by hand so that tests and the demo can rely on
them (see SPECIAL_ORDERS); the rest are drawn at random.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from django.db import transaction

from orderdesk_sandbox import seed_data
from orderdesk_sandbox.models import (
    Order,
    OrderItem,
    OrderPayment,
    Product,
    ShippingMethod,
)

if TYPE_CHECKING:
    from orderdesk_sandbox.seed import Catalogue

logger = logging.getLogger(__name__)

ORDER_COUNT = 64
BASE_TIME = datetime(2025, 10, 1, 8, 0, tzinfo=UTC)
STATUSES = {
    "pending": 15,
    "processing": 20,
    "shipped": 20,
    "delivered": 30,
    "cancelled": 8,
    "refunded": 7,
}
SCENARIOS = {"none": 15, "under": 25, "exact": 30, "over": 15, "unapproved": 15}
EXTRAS: tuple[dict[str, object], ...] = (
    {},
    {"source": "web"},
    {"source": "instagram", "campaign": "yalda-1404"},
    {"gift": True, "gift_message": "تولدت مبارک"},
    {"source": "pos", "register": 2},
)
PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


@dataclass
class _Draft:
    """An order with its items and payments, not saved yet."""

    order: Order
    items: list[OrderItem] = field(default_factory=list)
    payments: list[OrderPayment] = field(default_factory=list)

    @property
    def total(self) -> int:
        items = sum((i.unit_price - i.unit_discount) * i.quantity for i in self.items)
        return items - self.order.discount + self.order.shipping_cost


def seed_orders(rng: random.Random, catalogue: Catalogue) -> None:
    """Create the seeded orders, oldest first, so ids grow with created_at.

    Args:
        rng: The seed's random source.
        catalogue: Customers, places, methods and products to draw from.
    """
    drafts = []
    for number in range(1, ORDER_COUNT + 1):
        created = BASE_TIME + timedelta(
            hours=36 * (number - 1) + rng.randint(0, 20),
            seconds=rng.randint(0, 3599),
            microseconds=rng.randint(0, 999_999),
        )
        draft = _random_draft(rng, catalogue, created)
        SPECIAL_ORDERS.get(number, _random_status_and_payments)(rng, catalogue, draft)
        drafts.append(draft)
    _save(drafts)


def large_order(
    catalogue: Catalogue,
    item_count: int,
    payment_count: int,
    picture_count: int = 0,
    draw_pictures: Callable[[int], list[dict[str, object]]] | None = None,
) -> int:
    """Return the id of an order with that many items and payments.

    The order is created on first request and found by its key afterwards.
    It is dated before every seeded order, so it sits on the last page of
    the list and ordinary list pages stay small.

    Args:
        catalogue: Customers, places, methods and products to draw from.
        item_count: How many items the order has.
        payment_count: How many payments it has.
        picture_count: How many of the first items show a picture of their
            own instead of their product's, so that a client loads that
            many distinct thumbnails.
        draw_pictures: Draws that many image documents; called only when
            the order is created, and needed when `picture_count` is not 0.
    """
    key = f"large-{item_count}-{payment_count}"
    if picture_count:
        key += f"-{picture_count}"
    existing = Order.objects.filter(key=key).values_list("id", flat=True).first()
    if existing is not None:
        return existing

    rng = random.Random(key)
    created = BASE_TIME - timedelta(days=30)
    draft = _random_draft(rng, catalogue, created)
    draft.order.key = key
    draft.order.status = "processing"
    draft.order.extra = {"benchmark": True}
    draft.items = [
        _item(rng, catalogue, created, catalogue.products[i % len(catalogue.products)])
        for i in range(item_count)
    ]
    if picture_count:
        assert draw_pictures is not None
        pictures = draw_pictures(min(picture_count, item_count))
        for item, picture in zip(draft.items, pictures, strict=False):
            item.product_data = {**item.product_data, "image": picture}
    share = max(1, draft.total // max(1, payment_count))
    draft.payments = [
        _payment(rng, catalogue, draft, share, approved=i % 3 != 2)
        for i in range(payment_count)
    ]
    with transaction.atomic():
        _save([draft])
    logger.info("created large order %s", draft.order.id)
    return draft.order.id


def _save(drafts: list[_Draft]) -> None:
    Order.objects.bulk_create(draft.order for draft in drafts)
    for draft in drafts:
        for row in (*draft.items, *draft.payments):
            row.order = draft.order
    OrderItem.objects.bulk_create(item for draft in drafts for item in draft.items)
    OrderPayment.objects.bulk_create(pay for draft in drafts for pay in draft.payments)


def _random_draft(
    rng: random.Random, catalogue: Catalogue, created: datetime
) -> _Draft:
    customer = rng.choice(catalogue.customers)
    city = rng.choice(catalogue.cities)
    shipping = rng.choice([*catalogue.shipping_methods, None])
    same_person = rng.random() < 0.75
    first, last = (
        rng.choice(seed_data.FIRST_NAMES)[0],
        rng.choice(seed_data.LAST_NAMES)[0],
    )
    order = Order(
        key=f"{rng.getrandbits(80):020x}",
        status="pending",
        customer=customer,
        payment_method=rng.choice([*catalogue.payment_methods, None]),
        shipping_method=shipping,
        shipping_cost=_shipping_cost(rng, shipping),
        discount=rng.choice([0, 0, 0, 0, 50_000, 100_000, 200_000]),
        notes=rng.choice(seed_data.ORDER_NOTES),
        extra=dict(rng.choice(EXTRAS)),
        created_at=created,
        billing_country=catalogue.country,
        billing_state=city.state,
        billing_city=city,
        billing_address=_address(rng),
        billing_postal_code=str(rng.randint(1_000_000_000, 9_999_999_999)),
        billing_national_code=(
            f"{rng.randint(0, 9_999_999_999):010d}" if rng.random() < 0.75 else None
        ),
        billing_mobile_number=(
            customer.mobile_number if same_person else mobile_number(rng)
        ),
        billing_first_name=customer.first_name if same_person else first,
        billing_last_name=customer.last_name if same_person else last,
    )
    count = rng.choices(range(9), weights=[8, 20, 20, 15, 12, 8, 6, 6, 5])[0]
    products = rng.sample(catalogue.products, count)
    draft = _Draft(order, [_item(rng, catalogue, created, p) for p in products])
    # An order-level discount only on orders worth at least ten times as
    # much, so that no seeded total drops below its shipping cost.
    if draft.total - order.shipping_cost < 10 * order.discount:
        order.discount = 0
    return draft


def _item(
    rng: random.Random, catalogue: Catalogue, created: datetime, product: Product
) -> OrderItem:
    snapshot = catalogue.snapshots[product.id]
    price = product.price
    discount = 0
    if rng.random() < 0.3:
        discount = price * rng.choice([5, 10, 15, 20]) // 100 // 1000 * 1000
    return OrderItem(
        product=product,
        product_data=snapshot,
        unit_price=price,
        unit_discount=discount,
        quantity=rng.choice([1, 1, 1, 2, 2, 3, 5]),
        notes=rng.choice(seed_data.ITEM_NOTES),
        created_at=created,
    )


def _payment(
    rng: random.Random,
    catalogue: Catalogue,
    draft: _Draft,
    amount: int,
    *,
    approved: bool,
    method: int | None = None,
) -> OrderPayment:
    """Make a payment; `method` is an index into the payment methods."""
    methods = catalogue.payment_methods
    chosen = methods[method] if method is not None else rng.choice(methods)
    # Cash on delivery (the first method) has no transaction id.
    transaction_id = ""
    if chosen is not methods[0]:
        transaction_id = str(rng.randint(10**7, 10**17))
    return OrderPayment(
        payment_method=chosen,
        approved=approved,
        amount=amount,
        transaction_id=transaction_id,
        notes=rng.choice(seed_data.PAYMENT_NOTES),
        created_at=draft.order.created_at + timedelta(hours=rng.randint(1, 48)),
    )


def _random_status_and_payments(
    rng: random.Random, catalogue: Catalogue, draft: _Draft
) -> None:
    draft.order.status = _weighted(rng, STATUSES)
    total = draft.total
    if total <= 0:
        return
    scenario = _weighted(rng, SCENARIOS)
    pay = _payment
    if scenario == "under":
        paid = total * rng.randint(20, 80) // 100 // 10_000 * 10_000
        draft.payments.append(pay(rng, catalogue, draft, paid, approved=True))
        if rng.random() < 0.5:
            rest = total - paid
            draft.payments.append(pay(rng, catalogue, draft, rest, approved=False))
    elif scenario == "exact":
        parts = rng.randint(1, 3)
        for index in range(parts):
            share = total // parts
            amount = share if index < parts - 1 else total - share * (parts - 1)
            draft.payments.append(pay(rng, catalogue, draft, amount, approved=True))
    elif scenario == "over":
        extra = rng.choice([5_000, 9_800, 50_000, 425_000])
        draft.payments.append(pay(rng, catalogue, draft, total + extra, approved=True))
    elif scenario == "unapproved":
        draft.payments.append(pay(rng, catalogue, draft, total, approved=False))


def _rich_first_order(rng: random.Random, catalogue: Catalogue, draft: _Draft) -> None:
    """Order 1, the demo's: several items with images, underpaid until its
    unapproved payment is approved, which makes it exactly paid."""
    order = draft.order
    created = order.created_at
    order.status = "processing"
    order.shipping_method = catalogue.shipping_methods[0]
    order.shipping_cost = 75_000
    order.payment_method = catalogue.payment_methods[3]
    order.discount = 0
    order.billing_national_code = "0012345678"
    order.notes = "لطفاً قبل از ارسال تماس بگیرید."
    draft.items = [
        _item(rng, catalogue, created, catalogue.products[index])
        for index in (0, 1, 4, 7, 2)
    ]
    draft.items[1].quantity = 2
    draft.items[0].unit_discount = 1_500_000
    total = draft.total
    first = total * 60 // 100 // 10_000 * 10_000
    draft.payments = [
        _payment(rng, catalogue, draft, first, approved=True, method=3),
        _payment(rng, catalogue, draft, total - first, approved=False, method=2),
    ]


def _example_order(rng: random.Random, catalogue: Catalogue, draft: _Draft) -> None:
    """Order 2, shaped like the documented example: no items, overpaid."""
    order = draft.order
    order.status = "shipped"
    order.customer = catalogue.customers[0]
    order.payment_method = catalogue.payment_methods[0]
    order.shipping_method = catalogue.shipping_methods[0]
    order.shipping_cost = 75_000
    order.discount = 0
    order.extra = {"some": "data"}
    order.billing_national_code = None
    draft.items = []
    cash = _payment(rng, catalogue, draft, 500_000, approved=True, method=0)
    cash.transaction_id, cash.notes = "1589800", ""
    gateway = _payment(rng, catalogue, draft, 9_800, approved=False, method=1)
    gateway.transaction_id, gateway.notes = "12345678910111213", "by zarinpal"
    draft.payments = [cash, gateway]


def _paid_order(rng: random.Random, catalogue: Catalogue, draft: _Draft) -> None:
    """Order 3: delivered and paid exactly, in two approved payments."""
    draft.order.status = "delivered"
    _ensure_items(rng, catalogue, draft)
    total = draft.total
    half = total // 2
    draft.payments = [
        _payment(rng, catalogue, draft, half, approved=True, method=2),
        _payment(rng, catalogue, draft, total - half, approved=True, method=3),
    ]


def _html_note_order(rng: random.Random, catalogue: Catalogue, draft: _Draft) -> None:
    """Order 4: pending, no payments, a note holding HTML."""
    draft.order.status = "pending"
    draft.order.notes = seed_data.HTML_NOTE
    _ensure_items(rng, catalogue, draft)
    draft.payments = []


def _bidi_note_order(rng: random.Random, catalogue: Catalogue, draft: _Draft) -> None:
    """Order 5: underpaid, a note holding a right-to-left override."""
    draft.order.status = "processing"
    draft.order.notes = seed_data.BIDI_NOTE
    _ensure_items(rng, catalogue, draft)
    paid = draft.total * 30 // 100
    draft.payments = [_payment(rng, catalogue, draft, paid, approved=True, method=1)]


def _unknown_status_order(
    rng: random.Random, catalogue: Catalogue, draft: _Draft
) -> None:
    """Order 6: a status the API documentation does not list."""
    draft.order.status = "on_hold"
    _ensure_items(rng, catalogue, draft)
    draft.payments = [
        _payment(rng, catalogue, draft, draft.total, approved=False, method=2)
    ]


def _cancelled_order(rng: random.Random, catalogue: Catalogue, draft: _Draft) -> None:
    """Order 7: cancelled and paid, without payment or shipping method."""
    order = draft.order
    order.status = "cancelled"
    order.payment_method = None
    order.shipping_method = None
    order.shipping_cost = 0
    _ensure_items(rng, catalogue, draft)
    draft.payments = [
        _payment(rng, catalogue, draft, draft.total, approved=True, method=3)
    ]


def _refunded_order(rng: random.Random, catalogue: Catalogue, draft: _Draft) -> None:
    """Order 8: refunded, with one approved payment."""
    draft.order.status = "refunded"
    _ensure_items(rng, catalogue, draft)
    draft.payments = [
        _payment(rng, catalogue, draft, draft.total, approved=True, method=1)
    ]


SPECIAL_ORDERS: dict[int, Callable[[random.Random, Catalogue, _Draft], None]] = {
    1: _rich_first_order,
    2: _example_order,
    3: _paid_order,
    4: _html_note_order,
    5: _bidi_note_order,
    6: _unknown_status_order,
    7: _cancelled_order,
    8: _refunded_order,
}


def _ensure_items(rng: random.Random, catalogue: Catalogue, draft: _Draft) -> None:
    if len(draft.items) < 2:
        created = draft.order.created_at
        products = rng.sample(catalogue.products, 3)
        draft.items = [_item(rng, catalogue, created, p) for p in products]


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _shipping_cost(rng: random.Random, shipping: ShippingMethod | None) -> int:
    if shipping is None or shipping.name == seed_data.PICKUP:
        return 0
    return rng.choice([0, 45_000, 75_000, 120_000, 250_000])


def _address(rng: random.Random) -> str:
    alley = str(rng.randint(1, 40)).translate(PERSIAN_DIGITS)
    number = str(rng.randint(1, 250)).translate(PERSIAN_DIGITS)
    return f"{rng.choice(seed_data.STREETS)}، کوچه {alley}، پلاک {number}"


def mobile_number(rng: random.Random) -> str:
    """Return an Iranian mobile number: 09 and nine more digits."""
    return "09" + "".join(rng.choice("0123456789") for _ in range(9))
