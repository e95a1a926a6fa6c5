"""The API views: orders, the payment update, payment methods."""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from rest_framework import filters, generics
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from orderdesk_sandbox import queries
from orderdesk_sandbox.documents import DocumentRenderer
from orderdesk_sandbox.models import Order, OrderPayment
from orderdesk_sandbox.permissions import OrderPaymentPermission
from orderdesk_sandbox.serializers import PaymentUpdateSerializer

logger = logging.getLogger(__name__)

_BOOLEANS = {"true": True, "1": True, "false": False, "0": False}


class OrderPagination(PageNumberPagination):
    """DRF page pagination; the client may choose up to 100 orders a page."""

    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 100


class OrderListView(generics.ListAPIView):
    """`GET /api/orders/`: full order documents, newest first.

    Query parameters: `page`, `page_size`, `search` (key, names, mobile
    numbers), `status` (exact) and `is_paid` (true or false).
    """

    pagination_class = OrderPagination
    filter_backends = [filters.SearchFilter]
    search_fields = [
        "key",
        "customer__first_name",
        "customer__last_name",
        "customer__mobile_number",
        "billing_first_name",
        "billing_last_name",
        "billing_mobile_number",
    ]

    def get_queryset(self) -> QuerySet[Order]:
        """Return the orders matching `status` and `is_paid`, newest first."""
        queryset = queries.order_documents().order_by("-created_at", "-id")
        status = self.request.query_params.get("status")
        if status:
            queryset = queryset.filter(status=status)
        is_paid = self.request.query_params.get("is_paid")
        if is_paid:
            queryset = queries.filter_paid(queryset, paid=_parse_bool(is_paid))
        return queryset

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Answer one page of order documents."""
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset)
        renderer = DocumentRenderer(request)
        return self.get_paginated_response([renderer.order(order) for order in page])


class OrderDetailView(APIView):
    """`GET /api/orders/{id}`: one order document."""

    def get(self, request: Request, pk: int) -> Response:
        """Answer the order, or 404."""
        order = get_object_or_404(queries.order_documents(), pk=pk)
        return Response(DocumentRenderer(request).order(order))


class OrderPaymentView(APIView):
    """`PATCH /api/orders/{id}/payments/{payment_id}`: edit a payment.

    Answers the whole order. Only PATCH is routed, so PUT gets 405.
    """

    permission_classes = [IsAuthenticated, OrderPaymentPermission]

    def patch(self, request: Request, order_id: int, payment_id: int) -> Response:
        """Validate and save a partial update, then answer the order."""
        # Filtering on both ids makes a payment of another order a 404.
        payment = get_object_or_404(OrderPayment, pk=payment_id, order_id=order_id)
        serializer = PaymentUpdateSerializer(payment, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        with transaction.atomic():
            serializer.save()
        logger.info("payment %s of order %s updated", payment_id, order_id)

        order = queries.order_documents().get(pk=order_id)
        return Response(DocumentRenderer(request).order(order))


class PaymentMethodListView(APIView):
    """`GET /api/payment-methods/`: every payment method, not paginated."""

    def get(self, request: Request) -> Response:
        """Answer the list of payment methods."""
        return Response(DocumentRenderer(request).payment_methods())


def _parse_bool(value: str) -> bool:
    try:
        return _BOOLEANS[value.strip().lower()]
    except KeyError:
        raise ValidationError({"is_paid": ["Must be a valid boolean."]}) from None
