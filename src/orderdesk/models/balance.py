"""The order's balance, computed the way the server computes it.

The payment dialog previews what a change does before it is sent; the figures
must agree with what the server will answer, so the rule lives in one place.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from orderdesk.models.order import Order, OrderPayment


@dataclass(frozen=True, slots=True)
class Balance:
    """What has been paid on an order and what is left.

    Attributes:
        total: The order total.
        amount_paid: The sum of approved payments.
        amount_outstanding: `total - amount_paid`; negative when overpaid.
    """

    total: int
    amount_paid: int
    amount_outstanding: int

    @property
    def is_paid(self) -> bool:
        """Whether nothing is left to pay."""
        return self.amount_outstanding <= 0

    @property
    def overpaid_by(self) -> int:
        """How much more than the total was paid; 0 when not overpaid."""
        return max(-self.amount_outstanding, 0)


def balance_of(total: int, payments: Iterable[OrderPayment]) -> Balance:
    """Compute the balance of an order total against its payments."""
    paid = sum(p.amount for p in payments if p.approved)
    return Balance(total=total, amount_paid=paid, amount_outstanding=total - paid)


def balance_with(order: Order, replacement: OrderPayment) -> Balance:
    """The order's balance if one of its payments were replaced.

    Args:
        order: The order as the server last answered it.
        replacement: A payment with the id of one of the order's payments.

    Returns:
        The balance with `replacement` in place of the payment of the same id.
    """
    payments = [replacement if p.id == replacement.id else p for p in order.payments]
    return balance_of(order.total, payments)
