"""URL routes; the documented paths have no trailing slash, the lists do."""

from __future__ import annotations

import logging

from django.conf import settings
from django.urls import path, re_path
from django.views.static import serve

from orderdesk_sandbox import views

logger = logging.getLogger(__name__)

urlpatterns = [
    path("api/orders/", views.OrderListView.as_view()),
    path("api/orders/<int:pk>", views.OrderDetailView.as_view()),
    path(
        "api/orders/<int:order_id>/payments/<int:payment_id>",
        views.OrderPaymentView.as_view(),
    ),
    path("api/payment-methods/", views.PaymentMethodListView.as_view()),
    # Django's static() helper serves nothing when DEBUG is False, so the
    # media route is declared by hand: this server is its own file server.
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
]
