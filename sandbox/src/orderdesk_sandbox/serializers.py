"""Validation of the partial update of an order payment."""

from __future__ import annotations

import logging
from typing import Any

from rest_framework import serializers

from orderdesk_sandbox.models import MAX_AMOUNT, OrderPayment

logger = logging.getLogger(__name__)


class StrictIntegerField(serializers.IntegerField):
    """An integer field that accepts JSON integers only.

    DRF's IntegerField also accepts "12", 12.0 and "12.0"; money must never
    travel as a float or a string, so those are refused with a field error.
    """

    def to_internal_value(self, data: Any) -> int:
        """Return `data` if it is a JSON integer (bool excluded), else fail."""
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("invalid")
        return super().to_internal_value(data)


class PaymentUpdateSerializer(serializers.ModelSerializer):
    """The writable fields of a payment, validated as the real server does.

    Used with partial=True, so every field is optional. The fields other than
    `amount` keep the ModelSerializer defaults (whitespace trimmed, blank
    allowed, unknown payment method refused) to behave like production.
    """

    amount = StrictIntegerField(min_value=0, max_value=MAX_AMOUNT)

    class Meta:
        model = OrderPayment
        fields = ["payment_method", "amount", "approved", "transaction_id", "notes"]
