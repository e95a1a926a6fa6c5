"""Who may change order payments."""

from __future__ import annotations

import logging
from typing import Any

from rest_framework.permissions import BasePermission
from rest_framework.request import Request

logger = logging.getLogger(__name__)

# The Django permission standing for the API's OrderPaymentPermission
# (permission code 2243): app label "shop", codename "order_payment".
ORDER_PAYMENT_PERMISSION = "shop.order_payment"


class OrderPaymentPermission(BasePermission):
    """Allows admins, and staff holding the order payment permission."""

    def has_permission(self, request: Request, view: Any) -> bool:
        """Return whether the signed-in user may edit payments."""
        user = request.user
        if not (user and user.is_authenticated):
            return False
        return bool(user.is_superuser or user.has_perm(ORDER_PAYMENT_PERMISSION))
