"""The order view: everything the API says about one order."""

import logging
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from orderdesk.models import Order, OrderStatus
from orderdesk.views.column_fit import fit_columns_once, restore_widths
from orderdesk.views.extra_table import ExtraTable
from orderdesk.views.formatting import EM_DASH, Formatter, clean, or_dash
from orderdesk.views.i18n import tr
from orderdesk.views.images import ImageSource, NoImages
from orderdesk.views.items_model import ItemsTableModel
from orderdesk.views.payments_model import PaymentsTableModel
from orderdesk.views.table_model import ID_ROLE, RowTableModel
from orderdesk.views.totals_panel import TotalsPanel
from orderdesk.views.widgets import (
    plain_label,
    read_only_table,
    sort_by_server_order,
    value_label,
)

logger = logging.getLogger(__name__)

METHOD_IMAGE_EDGE = 48
IMAGE_REFRESH_MS = 50
MAX_COLUMN_WIDTH = 320

STATUS_COLOURS = {
    OrderStatus.PENDING: "#5b6b7a",
    OrderStatus.PROCESSING: "#1f5fbf",
    OrderStatus.SHIPPED: "#6a3fb5",
    OrderStatus.DELIVERED: "#1b7f3b",
    OrderStatus.CANCELLED: "#b3261e",
    OrderStatus.REFUNDED: "#b35c00",
}
UNKNOWN_STATUS_COLOUR = "#5b6b7a"
SAVED_COPY_STYLE = (
    "QLabel { background: #fff4ce; color: #5c4400; border-radius: 4px;"
    " padding: 2px 8px; }"
)


def status_text(status: str) -> str:
    """A status in words: translated when known, as it came otherwise."""
    names = {
        OrderStatus.PENDING: tr("Pending"),
        OrderStatus.PROCESSING: tr("Processing"),
        OrderStatus.SHIPPED: tr("Shipped"),
        OrderStatus.DELIVERED: tr("Delivered"),
        OrderStatus.CANCELLED: tr("Cancelled"),
        OrderStatus.REFUNDED: tr("Refunded"),
    }
    try:
        return names[OrderStatus(status)]
    except ValueError:
        return clean(status) or EM_DASH


