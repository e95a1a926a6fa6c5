"""Rendering of orders, methods and images into the API's JSON documents.

Documents are built as plain dicts rather than with DRF serializers: an
order of 10,000 items renders in a fraction of the time, and the key order
is spelled out once, here, exactly as in the documented example.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.conf import settings
from rest_framework.request import Request

from orderdesk_sandbox.models import (
    CLOSED_STATUSES,
    Image,
    Order,
    OrderItem,
    OrderPayment,
    PaymentMethod,
    ShippingMethod,
)

logger = logging.getLogger(__name__)

Document = dict[str, Any]
_UNITS = ("KB", "MB", "GB", "TB")


def timestamp(value: datetime) -> str:
    """Format a UTC datetime like the API: microseconds always, then "Z"."""
    return value.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def human_readable_size(size: int) -> str:
    """Format a byte count in binary units, e.g. 808754 -> "789.80 KB"."""
    if size < 1024:
        return f"{size} B"
    value = size / 1024
    unit = 0
    while value >= 1024 and unit < len(_UNITS) - 1:
        value /= 1024
        unit += 1
    return f"{value:.2f} {_UNITS[unit]}"


def image_document(image: Image | None, url: Callable[[str], str]) -> Document | None:
    """Describe an image and its thumbnails.

    Args:
        image: The image, with its thumbnails prefetched, or None.
        url: Turns a path relative to the media root into a URL.

    Returns:
        The image object of the API, or None. An image without thumbnail
        files has no "thumbnails" key at all, as in the documented example.
    """
    if image is None:
        return None
    document: Document = {
        "id": image.id,
        "type": "image",
        "name": image.name,
        "size": image.size,
        "human_readable_size": human_readable_size(image.size),
        "f": url(image.file.name),
        "width": image.width,
        "height": image.height,
        "mode": image.mode,
    }
    thumbnails = list(image.thumbnails.all())
    if thumbnails:
        document["thumbnails"] = [
            # "size" is the edge in pixels, as the real server sends it.
            {"id": thumb.id, "f": url(thumb.file.name), "size": thumb.edge}
            for thumb in thumbnails
        ]
    return document


class DocumentRenderer:
    """Renders documents for one request, with absolute media URLs.

    Payment and shipping methods are few, so all of them are loaded once per
    renderer and shared by every order and payment it renders.
    """

    def __init__(self, request: Request) -> None:
        """Create a renderer whose URLs use the request's scheme and host."""
        self._base = request.build_absolute_uri("/").rstrip("/")
        self._payment_methods: dict[int, Document] | None = None
        self._shipping_methods: dict[int, Document] | None = None

    def media_url(self, path: str) -> str:
        """Return the absolute URL of a path relative to the media root."""
        return f"{self._base}{settings.MEDIA_URL}{path}"

    def payment_methods(self) -> list[Document]:
        """Return every payment method, in id order."""
        return list(self._payment_method_map().values())

    def order(self, order: Order) -> Document:
        """Render an order fetched with `queries.order_documents()`."""
        items = list(order.items.all())
        payments = list(order.payments.all())
        totals = _totals(order, items, payments)
        customer = order.customer
        return {
            "id": order.id,
            "key": order.key,
            "status": order.status,
            "customer_data": {
                "id": customer.id,
                "username": customer.username,
                "mobile_number": customer.mobile_number,
                "first_name": customer.first_name,
                "last_name": customer.last_name,
                "full_name": customer.full_name,
            },
            "payment_method_data": self._payment_method(order.payment_method_id),
            "shipping_method_data": self._shipping_method(order.shipping_method_id),
            "shipping_cost": order.shipping_cost,
            "notes": order.notes,
            "extra": order.extra,
            "created_at": timestamp(order.created_at),
            "updated_at": timestamp(order.updated_at),
            **_billing(order),
            **totals,
            "is_payable": order.status not in CLOSED_STATUSES,
            "items": [self._item(item) for item in items],
            "payments": [self._payment(payment) for payment in payments],
        }

    def _item(self, item: OrderItem) -> Document:
        subtotal = item.unit_price * item.quantity
        discount = item.unit_discount * item.quantity
        return {
            "id": item.id,
            "product": item.product_id,
            # Annotated by the query: the product's current name, which may
            # differ from the name in the snapshot.
            "product_name": item.product_name,  # type: ignore[attr-defined]
            "product_data": self._snapshot(item.product_data),
            "unit_price": item.unit_price,
            "unit_discount": item.unit_discount,
            "quantity": item.quantity,
            "notes": item.notes,
            "subtotal": subtotal,
            "discount": discount,
            "total": subtotal - discount,
            "created_at": timestamp(item.created_at),
            "updated_at": timestamp(item.updated_at),
        }

    def _payment(self, payment: OrderPayment) -> Document:
        return {
            "id": payment.id,
            "payment_method_data": self._payment_method(payment.payment_method_id),
            "approved": payment.approved,
            "amount": payment.amount,
            "transaction_id": payment.transaction_id,
            "notes": payment.notes,
            "created_at": timestamp(payment.created_at),
            "updated_at": timestamp(payment.updated_at),
        }

    def _snapshot(self, product_data: Document) -> Document:
        # Snapshots store media URLs as server-relative paths, because the
        # sandbox's port changes between runs; make them absolute here.
        image = product_data.get("image")
        if not isinstance(image, dict):
            return product_data
        image = {**image, "f": self._absolute(image.get("f"))}
        if isinstance(image.get("thumbnails"), list):
            image["thumbnails"] = [
                {**thumb, "f": self._absolute(thumb.get("f"))}
                for thumb in image["thumbnails"]
            ]
        return {**product_data, "image": image}

    def _absolute(self, path: Any) -> Any:
        if isinstance(path, str) and path.startswith("/"):
            return self._base + path
        return path

    def _payment_method(self, method_id: int | None) -> Document | None:
        return None if method_id is None else self._payment_method_map()[method_id]

    def _shipping_method(self, method_id: int | None) -> Document | None:
        return None if method_id is None else self._shipping_method_map()[method_id]

    def _payment_method_map(self) -> dict[int, Document]:
        if self._payment_methods is None:
            self._payment_methods = self._methods(PaymentMethod)
        return self._payment_methods

    def _shipping_method_map(self) -> dict[int, Document]:
        if self._shipping_methods is None:
            self._shipping_methods = self._methods(ShippingMethod)
        return self._shipping_methods

    def _methods(
        self, model: type[PaymentMethod] | type[ShippingMethod]
    ) -> dict[int, Document]:
        rows = (
            model.objects.order_by("id")
            .select_related("image")
            .prefetch_related("image__thumbnails")
        )
        return {
            method.id: {
                "id": method.id,
                "name": method.name,
                "image": image_document(method.image, self.media_url),
            }
            for method in rows
        }


