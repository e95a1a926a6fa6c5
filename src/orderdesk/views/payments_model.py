"""The payments table of an order."""

from enum import IntEnum
from types import MappingProxyType
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QPixmap

from orderdesk.models import OrderPayment
from orderdesk.views.formatting import EM_DASH, Formatter, clean, tooltip_text
from orderdesk.views.i18n import tr
from orderdesk.views.images import ImageSource, NoImages
from orderdesk.views.table_model import RowTableModel, timestamp

ICON_EDGE = 20
APPROVED_COLOUR = QColor("#1b7f3b")
AWAITING_COLOUR = QColor("#b35c00")


class PaymentColumn(IntEnum):
    """The columns of the payments table, in display order."""

    METHOD = 0
    AMOUNT = 1
    APPROVED = 2
    TRANSACTION_ID = 3
    NOTES = 4
    CREATED = 5
    UPDATED = 6


class PaymentsTableModel(RowTableModel[OrderPayment]):
    """One row per payment of the order shown."""

    Column = PaymentColumn
    numeric_columns = frozenset({PaymentColumn.AMOUNT})
    icon_edges = MappingProxyType({PaymentColumn.METHOD: ICON_EDGE})

    def __init__(
        self,
        formatter: Formatter,
        images: ImageSource | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(formatter, parent)
        self._images: ImageSource = images or NoImages()

    def header(self, column: Any) -> str:
        """The translated header of a column."""
        return {
            PaymentColumn.METHOD: tr("Method"),
            PaymentColumn.AMOUNT: tr("Amount"),
            PaymentColumn.APPROVED: tr("Approval"),
            PaymentColumn.TRANSACTION_ID: tr("Transaction ID"),
            PaymentColumn.NOTES: tr("Notes"),
            PaymentColumn.CREATED: tr("Created"),
            PaymentColumn.UPDATED: tr("Updated"),
        }[column]

    def display(self, row: OrderPayment, column: Any) -> str:
        """The text of a cell."""
        fmt = self._formatter
        match column:
            case PaymentColumn.METHOD:
                method = row.payment_method_data
                return fmt.text(method.name if method else "") or EM_DASH
            case PaymentColumn.AMOUNT:
                return fmt.money(row.amount)
            case PaymentColumn.APPROVED:
                return approval_text(row.approved)
            case PaymentColumn.TRANSACTION_ID:
                return fmt.latin(row.transaction_id)
            case PaymentColumn.NOTES:
                return fmt.text(row.notes.replace("\n", " "))
            case PaymentColumn.CREATED:
                return fmt.date_time(row.created_at)
            case PaymentColumn.UPDATED:
                return fmt.date_time(row.updated_at)
        return ""

    def sort_key(self, row: OrderPayment, column: Any) -> Any:
        """The raw value of a cell."""
        match column:
            case PaymentColumn.METHOD:
                method = row.payment_method_data
                return method.name if method else ""
            case PaymentColumn.AMOUNT:
                return row.amount
            case PaymentColumn.APPROVED:
                return int(row.approved)
            case PaymentColumn.CREATED:
                return timestamp(row.created_at)
            case PaymentColumn.UPDATED:
                return timestamp(row.updated_at)
        return self.display(row, column)

    def row_id(self, row: OrderPayment) -> int:
        """The payment's id."""
        return row.id

    def tooltip(self, row: OrderPayment, column: Any) -> str | None:
        """The whole note, which the cell may cut short."""
        if column == PaymentColumn.NOTES and row.notes:
            return tooltip_text(clean(row.notes))
        return None

    def decoration(self, row: OrderPayment, column: Any) -> QPixmap | None:
        """The payment method's thumbnail."""
        if column != PaymentColumn.METHOD or row.payment_method_data is None:
            return None
        return self._images.pixmap(row.payment_method_data.image, ICON_EDGE)

    def foreground(self, row: OrderPayment, column: Any) -> QColor | None:
        """Green for approved payments and amber for those waiting."""
        if column != PaymentColumn.APPROVED:
            return None
        return APPROVED_COLOUR if row.approved else AWAITING_COLOUR

    def row_of(self, payment_id: int) -> int | None:
        """The row that shows a payment, if any."""
        return next((n for n, p in enumerate(self._rows) if p.id == payment_id), None)


def approval_text(approved: bool) -> str:
    """The words for a payment's approval state."""
    return "✔ " + tr("Approved") if approved else "○ " + tr("Awaiting approval")
