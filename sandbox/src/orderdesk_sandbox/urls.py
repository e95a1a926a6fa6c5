"""URL routes; the documented paths have no trailing slash, the lists do."""

from __future__ import annotations

import logging

from django.conf import settings
from django.urls import path, re_path, register_converter
from django.views.static import serve

from orderdesk_sandbox import views

logger = logging.getLogger(__name__)

MAX_ID = 2**63 - 1


class IdConverter:
    """A database id: digits that fit SQLite's signed 64-bit INTEGER.

    Django's `int` converter takes any number of digits, and SQLite raises
    OverflowError (a 500) for an id past 2^63 - 1; such an id is simply not
    found.
    """

    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        """Return the id, or raise ValueError (no match: 404) past the range."""
        number = int(value)
        if number > MAX_ID:
            raise ValueError("id out of range")
        return number

    def to_url(self, value: int) -> str:
        """Return the id as digits."""
        return str(value)


register_converter(IdConverter, "id")

urlpatterns = [
    path("api/orders/", views.OrderListView.as_view()),
    path("api/orders/<id:pk>", views.OrderDetailView.as_view()),
    path(
        "api/orders/<id:order_id>/payments/<id:payment_id>",
        views.OrderPaymentView.as_view(),
    ),
    path("api/payment-methods/", views.PaymentMethodListView.as_view()),
    # Django's static() helper serves nothing when DEBUG is False, so the
    # media route is declared by hand: this server is its own file server.
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
]
