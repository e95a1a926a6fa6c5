"""The totals of an order: what it costs, what was paid, what is left."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QWidget

from orderdesk.models import Order
from orderdesk.views.formatting import Formatter
from orderdesk.views.i18n import tr
from orderdesk.views.widgets import plain_label

OWED_COLOUR = "#b3261e"
SETTLED_COLOUR = "#1b7f3b"
# Text colour too: a dark palette's light text is unreadable on yellow.
HIGHLIGHT_STYLE = "QLabel { background: #fff3b0; color: #3d2e00; }"
HIGHLIGHT_MS = 2500


def outstanding_text(formatter: Formatter, outstanding: int) -> str:
    """Outstanding money in words; an overpaid order says so, without a minus."""
    if outstanding < 0:
        return tr("Overpaid by %1").replace("%1", formatter.money(-outstanding))
    return formatter.money(outstanding)


MONEY_ROWS = (
    ("items_subtotal", QT_TRANSLATE_NOOP("", "Items subtotal")),
    ("items_discount", QT_TRANSLATE_NOOP("", "Items discount")),
    ("subtotal", QT_TRANSLATE_NOOP("", "Subtotal")),
    ("total_discount", QT_TRANSLATE_NOOP("", "Total discount")),
    ("shipping_cost", QT_TRANSLATE_NOOP("", "Shipping")),
    ("total", QT_TRANSLATE_NOOP("", "Total")),
    ("amount_paid", QT_TRANSLATE_NOOP("", "Amount paid")),
)
"""The money an order adds up to, by API field name, in reading order."""

TOTAL_ROWS = (
    ("count", QT_TRANSLATE_NOOP("", "Items")),
    ("quantity", QT_TRANSLATE_NOOP("", "Quantity")),
    *MONEY_ROWS,
    ("amount_outstanding", QT_TRANSLATE_NOOP("", "Outstanding")),
    ("is_paid", QT_TRANSLATE_NOOP("", "State")),
)
"""Every row of the totals panel."""


class TotalsPanel(QGroupBox):
    """Counts and money of an order, with its paid and payable state.

    Each value label carries the API field name as its object name, so tests
    and accessibility tools can find it.
    """

    def __init__(self, formatter: Formatter, parent: QWidget | None = None) -> None:
        super().__init__(tr("Totals"), parent)
        self._formatter = formatter
        self._values: dict[str, QLabel] = {}
        # The timer belongs to the panel so it dies with it.
        self._highlighted_order: Order | None = None
        self._highlight_timer = QTimer(self)
        self._highlight_timer.setSingleShot(True)
        self._highlight_timer.setInterval(HIGHLIGHT_MS)
        self._highlight_timer.timeout.connect(self._clear_highlight)
        form = QFormLayout(self)
        for field, title in TOTAL_ROWS:
            value = plain_label()
            value.setObjectName(field)
            value.setAlignment(
                Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter
            )
            self._values[field] = value
            form.addRow(tr(str(title)), value)

        bold = self._values["total"].font()
        bold.setBold(True)
        for field in ("total", "amount_outstanding"):
            self._values[field].setFont(bold)

    def set_formatter(self, formatter: Formatter) -> None:
        """Show values in another language or currency from now on."""
        self._formatter = formatter

    def value(self, field: str) -> str:
        """The text shown for a field, for tests and screen readers."""
        return self._values[field].text()

    def highlight_changes(self, before: Order, after: Order) -> None:
        """Mark for a moment the values the server recalculated."""
        changed = [
            field
            for field, _title in TOTAL_ROWS
            if getattr(before, field) != getattr(after, field)
        ]
        for field in changed:
            label = self._values[field]
            label.setProperty("highlighted", True)
            label.setStyleSheet(label.styleSheet() + HIGHLIGHT_STYLE)
        if changed:
            self._highlighted_order = after
            self._highlight_timer.start()

    @property
    def highlighted(self) -> list[str]:
        """The fields marked as recalculated right now."""
        return [f for f, label in self._values.items() if label.property("highlighted")]

    def _clear_highlight(self) -> None:
        for label in self._values.values():
            label.setProperty("highlighted", False)
        if self._highlighted_order is not None:
            self.set_order(self._highlighted_order)

    def set_order(self, order: Order) -> None:
        """Show the totals of an order."""
        fmt = self._formatter
        self._values["count"].setText(fmt.number(order.count))
        self._values["quantity"].setText(fmt.number(order.quantity))
        for field in (
            "items_subtotal",
            "items_discount",
            "subtotal",
            "total_discount",
            "shipping_cost",
            "total",
            "amount_paid",
        ):
            self._values[field].setText(fmt.money(getattr(order, field)))

        outstanding = self._values["amount_outstanding"]
        outstanding.setText(outstanding_text(fmt, order.amount_outstanding))
        colour = OWED_COLOUR if order.amount_outstanding > 0 else SETTLED_COLOUR
        outstanding.setStyleSheet(f"QLabel {{ color: {colour}; }}")
        for field, label in self._values.items():
            if field != "amount_outstanding":
                label.setStyleSheet("")
        self._values["is_paid"].setText(state_text(order.is_paid, order.is_payable))


def state_text(is_paid: bool, is_payable: bool | None) -> str:
    """Paid or not, and whether the order accepts payments."""
    paid = tr("Paid") if is_paid else tr("Not paid")
    if is_payable is None:
        return paid
    payable = tr("accepts payments") if is_payable else tr("closed to payments")
    return f"{paid} · {payable}"
