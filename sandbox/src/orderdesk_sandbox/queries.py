"""Querysets of orders: what to fetch for documents and how to filter."""

from __future__ import annotations

import logging

from django.db.models import (
    BigIntegerField,
    ExpressionWrapper,
    F,
    FloatField,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Cast, Coalesce

from orderdesk_sandbox.models import Order, OrderItem, OrderPayment

logger = logging.getLogger(__name__)


def order_documents() -> QuerySet[Order]:
    """Return orders with everything `DocumentRenderer.order` reads.

    A fixed number of queries per page, whatever the number of orders, items
    or payments; methods are loaded by the renderer itself.
    """
    items = OrderItem.objects.annotate(product_name=F("product__name")).order_by("id")
    payments = OrderPayment.objects.order_by("id")
    return Order.objects.select_related(
        "customer", "billing_country", "billing_state", "billing_city"
    ).prefetch_related(
        Prefetch("items", queryset=items),
        Prefetch("payments", queryset=payments),
    )


def with_outstanding(queryset: QuerySet[Order]) -> QuerySet[Order]:
    """Annotate each order with `outstanding`, its amount_outstanding, in SQL.

    Correlated subqueries rather than joins: joining items and payments at
    once would multiply rows and inflate both sums.
    """
    money = BigIntegerField()
    items_total = (
        OrderItem.objects.filter(order=OuterRef("pk"))
        .values("order")
        .annotate(
            total=Sum(
                (F("unit_price") - F("unit_discount")) * F("quantity"),
                output_field=money,
            )
        )
        .values("total")
    )
    # Payment amounts go up to 2**63-1, and SQLite's integer SUM raises an
    # overflow error past that: summing them as floats keeps the filter
    # answering, exact up to 2**53 Rial and only approximate beyond.
    paid = (
        OrderPayment.objects.filter(order=OuterRef("pk"), approved=True)
        .values("order")
        .annotate(total=Sum(Cast("amount", FloatField())))
        .values("total")
    )
    outstanding = (
        Coalesce(Subquery(items_total, output_field=money), Value(0))
        - F("discount")
        + F("shipping_cost")
        - Coalesce(Subquery(paid, output_field=FloatField()), Value(0.0))
    )
    return queryset.annotate(
        outstanding=ExpressionWrapper(outstanding, output_field=FloatField())
    )


def filter_paid(queryset: QuerySet[Order], *, paid: bool) -> QuerySet[Order]:
    """Keep the orders whose is_paid equals `paid`."""
    queryset = with_outstanding(queryset)
    if paid:
        return queryset.filter(outstanding__lte=0)
    return queryset.filter(outstanding__gt=0)