class OrderView(QWidget):
    """Shows one order: header, customer, billing, methods, totals and tables.

    Signals:
        payment_activated(int): The user asked to edit the payment with this id.
        approve_requested(int): The user asked to approve the payment with
            this id.
    """

    payment_activated = Signal(int)
    approve_requested = Signal(int)

    def __init__(
        self,
        formatter: Formatter,
        images: ImageSource | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._formatter = formatter
        self._images: ImageSource = images or NoImages()
        self._order: Order | None = None
        self._read_only_reason = ""

        # Thumbnails arrive one by one; redraw once per burst, not per image.
        self._image_refresh = QTimer(self)
        self._image_refresh.setSingleShot(True)
        self._image_refresh.setInterval(IMAGE_REFRESH_MS)
        self._image_refresh.timeout.connect(self.refresh_images)

        self.items_model = ItemsTableModel(formatter, self._images, self)
        self.payments_model = PaymentsTableModel(formatter, self._images, self)
        self._build()

    @property
    def images(self) -> ImageSource:
        """Where this view gets its thumbnails from."""
        return self._images

    @property
    def order(self) -> Order | None:
        """The order shown, if any."""
        return self._order

    def set_order(self, order: Order, *, select_payment: int | None = None) -> None:
        """Show an order, keeping the selected payment if it still exists.

        Args:
            order: The order document to show.
            select_payment: The id of the payment to select; by default the
                one selected now.

        TODO: for a 10,000-item order this and the paint that follows hold
        the UI thread 30-40 ms in a new window, over the one-frame goal of
        figure 4 (`python -m benchmarks.stall_timeline`); filling the tables
        in a later turn of the event loop would split it, but callers rely
        on the models being filled when this returns.
        """
        if select_payment is None:
            select_payment = self.selected_payment_id()

        self._order = order
        self._fill_header(order)
        self._fill_people(order)
        self._fill_methods(order)
        self.totals.set_order(order)
        self._notes.setPlainText(clean(order.notes))
        self.extra.set_extra(order.extra)

        self.items_model.set_rows(order.items)
        self.payments_model.set_rows(order.payments)
        fit_columns_once(self.items_table, self.items_model, max_width=MAX_COLUMN_WIDTH)
        fit_columns_once(
            self.payments_table, self.payments_model, max_width=MAX_COLUMN_WIDTH
        )
        self._tabs.setTabText(
            0, tr("Items (%1)").replace("%1", self._formatter.number(len(order.items)))
        )
        self._tabs.setTabText(
            1,
            tr("Payments (%1)").replace(
                "%1", self._formatter.number(len(order.payments))
            ),
        )
        if select_payment is not None:
            self.select_payment(select_payment)
        self._update_edit_button()

    def set_formatter(self, formatter: Formatter) -> None:
        """Show values in another currency or language, and redraw."""
        self._formatter = formatter
        self.totals.set_formatter(formatter)
        self.items_model.set_formatter(formatter)
        self.payments_model.set_formatter(formatter)
        if self._order is not None:
            self.set_order(self._order)

    def schedule_image_refresh(self) -> None:
        """Redraw thumbnails soon; many calls in a burst redraw once."""
        if not self._image_refresh.isActive():
            self._image_refresh.start()

    def refresh_images(self) -> None:
        """Redraw whatever shows thumbnails, as when one has arrived."""
        if self._order is not None:
            self._fill_methods(self._order)
        for model in (self.items_model, self.payments_model):
            if model.rowCount():
                model.dataChanged.emit(
                    model.index(0, 0),
                    model.index(model.rowCount() - 1, 0),
                    [Qt.ItemDataRole.DecorationRole],
                )

    def selected_payment_id(self) -> int | None:
        """The id of the payment selected in the payments table, if any."""
        index = self.payments_table.currentIndex()
        if not index.isValid():
            return None
        value = index.siblingAtColumn(0).data(ID_ROLE)
        return int(value) if value is not None else None

    def select_payment(self, payment_id: int) -> bool:
        """Select a payment's row; False when the order has no such payment."""
        row = self.payments_model.row_of(payment_id)
        if row is None:
            return False

        index = self.payments_model.index(row, 0)
        self.payments_table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.payments_table.scrollTo(index)
        return True

    def header_states(self) -> dict[str, QByteArray]:
        """The column widths and order of both tables, to be remembered."""
        return {
            "items": self.items_table.horizontalHeader().saveState(),
            "payments": self.payments_table.horizontalHeader().saveState(),
        }

    def restore_header_states(self, states: dict[str, QByteArray]) -> None:
        """Put back remembered column widths and order."""
        tables = {"items": self.items_table, "payments": self.payments_table}
        for name, state in states.items():
            table = tables.get(name)
            if table is not None:
                restore_widths(table, state)

    def set_saved_at(self, saved_at: datetime | None) -> None:
        """Say that the order shown is a saved copy, and from when."""
        if saved_at is None:
            self._saved_at.clear()
            self._saved_at.hide()
            return
        self._saved_at.setText(
            tr("Saved copy from %1").replace("%1", self._formatter.date_time(saved_at))
        )
        self._saved_at.show()

    def set_read_only(self, reason: str) -> None:
        """Disable editing with a reason the user can read; "" enables it."""
        self._read_only_reason = reason
        self._update_edit_button()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_header())

        cards = QGridLayout()
        cards.addWidget(self._build_customer(), 0, 0)
        cards.addWidget(self._build_billing(), 0, 1)
        cards.addWidget(self._build_methods(), 0, 2)
        self.totals = TotalsPanel(self._formatter, self)
        cards.addWidget(self.totals, 0, 3, 2, 1)
        cards.addWidget(self._build_notes(), 1, 0, 1, 3)
        # Addresses and method names are the longest values: their cards get
        # more of the width, so they wrap later and the cards stay short.
        for column, stretch in enumerate((2, 3, 3, 2)):
            cards.setColumnStretch(column, stretch)

        top = _CardsPane(self)
        top.setLayout(cards)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(self._build_tables())
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)

    def _build_header(self) -> QHBoxLayout:
        header = QHBoxLayout()
        self._title = plain_label()
        font = self._title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self._title.setFont(font)

        self._key = value_label()
        self._key.setObjectName("order_key")
        self._key.setWordWrap(False)
        copy = QToolButton(self)
        copy.setText(tr("Copy key"))
        copy.setToolTip(tr("Copy the order key to the clipboard"))
        copy.clicked.connect(self._copy_key)

        self._status = plain_label()
        self._status.setObjectName("order_status")
        self._dates = plain_label()
        self._saved_at = plain_label()
        self._saved_at.setObjectName("saved_at")
        self._saved_at.setStyleSheet(SAVED_COPY_STYLE)
        self._saved_at.hide()

        header.addWidget(self._title)
        header.addSpacing(12)
        header.addWidget(plain_label(tr("Key:")))
        header.addWidget(self._key)
        header.addWidget(copy)
        header.addSpacing(12)
        header.addWidget(self._status)
        header.addStretch(1)
        header.addWidget(self._saved_at)
        header.addWidget(self._dates)
        return header

    def _build_customer(self) -> QGroupBox:
        box = QGroupBox(tr("Customer"), self)
        form = QFormLayout(box)
        self._customer_name = value_label()
        self._customer_username = value_label()
        self._customer_mobile = value_label()
        form.addRow(tr("Name"), self._customer_name)
        form.addRow(tr("Username"), self._customer_username)
        form.addRow(tr("Mobile"), self._customer_mobile)
        return box

    def _build_billing(self) -> QGroupBox:
        box = QGroupBox(tr("Billing"), self)
        form = QFormLayout(box)
        self._billing_name = value_label()
        self._billing_address = value_label()
        self._billing_place = value_label()
        self._billing_postal = value_label()
        self._billing_national = value_label()
        self._billing_mobile = value_label()
        form.addRow(tr("Name"), self._billing_name)
        form.addRow(tr("Address"), self._billing_address)
        form.addRow(tr("City"), self._billing_place)
        form.addRow(tr("Postal code"), self._billing_postal)
        form.addRow(tr("National code"), self._billing_national)
        form.addRow(tr("Mobile"), self._billing_mobile)
        return box

    def _build_methods(self) -> QGroupBox:
        box = QGroupBox(tr("Payment and delivery"), self)
        form = QFormLayout(box)
        self._payment_method = _MethodLabel(self)
        self._shipping_method = _MethodLabel(self)
        self._shipping_cost = value_label()
        form.addRow(tr("Payment method"), self._payment_method)
        form.addRow(tr("Shipping method"), self._shipping_method)
        form.addRow(tr("Shipping cost"), self._shipping_cost)
        return box

    def _build_notes(self) -> QGroupBox:
        box = QGroupBox(tr("Notes"), self)
        row = QHBoxLayout(box)
        self._notes = _read_only_text(self)
        self._notes.setObjectName("order_notes")
        self.extra = ExtraTable(self)
        self.extra.setMaximumHeight(90)
        row.addWidget(self._notes, 2)
        row.addWidget(self.extra, 1)
        return box

    def _build_tables(self) -> QTabWidget:
        self._tabs = QTabWidget(self)
        self._tabs.setAccessibleName(tr("Items and payments"))
        self.items_table = _table(self.items_model, self)
        self.items_table.setObjectName("items_table")
        self.items_table.setAccessibleName(tr("Items"))
        self.items_table.setAccessibleDescription(
            tr("The items of the order; a product's tooltip shows its snapshot.")
        )

        self.payments_table = _table(self.payments_model, self)
        self.payments_table.setObjectName("payments_table")
        self.payments_table.setAccessibleName(tr("Payments"))
        self.payments_table.setAccessibleDescription(
            tr("Enter or F2 edits the selected payment; Ctrl+Shift+A approves it.")
        )
        self.payments_table.activated.connect(self._on_payments_table_activated)
        self.payments_table.selectionModel().currentChanged.connect(
            self._on_current_payment_changed
        )

        self._edit_button = QPushButton(tr("Edit payment…"), self)
        self._edit_button.setObjectName("edit_payment")
        self._edit_button.clicked.connect(self._on_edit_clicked)
        self.edit_action = QAction(tr("&Edit payment…"), self)
        self.edit_action.setObjectName("edit_payment_action")
        self.edit_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.edit_action.setShortcutContext(
            Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        self.edit_action.triggered.connect(self._on_edit_clicked)
        self.addAction(self.edit_action)
        self.focus_items_action = QAction(tr("Go to &items"), self)
        self.focus_items_action.setShortcut(QKeySequence("Ctrl+1"))
        self.focus_items_action.triggered.connect(self._on_focus_items)
        self.focus_payments_action = QAction(tr("Go to &payments"), self)
        self.focus_payments_action.setShortcut(QKeySequence("Ctrl+2"))
        self.focus_payments_action.triggered.connect(self._on_focus_payments)
        self.approve_action = QAction(tr("&Approve payment…"), self)
        self.approve_action.setObjectName("approve_payment")
        self.approve_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.approve_action.setShortcutContext(
            Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        self.approve_action.triggered.connect(self._on_approve_triggered)
        self.addAction(self.approve_action)
        self._approve_button = QPushButton(tr("Approve…"), self)
        self._approve_button.setObjectName("approve_button")
        self._approve_button.setToolTip(
            tr("Approve the selected payment (Ctrl+Shift+A)")
        )
        self._approve_button.clicked.connect(self._on_approve_triggered)

        payments = QWidget(self)
        column = QVBoxLayout(payments)
        column.addWidget(self.payments_table, 1)
        buttons = QHBoxLayout()
        self._edit_hint = plain_label()
        buttons.addWidget(self._edit_hint, 1)
        buttons.addWidget(self._approve_button)
        buttons.addWidget(self._edit_button)
        column.addLayout(buttons)

        self._tabs.addTab(self.items_table, tr("Items"))
        self._tabs.addTab(payments, tr("Payments"))
        self._tabs.setCurrentIndex(1)
        return self._tabs

    def _fill_header(self, order: Order) -> None:
        fmt = self._formatter
        self._title.setText(tr("Order %1").replace("%1", fmt.number(order.id)))
        self._key.setText(or_dash(fmt.latin(order.key)))
        self._status.setText(status_text(order.status))
        known = order.known_status
        colour = STATUS_COLOURS[known] if known else UNKNOWN_STATUS_COLOUR
        self._status.setStyleSheet(
            f"QLabel {{ background: {colour}; color: white; border-radius: 4px;"
            " padding: 2px 8px; font-weight: bold; }"
        )
        self._dates.setText(
            tr("Created %1 · Updated %2")
            .replace("%1", fmt.date_time(order.created_at))
            .replace("%2", fmt.date_time(order.updated_at))
        )

    def _fill_people(self, order: Order) -> None:
        fmt = self._formatter
        customer = order.customer_data
        name = customer.display_name if customer else ""
        self._customer_name.setText(or_dash(fmt.text(name)))
        self._customer_username.setText(
            or_dash(fmt.latin(customer.username if customer else ""))
        )
        self._customer_mobile.setText(
            or_dash(fmt.latin(customer.mobile_number if customer else ""))
        )

        billing_name = f"{order.billing_first_name} {order.billing_last_name}"
        self._billing_name.setText(or_dash(fmt.text(billing_name)))
        self._billing_address.setText(or_dash(fmt.text(order.billing_address)))
        places = [
            place.name
            for place in (
                order.billing_city_data,
                order.billing_state_data,
                order.billing_country_data,
            )
            if place is not None and place.name
        ]
        self._billing_place.setText(or_dash(fmt.text("، ".join(places))))
        self._billing_postal.setText(or_dash(fmt.latin(order.billing_postal_code)))
        self._billing_national.setText(or_dash(fmt.latin(order.billing_national_code)))
        self._billing_mobile.setText(or_dash(fmt.latin(order.billing_mobile_number)))

    def _fill_methods(self, order: Order) -> None:
        payment = order.payment_method_data
        shipping = order.shipping_method_data
        self._payment_method.show_method(
            self._formatter.text(payment.name if payment else ""),
            self._images.pixmap(payment.image if payment else None, METHOD_IMAGE_EDGE),
        )
        self._shipping_method.show_method(
            self._formatter.text(shipping.name if shipping else ""),
            self._images.pixmap(
                shipping.image if shipping else None, METHOD_IMAGE_EDGE
            ),
        )
        self._shipping_cost.setText(self._formatter.money(order.shipping_cost))

    def _copy_key(self) -> None:
        if self._order is not None and self._order.key:
            QGuiApplication.clipboard().setText(self._order.key)

    def _on_payments_table_activated(self, index: QModelIndex) -> None:
        self._request_edit(index.siblingAtColumn(0).data(ID_ROLE))

    def _on_edit_clicked(self) -> None:
        self._request_edit(self.selected_payment_id())

    def _request_edit(self, payment_id: int | None) -> None:
        if payment_id is None or self._read_only_reason:
            return
        self.payment_activated.emit(int(payment_id))

    def _on_current_payment_changed(
        self, _current: QModelIndex, _previous: QModelIndex
    ) -> None:
        self._update_edit_button()

    def _on_focus_items(self) -> None:
        self._tabs.setCurrentIndex(0)
        self._focus_table(self.items_table)

    def _on_focus_payments(self) -> None:
        self._tabs.setCurrentIndex(1)
        self._focus_table(self.payments_table)

    def _focus_table(self, table: QTableView) -> None:
        table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not table.currentIndex().isValid() and table.model().rowCount():
            table.setCurrentIndex(table.model().index(0, 0))

    def _on_approve_triggered(self) -> None:
        payment_id = self.selected_payment_id()
        if payment_id is not None and not self._read_only_reason:
            self.approve_requested.emit(payment_id)

    def _update_edit_button(self) -> None:
        payment_id = self.selected_payment_id()
        editable = payment_id is not None and not self._read_only_reason
        payment = (
            self._order.payment(payment_id) if self._order and payment_id else None
        )
        self._edit_button.setEnabled(editable)
        self.edit_action.setEnabled(editable)
        self._approve_button.setEnabled(
            editable and payment is not None and not payment.approved
        )
        self.approve_action.setEnabled(self._approve_button.isEnabled())
        self._edit_hint.setText(self._read_only_reason)


class _CardsPane(QWidget):
    """The cards above the tables, never shorter than their wrapped text.

    A splitter gives its panes no less than their minimum height, which a
    layout of word-wrapped labels reports for its widest, one-line state.
    In a narrower window a long address then wraps to two lines and is cut
    in half; here the minimum follows the height the current width needs,
    again whenever the width or the text changes.
    """

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Override of `QWidget.resizeEvent`: keep the wrapped text whole."""
        super().resizeEvent(event)
        self._fit_height()

    def event(self, event: QEvent) -> bool:
        """Override of `QObject.event`: refit when the text changes."""
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            self._fit_height()
        return handled

    def _fit_height(self) -> None:
        layout = self.layout()
        if layout is None or not layout.hasHeightForWidth():
            return
        needed = layout.totalHeightForWidth(self.width())
        if needed != self.minimumHeight():
            self.setMinimumHeight(needed)


class _MethodLabel(QWidget):
    """A method's thumbnail beside its name."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self._image = QLabel(self)
        self._image.setFixedSize(METHOD_IMAGE_EDGE, METHOD_IMAGE_EDGE)
        self._image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._name = value_label()
        row.addWidget(self._image)
        row.addWidget(self._name, 1)

    def show_method(self, name: str, pixmap: QPixmap | None) -> None:
        """Show a method's name and, when it has arrived, its image."""
        self._name.setText(or_dash(name))
        if pixmap is not None and not pixmap.isNull():
            self._image.setPixmap(pixmap)
        else:
            self._image.clear()


def _read_only_text(parent: QWidget) -> QPlainTextEdit:
    # QPlainTextEdit never interprets markup, so server text stays text.
    text = QPlainTextEdit(parent)
    text.setReadOnly(True)
    text.setMaximumHeight(90)
    return text


def _table(model: RowTableModel[Any], parent: QWidget) -> QTableView:
    # The model sorts itself: see RowTableModel.
    table = read_only_table(model, parent)
    sort_by_server_order(table)
    return table