def _billing(order: Order) -> Document:
    country, state = order.billing_country, order.billing_state
    city = order.billing_city
    return {
        "billing_country_data": (
            None
            if country is None
            else {"id": country.id, "name": country.name, "code": country.code}
        ),
        "billing_state_data": (
            None
            if state is None
            else {"id": state.id, "name": state.name, "code": state.code}
        ),
        "billing_city_data": (
            None if city is None else {"id": city.id, "name": city.name}
        ),
        "billing_address": order.billing_address,
        "billing_postal_code": order.billing_postal_code,
        "billing_national_code": order.billing_national_code,
        "billing_mobile_number": order.billing_mobile_number,
        "billing_first_name": order.billing_first_name,
        "billing_last_name": order.billing_last_name,
    }


def _totals(
    order: Order, items: list[OrderItem], payments: list[OrderPayment]
) -> Document:
    items_subtotal = sum(item.unit_price * item.quantity for item in items)
    items_discount = sum(item.unit_discount * item.quantity for item in items)
    total_discount = items_discount + order.discount
    total = items_subtotal - total_discount + order.shipping_cost
    amount_paid = sum(payment.amount for payment in payments if payment.approved)
    outstanding = total - amount_paid
    return {
        "count": len(items),
        "quantity": sum(item.quantity for item in items),
        "items_subtotal": items_subtotal,
        "items_discount": items_discount,
        "subtotal": items_subtotal - items_discount,
        "total_discount": total_discount,
        "total": total,
        "amount_paid": amount_paid,
        "amount_outstanding": outstanding,
        "is_paid": outstanding <= 0,
    }
